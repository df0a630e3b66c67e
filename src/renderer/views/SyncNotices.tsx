/** Why the newsroom server refused changes to the open article, with the way back to its version. */
export function SyncRefusal({ refusedBy, onBackToServer }: { refusedBy: string[]; onBackToServer(): void }) {
  const reasons = [...new Set(refusedBy)];
  if (!reasons.length) return null;
  return (
    <div className="error-banner sync-refused" role="alert" aria-label="Refused by the newsroom server">
      <p>
        The newsroom server refused{' '}
        {refusedBy.length === 1
          ? 'a change to this article; it stays here, but others do not see it'
          : `${refusedBy.length} changes to this article; they stay here, but others do not see them`}
        :
      </p>
      <ul>
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <button type="button" onClick={onBackToServer}>
        Go back to the server’s version
      </button>
    </div>
  );
}

/**
 * Who else has the article open. It sits beside the text, never above it: colleagues come and go
 * at any moment, and a line pushed in over the text would move the words under a click.
 */
export function EditingNotice({ editingBy }: { editingBy: string[] }) {
  const editors = [...new Set(editingBy)];
  if (!editors.length) return null;
  return (
    <p className="editing-notice" role="status">
      {editors.join(', ')} {editors.length === 1 ? 'is' : 'are'} editing this article too. Nothing is locked: both texts
      are kept, and where you both change the same revision the desk chooses.
    </p>
  );
}
