/** A dismissable message: an error (announced at once) or a notice (announced politely). */
export function Banner({ kind, message, onDismiss }: { kind: 'error' | 'notice'; message: string; onDismiss(): void }) {
  return (
    <div role={kind === 'error' ? 'alert' : 'status'} className={kind === 'error' ? 'error-banner' : 'notice'}>
      {message}
      <button type="button" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
