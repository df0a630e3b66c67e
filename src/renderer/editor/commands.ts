import { Editor, Element, Range, Transforms, type Node, type NodeEntry } from 'slate';
import { isAllowedLinkUrl } from '../../shared/model/inline';
import { BODY_INDEX, type BylineEditor, type BylineElement, type FormattedText } from './schema';

export type Mark = keyof Omit<FormattedText, 'text'>;
export type TextBlockType = 'paragraph' | 'subhead' | 'quote';

/** True when the whole selection is inside the body: formatting applies there only. */
export function selectionInBody(editor: BylineEditor): boolean {
  const { selection } = editor;
  return !!selection && selection.anchor.path[0] === BODY_INDEX && selection.focus.path[0] === BODY_INDEX;
}

export function isMarkActive(editor: BylineEditor, mark: Mark): boolean {
  return Editor.marks(editor)?.[mark] === true;
}

export function toggleMark(editor: BylineEditor, mark: Mark): void {
  if (!selectionInBody(editor)) return;
  if (isMarkActive(editor, mark)) Editor.removeMark(editor, mark);
  else Editor.addMark(editor, mark, true);
}

/** The body-level blocks the selection touches (lists count as their items' list). */
function selectedBodyBlocks(editor: BylineEditor): NodeEntry<BylineElement>[] {
  if (!selectionInBody(editor)) return [];
  return Array.from(
    Editor.nodes<BylineElement>(editor, {
      match: (n, p) => Element.isElement(n) && p.length === 2 && p[0] === BODY_INDEX,
      mode: 'highest',
    }),
  );
}

/** The kind of block at the caret, for toolbar state: a text block type, a list kind, or null. */
export function activeBlock(editor: BylineEditor): TextBlockType | 'bulleted' | 'numbered' | 'image' | null {
  const [first] = selectedBodyBlocks(editor);
  if (!first) return null;
  const [node] = first;
  if (node.type === 'list') return node.ordered ? 'numbered' : 'bulleted';
  if (node.type === 'paragraph' || node.type === 'subhead' || node.type === 'quote' || node.type === 'image')
    return node.type;
  return null;
}

/** Turns the selected blocks into paragraphs, subheads or quotes (list items leave their list). */
export function setBlockType(editor: BylineEditor, type: TextBlockType): void {
  if (!selectionInBody(editor)) return;
  Editor.withoutNormalizing(editor, () => {
    Transforms.unwrapNodes(editor, { match: (n) => Element.isElement(n) && n.type === 'list', split: true });
    Transforms.setNodes(
      editor,
      { type },
      { match: (n, p) => Element.isElement(n) && p.length === 2 && p[0] === BODY_INDEX && n.type !== 'image' },
    );
    if (type !== 'quote')
      Transforms.unsetNodes(editor, 'attribution', {
        match: (n, p) => Element.isElement(n) && p.length === 2 && p[0] === BODY_INDEX,
      });
  });
}

/** Bulleted or numbered list on and off; switching kinds keeps the items. */
export function toggleList(editor: BylineEditor, ordered: boolean): void {
  if (!selectionInBody(editor)) return;
  const current = activeBlock(editor);
  const same = current === (ordered ? 'numbered' : 'bulleted');
  const other = current === (ordered ? 'bulleted' : 'numbered');
  Editor.withoutNormalizing(editor, () => {
    if (other) {
      Transforms.setNodes(editor, { ordered }, { match: (n) => Element.isElement(n) && n.type === 'list' });
      return;
    }
    if (same) {
      Transforms.unwrapNodes(editor, { match: (n) => Element.isElement(n) && n.type === 'list', split: true });
      Transforms.setNodes<Node>(editor, { type: 'paragraph' } as Partial<Node>, {
        match: (n) => Element.isElement(n) && n.type === 'list-item',
      });
      return;
    }
    Transforms.setNodes(
      editor,
      { type: 'list-item' },
      { match: (n, p) => Element.isElement(n) && p.length === 2 && p[0] === BODY_INDEX && n.type !== 'image' },
    );
    Transforms.unsetNodes(editor, 'attribution', { match: (n) => Element.isElement(n) && n.type === 'list-item' });
    Transforms.wrapNodes(
      editor,
      { type: 'list', ordered, children: [] },
      { match: (n) => Element.isElement(n) && n.type === 'list-item' },
    );
  });
}

export function activeLink(editor: BylineEditor): NodeEntry<Extract<BylineElement, { type: 'link' }>> | undefined {
  const [entry] = Editor.nodes(editor, { match: (n) => Element.isElement(n) && n.type === 'link' });
  return entry as NodeEntry<Extract<BylineElement, { type: 'link' }>> | undefined;
}

/**
 * Links the selection (or inserts the address as linked text). Only http, https and mailto:
 * anything else is refused with a message, and the text stays as it was.
 */
export function insertLink(editor: BylineEditor, rawUrl: string): { ok: true } | { ok: false; message: string } {
  const url = normalizeUrl(rawUrl);
  if (!isAllowedLinkUrl(url)) {
    return {
      ok: false,
      message: `"${rawUrl.trim()}" is not a web or mail address. Links may use http, https or mailto only.`,
    };
  }
  if (!selectionInBody(editor)) return { ok: false, message: 'Links can be added in the body text only.' };
  const existing = activeLink(editor);
  if (existing) {
    Transforms.setNodes(editor, { url }, { at: existing[1] });
    return { ok: true };
  }
  if (Range.isCollapsed(editor.selection!)) {
    Transforms.insertNodes(editor, { type: 'link', url, children: [{ text: rawUrl.trim() }] });
  } else {
    Transforms.wrapNodes(editor, { type: 'link', url, children: [] }, { split: true });
    Transforms.collapse(editor, { edge: 'end' });
  }
  return { ok: true };
}

export function removeLink(editor: BylineEditor): void {
  Transforms.unwrapNodes(editor, { match: (n) => Element.isElement(n) && n.type === 'link' });
}

/** `www.dw.com` → `https://www.dw.com`; `desk@example.org` → `mailto:desk@example.org`. */
export function normalizeUrl(raw: string): string {
  const value = raw.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return `mailto:${value}`;
  if (/^[\w-]+(\.[\w-]+)+([/?#].*)?$/.test(value)) return `https://${value}`;
  return value;
}
