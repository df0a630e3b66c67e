interface Props {
  /** Why the newsroom server refused changes to this article. */
  refusedBy: string[];
  /** Who else has the article open. */
  editingBy: string[];
  onBackToServer(): void;
}

/** What the newsroom server says about the open article: refused changes (with a way back), and who else is editing it. */
export function SyncNotices({ refusedBy, editingBy, onBackToServer }: Props) {
  const reasons = [...new Set(refusedBy)];
  const editors = [...new Set(editingBy)];
  return (
    <>
      {reasons.length ? (
        <div className="error-banner sync-refused" role="alert" aria-label="Refused by the newsroom server">
          <p>
            The newsroom server refused {refusedBy.length === 1 ? 'a change to this article; it stays here, but others do not see it' : `${refusedBy.length} changes to this article; they stay here, but others do not see them`}:
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
      ) : null}
      {editors.length ? (
        <p className="editing-notice" role="status">
          {editors.join(', ')} {editors.length === 1 ? 'is' : 'are'} editing this article too. Nothing is locked: both texts are kept, and where you both change the same revision the desk chooses.
        </p>
      ) : null}
    </>
  );
}
