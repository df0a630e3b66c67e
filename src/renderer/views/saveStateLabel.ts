import type { SaveState } from '../editor/autosave';

/** What the save state says in words. */
export function describeSaveState(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return state.at
        ? `Saved ${new Date(state.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`
        : 'Saved';
    case 'dirty':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'error':
      return `Not saved: ${state.message}`;
  }
}
