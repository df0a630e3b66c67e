import { Editor, Node, Point, Transforms, type Range } from 'slate';
import { ReactEditor } from 'slate-react';
import { LAYOUT, type BylineEditor, type FieldType } from './schema';

/**
 * Where the caret goes when an article opens, and how it comes back after a form or popover.
 * Focus must always land in the text: keys typed right after "New article", after a link form or
 * after the comment box is closed would otherwise go to the page and be lost.
 */

const storageKey = (articleId: string) => `byline.caret.${articleId}`;

/** Remembers where the caret was in an article, for the next time it opens on this machine. */
export function rememberCaret(articleId: string, editor: BylineEditor): void {
  const at = editor.selection?.focus;
  if (!at) return;
  try {
    localStorage.setItem(storageKey(articleId), JSON.stringify(at));
  } catch {
    // A full or disabled storage only costs the remembered place.
  }
}

function rememberedPoint(articleId: string, editor: BylineEditor): Point | null {
  try {
    const raw = localStorage.getItem(storageKey(articleId));
    if (!raw) return null;
    const p = JSON.parse(raw) as unknown;
    if (!Point.isPoint(p) || !Node.has(editor, p.path)) return null;
    const node = Node.get(editor, p.path);
    return 'text' in node && p.offset <= node.text.length ? p : null;
  } catch {
    return null;
  }
}

/** The end of a header field's text. */
export function fieldEnd(editor: BylineEditor, field: FieldType): Point {
  return Editor.end(editor, [LAYOUT.indexOf(field)]);
}

/**
 * Selects `at` and gives the text the keyboard focus at once, in this task. ReactEditor.focus
 * waits while operations are pending (a select is one), and a key pressed in that gap would land
 * on the page; so the DOM selection is set here from the rendered text.
 */
export function focusText(editor: BylineEditor, at?: Range | Point | null): void {
  if (at) Transforms.select(editor, at);
  let el: HTMLElement;
  try {
    el = ReactEditor.toDOMNode(editor, editor);
  } catch {
    return; // the editor is unmounting: nothing to focus
  }
  el.focus({ preventScroll: true });
  const sel = editor.selection;
  if (!sel) return;
  try {
    const range = ReactEditor.toDOMRange(editor, sel);
    const dom = window.getSelection();
    dom?.removeAllRanges();
    dom?.addRange(range);
    // Scroll the caret into view: it may be far down a long article.
    (range.startContainer.parentElement ?? el).scrollIntoView({ block: 'nearest' });
  } catch {
    // Not rendered yet: Slate sets the DOM selection on its next render.
  }
}

/**
 * A new article starts in the field the house style names; an article opened again continues
 * where the caret was last time on this machine, else at the end of its headline.
 */
export function placeCaretOnOpen(
  editor: BylineEditor,
  opts: { articleId: string; isNew: boolean; firstField: FieldType },
): void {
  const remembered = opts.isNew ? null : rememberedPoint(opts.articleId, editor);
  const at = remembered ?? fieldEnd(editor, opts.isNew ? opts.firstField : 'headline');
  // Refilled while the person works in another control (the page source's menus, a panel's
  // button): the caret is placed, but the keyboard stays where it is, so keys still being typed
  // there never land in the text.
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected) Transforms.select(editor, at);
  else focusText(editor, at);
}

/** Types `text` at the caret as the keyboard would: a line break is Enter (which moves on from a header field). */
export function typeIn(editor: BylineEditor, text: string): void {
  if (!text || !editor.selection) return;
  text.split(/\r?\n/).forEach((line, i) => {
    if (i > 0) editor.insertBreak();
    if (line) editor.insertText(line);
  });
}
