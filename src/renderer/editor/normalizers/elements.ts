import { Element, Node, Text, Transforms, type Descendant, type Path } from 'slate';
import { isAllowedLinkUrl } from '../../../shared/model/inline';
import { isBlockType, isFieldType, type BylineEditor, type BylineElement } from '../schema';

const INLINE_CONTAINERS = new Set(['paragraph', 'subhead', 'quote', 'list-item']);

/**
 * Rules inside each section. Returns true after one fix (Slate normalizes again until stable).
 * Like the layout rules they reshape, never drop, text.
 */
export function normalizeElement(editor: BylineEditor, node: BylineElement, path: Path): boolean {
  if (path.length === 1 && isFieldType(node.type)) return normalizeField(editor, node, path);
  if (node.type === 'body') return normalizeBody(editor, node, path);
  if (node.type === 'list') return normalizeList(editor, node, path);
  if (node.type === 'link') return normalizeLink(editor, node, path);
  if (INLINE_CONTAINERS.has(node.type)) return unwrapNestedBlocks(editor, node, path);
  return false;
}

/** Header fields hold plain text: no links, no marks, no blocks. */
function normalizeField(editor: BylineEditor, node: BylineElement, path: Path): boolean {
  for (const [i, child] of node.children.entries()) {
    if (Element.isElement(child)) {
      Transforms.unwrapNodes(editor, { at: [...path, i] });
      return true;
    }
    if (Text.isText(child) && (child.bold || child.italic)) {
      Transforms.unsetNodes(editor, ['bold', 'italic'], { at: [...path, i] });
      return true;
    }
  }
  return false;
}

/** The body holds blocks only, and at least one. */
function normalizeBody(editor: BylineEditor, node: BylineElement, path: Path): boolean {
  if (node.children.length === 0) {
    Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: '' }] }, { at: [...path, 0] });
    return true;
  }
  for (const [i, child] of (node.children as Descendant[]).entries()) {
    const at = [...path, i];
    if (Text.isText(child) || child.type === 'link') {
      Transforms.wrapNodes(editor, { type: 'paragraph', children: [] }, { at });
      return true;
    }
    if (child.type === 'list-item') {
      Transforms.wrapNodes(editor, { type: 'list', ordered: false, children: [] }, { at });
      return true;
    }
    if (isFieldType(child.type)) {
      Transforms.setNodes(editor, { type: 'paragraph' }, { at });
      return true;
    }
    if (!isBlockType(child.type)) {
      // A section (body, sign-off) nested by a paste or drag: its content is lifted into place.
      Transforms.unwrapNodes(editor, { at });
      return true;
    }
  }
  return false;
}

/** A list holds items; the model has no nested lists, so nested ones are flattened. */
function normalizeList(editor: BylineEditor, node: BylineElement, path: Path): boolean {
  if (
    node.children.length === 0 ||
    (node.children.length === 1 && Text.isText(node.children[0]) && node.children[0].text === '')
  ) {
    Transforms.removeNodes(editor, { at: path });
    return true;
  }
  for (const [i, child] of (node.children as Descendant[]).entries()) {
    const at = [...path, i];
    if (Text.isText(child) || child.type === 'link') {
      Transforms.wrapNodes(editor, { type: 'list-item', children: [] }, { at });
      return true;
    }
    if (child.type === 'list') {
      Transforms.unwrapNodes(editor, { at });
      return true;
    }
    if (child.type !== 'list-item') {
      if ((child.children as Descendant[]).some((c) => Element.isElement(c) && !editor.isInline(c))) {
        Transforms.unwrapNodes(editor, { at });
      } else {
        Transforms.setNodes(editor, { type: 'list-item' }, { at });
        Transforms.unsetNodes(editor, ['attribution', 'ordered', 'assetId', 'caption', 'credit', 'alt', 'source'], {
          at,
        });
      }
      return true;
    }
  }
  return false;
}

/** Links: only http, https and mailto; text only inside; an empty link goes. */
function normalizeLink(editor: BylineEditor, node: Extract<BylineElement, { type: 'link' }>, path: Path): boolean {
  if (!isAllowedLinkUrl(node.url)) {
    Transforms.unwrapNodes(editor, { at: path });
    return true;
  }
  const nested = node.children.findIndex((c) => Element.isElement(c));
  if (nested !== -1) {
    Transforms.unwrapNodes(editor, { at: [...path, nested] });
    return true;
  }
  if (Node.string(node) === '' && editor.selection && !pathContainsSelection(editor, path)) {
    Transforms.removeNodes(editor, { at: path });
    return true;
  }
  return false;
}

function pathContainsSelection(editor: BylineEditor, path: Path): boolean {
  const anchor = editor.selection!.anchor.path;
  return path.every((p, i) => anchor[i] === p);
}

/** Paragraphs, subheads, quotes and list items hold inline content only. */
function unwrapNestedBlocks(editor: BylineEditor, node: BylineElement, path: Path): boolean {
  const i = node.children.findIndex((c) => Element.isElement(c) && !editor.isInline(c));
  if (i === -1) return false;
  Transforms.unwrapNodes(editor, { at: [...path, i] });
  return true;
}
