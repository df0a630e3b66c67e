import { Element, Node, Text, Transforms } from 'slate';
import { LAYOUT, isBlockType, isFieldType, type BylineEditor, type BylineElement, type SectionType } from '../schema';

function emptySection(type: SectionType): BylineElement {
  if (type === 'body') return { type: 'body', children: [{ type: 'paragraph', children: [{ text: '' }] }] };
  if (type === 'signoff') return { type: 'signoff', authors: [], agencies: [], children: [{ text: '' }] };
  return { type, children: [{ text: '' }] };
}

/**
 * Keeps the top level exactly rubric, kicker, headline, teaser, body, sign-off, whatever paste,
 * undo, drag or a delete across fields did. One fix per call; Slate calls again until stable.
 * Text is never dropped: stray blocks move into the body, a second copy of a field is merged
 * into the first.
 */
export function normalizeLayout(editor: BylineEditor): boolean {
  const top = editor.children as BylineElement[];

  // Body blocks (or bare text) that ended up at the top level move into the body.
  const bodyAt = top.findIndex((n) => Element.isElement(n) && n.type === 'body');
  for (let i = 0; i < top.length; i++) {
    const n = top[i] as Node;
    const stray =
      Text.isText(n) || (Element.isElement(n) && (isBlockType(n.type) || n.type === 'list-item' || n.type === 'link'));
    if (!stray) continue;
    if (bodyAt === -1) {
      Transforms.wrapNodes(editor, { type: 'body', children: [] }, { at: [i] });
    } else {
      const to = i < bodyAt ? [bodyAt, 0] : [bodyAt, (top[bodyAt] as Element).children.length];
      Transforms.moveNodes(editor, { at: [i], to });
    }
    return true;
  }

  // A second copy of a section: fields merge their text into the first; a second body's blocks
  // join the first; a second sign-off merges its chips.
  for (let i = 0; i < top.length; i++) {
    const n = top[i]!;
    const first = top.findIndex((m) => m.type === n.type);
    if (first === i) continue;
    if (n.type === 'body') {
      Transforms.unwrapNodes(editor, { at: [i] }); // its blocks become strays and move into the first body
    } else if (n.type === 'signoff') {
      const a = top[first] as Extract<BylineElement, { type: 'signoff' }>;
      Transforms.setNodes(
        editor,
        { authors: [...new Set([...a.authors, ...n.authors])], agencies: [...new Set([...a.agencies, ...n.agencies])] },
        { at: [first] },
      );
      Transforms.removeNodes(editor, { at: [i] });
    } else if (isFieldType(n.type)) {
      const text = Node.string(n);
      const end = Node.string(top[first]!).length;
      if (text)
        Transforms.insertText(editor, `${end ? ' ' : ''}${text}`, {
          at: { path: [first, ...lastTextPath(top[first]!)], offset: lastTextLength(top[first]!) },
        });
      Transforms.removeNodes(editor, { at: [i] });
    } else {
      Transforms.removeNodes(editor, { at: [i] });
    }
    return true;
  }

  // Missing sections are inserted empty; sections out of order are moved into place.
  for (let want = 0; want < LAYOUT.length; want++) {
    const type = LAYOUT[want]!;
    const at = top.findIndex((n) => n.type === type);
    if (at === -1) {
      Transforms.insertNodes(editor, emptySection(type), { at: [Math.min(want, top.length)] });
      return true;
    }
    if (at !== want) {
      Transforms.moveNodes(editor, { at: [at], to: [want] });
      return true;
    }
  }
  return false;
}

function lastTextPath(node: Node): number[] {
  const path: number[] = [];
  let n: Node = node;
  while (Element.isElement(n) && n.children.length) {
    path.push(n.children.length - 1);
    n = n.children[n.children.length - 1]!;
  }
  return path;
}

function lastTextLength(node: Node): number {
  let n: Node = node;
  while (Element.isElement(n) && n.children.length) n = n.children[n.children.length - 1]!;
  return Text.isText(n) ? n.text.length : 0;
}
