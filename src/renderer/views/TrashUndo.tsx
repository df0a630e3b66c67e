import { useEffect, useRef } from 'react';

export interface Trashed {
  id: string;
  headline: string;
}

/**
 * After an article goes to the trash: a notice beside the list with Undo, which brings it back at
 * once. Moving to the trash never asks first; it can always be taken back (until the trash is
 * emptied, which does ask).
 */
export function TrashUndo({ trashed, onUndo, onDismiss }: { trashed: Trashed; onUndo(): void; onDismiss(): void }) {
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => undo.current?.focus(), [trashed.id]);
  return (
    <div role="status" className="notice trash-undo">
      <span>“{trashed.headline || 'Untitled'}” was moved to the trash.</span>
      <span>
        <button ref={undo} type="button" onClick={onUndo}>
          Undo
        </button>{' '}
        <button type="button" onClick={onDismiss} aria-label="Dismiss">
          ×
        </button>
      </span>
    </div>
  );
}
