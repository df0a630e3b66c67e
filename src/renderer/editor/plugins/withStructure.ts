import { Editor, Element, Path, Point, Range, Transforms, type Node } from 'slate';
import { setBlockType } from '../commands';
import { normalizeElement } from '../normalizers/elements';
import { normalizeLayout } from '../normalizers/layout';
import { BODY_INDEX, SIGNOFF_INDEX, isFieldType, type BylineEditor } from '../schema';

/** Which top-level section a path is in. */
export function sectionIndex(path: Path): number {
  return path[0] ?? -1;
}

/**
 * The article's shape, enforced: layout and element normalizers; links inline; images and the
 * sign-off void; Enter in a header field moves on instead of splitting it; Backspace and Delete
 * never merge two sections; a selection across sections deletes inside each section and keeps
 * the sections.
 */
export function withStructure(editor: BylineEditor): BylineEditor {
  const { normalizeNode, isInline, isVoid, insertBreak, deleteBackward, deleteForward, deleteFragment } = editor;

  editor.isInline = (el) => el.type === 'link' || isInline(el);
  editor.isVoid = (el) => el.type === 'image' || el.type === 'signoff' || isVoid(el);

  editor.normalizeNode = (entry, options) => {
    const [node, path] = entry;
    if (path.length === 0 && normalizeLayout(editor)) return;
    if (Element.isElement(node) && normalizeElement(editor, node, path)) return;
    normalizeNode(entry, options);
  };

  editor.insertBreak = () => {
    const section = editor.selection ? sectionIndex(editor.selection.anchor.path) : -1;
    const node = editor.children[section];
    if (node && Element.isElement(node) && isFieldType(node.type)) {
      if (editor.selection && Range.isExpanded(editor.selection)) Transforms.delete(editor);
      moveToSection(editor, section + 1);
      return;
    }
    if (breakOutOfBlock(editor)) return;
    insertBreak();
  };

  editor.deleteBackward = (unit) => {
    const { selection } = editor;
    if (selection && Range.isCollapsed(selection) && atSectionEdge(editor, selection.anchor, 'start')) return;
    deleteBackward(unit);
  };

  editor.deleteForward = (unit) => {
    const { selection } = editor;
    if (selection && Range.isCollapsed(selection) && atSectionEdge(editor, selection.anchor, 'end')) return;
    deleteForward(unit);
  };

  editor.deleteFragment = (options) => {
    const { selection } = editor;
    if (!selection || sectionIndex(selection.anchor.path) === sectionIndex(selection.focus.path)) {
      deleteFragment(options);
      return;
    }
    // Across sections: clear the selected part of each section, keep every section.
    const [start, end] = Range.edges(selection);
    Editor.withoutNormalizing(editor, () => {
      for (let s = sectionIndex(end.path); s >= sectionIndex(start.path); s--) {
        if (s === SIGNOFF_INDEX) continue;
        const from = s === sectionIndex(start.path) ? start : Editor.start(editor, [s]);
        const to = s === sectionIndex(end.path) ? end : Editor.end(editor, [s]);
        if (!Point.equals(from, to)) Transforms.delete(editor, { at: { anchor: from, focus: to } });
      }
    });
    Transforms.select(editor, start);
  };

  return editor;
}

/**
 * Enter as in a word processor: after a subhead the next line is a paragraph; Enter on an empty
 * list item or an empty quote line leaves the list or quote. Returns true when it handled the key.
 */
function breakOutOfBlock(editor: BylineEditor): boolean {
  const { selection } = editor;
  if (!selection || Range.isExpanded(selection) || selection.anchor.path[0] !== BODY_INDEX) return false;
  const entry = Editor.above(editor, {
    match: (n) => Element.isElement(n) && (n.type === 'subhead' || n.type === 'quote' || n.type === 'list-item'),
  });
  if (!entry) return false;
  const [block, path] = entry;
  const empty = Editor.isEmpty(editor, block);
  if (block.type === 'subhead' && Point.equals(selection.anchor, Editor.end(editor, path))) {
    Transforms.insertNodes(
      editor,
      { type: 'paragraph', children: [{ text: '' }] },
      { at: Path.next(path), select: true },
    );
    return true;
  }
  if (block.type === 'list-item' && empty) {
    setBlockType(editor, 'paragraph');
    return true;
  }
  if (block.type === 'quote' && empty) {
    Transforms.setNodes<Node>(editor, { type: 'paragraph' } as Partial<Node>, { at: path });
    Transforms.unsetNodes(editor, 'attribution', { at: path });
    return true;
  }
  return false;
}

/** True at the very start (or end) of a section: deleting there would merge two sections. */
function atSectionEdge(editor: BylineEditor, point: Point, edge: 'start' | 'end'): boolean {
  const s = sectionIndex(point.path);
  if (s < 0 || s >= editor.children.length) return false;
  return edge === 'start'
    ? Point.equals(point, Editor.start(editor, [s]))
    : Point.equals(point, Editor.end(editor, [s]));
}

export function moveToSection(editor: BylineEditor, index: number): void {
  const target = Math.min(index, BODY_INDEX);
  if (target < 0 || target >= editor.children.length) return;
  Transforms.select(editor, Editor.start(editor, [target]));
}
