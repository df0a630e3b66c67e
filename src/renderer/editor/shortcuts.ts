import { setBlockType, toggleList, toggleMark } from './commands';
import type { BylineEditor } from './schema';

export interface Shortcut {
  /** As shown to people: Mod is Ctrl (Cmd on macOS). */
  keys: string;
  label: string;
  /** Matches a keydown; `code` keeps Alt+digit working on layouts where Alt changes the key. */
  match(event: KeyboardEventLike): boolean;
  run?(editor: BylineEditor, ui: ShortcutUi): void;
}

export interface KeyboardEventLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface ShortcutUi {
  askForLink(): void;
}

const mod = (e: KeyboardEventLike) => e.ctrlKey || e.metaKey;
const plainMod = (e: KeyboardEventLike, key: string) =>
  mod(e) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === key;
const modShift = (e: KeyboardEventLike, code: string) => mod(e) && e.shiftKey && !e.altKey && e.code === code;
const alt = (e: KeyboardEventLike, code: string) => e.altKey && !mod(e) && !e.shiftKey && e.code === code;

/** Every keyboard shortcut, in the order the overlay lists them. Menus, toolbar and keys share these commands. */
export const SHORTCUTS: Shortcut[] = [
  { keys: 'Mod+B', label: 'Bold', match: (e) => plainMod(e, 'b'), run: (ed) => toggleMark(ed, 'bold') },
  { keys: 'Mod+I', label: 'Italic', match: (e) => plainMod(e, 'i'), run: (ed) => toggleMark(ed, 'italic') },
  { keys: 'Mod+K', label: 'Link', match: (e) => plainMod(e, 'k'), run: (_ed, ui) => ui.askForLink() },
  { keys: 'Alt+0', label: 'Paragraph', match: (e) => alt(e, 'Digit0'), run: (ed) => setBlockType(ed, 'paragraph') },
  { keys: 'Alt+2', label: 'Subhead', match: (e) => alt(e, 'Digit2'), run: (ed) => setBlockType(ed, 'subhead') },
  { keys: 'Alt+Q', label: 'Quote', match: (e) => alt(e, 'KeyQ'), run: (ed) => setBlockType(ed, 'quote') },
  {
    keys: 'Mod+Shift+8',
    label: 'Bulleted list',
    match: (e) => modShift(e, 'Digit8'),
    run: (ed) => toggleList(ed, false),
  },
  {
    keys: 'Mod+Shift+7',
    label: 'Numbered list',
    match: (e) => modShift(e, 'Digit7'),
    run: (ed) => toggleList(ed, true),
  },
  { keys: 'Mod+Z', label: 'Undo', match: () => false },
  { keys: 'Mod+Shift+Z / Mod+Y', label: 'Redo', match: () => false },
  { keys: 'Mod+S', label: 'Save now', match: () => false },
  { keys: 'Enter (in a field)', label: 'Next field', match: () => false },
  { keys: 'Mod+Alt+M', label: 'Comment on the selected words', match: () => false },
  { keys: 'Mod+Enter (in the comment box)', label: 'Post the comment', match: () => false },
  { keys: 'Escape (in a form)', label: 'Back to the text', match: () => false },
  { keys: '/ (in the article list)', label: 'Search articles', match: () => false },
  { keys: '↓ ↑ Home End, Enter (in the list)', label: 'Walk the rows, open one', match: () => false },
  { keys: 'Delete (on a row)', label: 'Move to the trash (with Undo)', match: () => false },
  { keys: 'Mod+Shift+P (desktop app)', label: 'Photo desk', match: () => false },
  { keys: 'F1, or ? outside text', label: 'This list', match: () => false },
];

export const MARKDOWN_HELP: [string, string][] = [
  ['## ', 'Subhead'],
  ['> ', 'Quote'],
  ['- or * ', 'Bulleted list'],
  ['1. ', 'Numbered list'],
];

/** Runs the first shortcut that matches; true when one did (the caller then prevents the default). */
export function runShortcut(editor: BylineEditor, event: KeyboardEventLike, ui: ShortcutUi): boolean {
  const shortcut = SHORTCUTS.find((s) => s.run && s.match(event));
  if (!shortcut) return false;
  shortcut.run!(editor, ui);
  return true;
}
