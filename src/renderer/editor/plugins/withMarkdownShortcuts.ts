import { Editor, Element, Range, Transforms } from 'slate';
import { setBlockType, toggleList } from '../commands';
import { BODY_INDEX, type BylineEditor } from '../schema';

/** Typed at the start of a body paragraph and followed by a space. */
export const MARKDOWN_SHORTCUTS: Record<string, (editor: BylineEditor) => void> = {
  '##': (e) => setBlockType(e, 'subhead'),
  '>': (e) => setBlockType(e, 'quote'),
  '-': (e) => toggleList(e, false),
  '*': (e) => toggleList(e, false),
  '1.': (e) => toggleList(e, true),
};

/** `## ` makes a subhead, `> ` a quote, `- ` or `* ` a bulleted list, `1. ` a numbered list. */
export function withMarkdownShortcuts(editor: BylineEditor): BylineEditor {
  const { insertText } = editor;
  editor.insertText = (text, options) => {
    const { selection } = editor;
    if (text === ' ' && selection && Range.isCollapsed(selection) && selection.anchor.path[0] === BODY_INDEX) {
      const entry = Editor.above(editor, {
        match: (n, p) => Element.isElement(n) && p.length === 2 && n.type === 'paragraph',
      });
      if (entry) {
        const [, path] = entry;
        const before = Editor.string(editor, { anchor: Editor.start(editor, path), focus: selection.anchor });
        const apply = MARKDOWN_SHORTCUTS[before];
        if (apply) {
          Transforms.delete(editor, { at: { anchor: Editor.start(editor, path), focus: selection.anchor } });
          apply(editor);
          return;
        }
      }
    }
    insertText(text, options);
  };
  return editor;
}
