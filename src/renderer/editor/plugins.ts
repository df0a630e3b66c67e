import { Editor } from 'slate';
import type { BylineEditor, FormattedText } from './schema';

/** Links are inline; images are voids (their fields are edited outside the text flow). */
export function withBylineElements(editor: BylineEditor): BylineEditor {
  const { isInline, isVoid } = editor;
  editor.isInline = (el) => el.type === 'link' || isInline(el);
  editor.isVoid = (el) => el.type === 'image' || isVoid(el);
  return editor;
}

export type Mark = keyof Omit<FormattedText, 'text'>;

export function isMarkActive(editor: BylineEditor, mark: Mark): boolean {
  return Editor.marks(editor)?.[mark] === true;
}

export function toggleMark(editor: BylineEditor, mark: Mark): void {
  if (isMarkActive(editor, mark)) Editor.removeMark(editor, mark);
  else Editor.addMark(editor, mark, true);
}
