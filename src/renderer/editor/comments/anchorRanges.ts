import type { Element, Point, Text } from 'slate';
import { Node, Path, Range, type Descendant } from 'slate';
import type { NewAnchor, TextAnchor, TextField } from '../../../shared/model/comment';
import { BODY_INDEX, FIELD_TYPES, type BlockElement } from '../schema';

/**
 * Offsets into a field's text, the same way the store counts them (shared/comments/anchoring.ts):
 * a text field is its own string; the body is its paragraphs, subheads, quotes and list items, one
 * per line, pictures left out.
 */
interface Segment {
  /** The element whose text this is (a block, or a list item, or a field). */
  path: Path;
  /** Where the segment starts in the field's text. */
  start: number;
  length: number;
}

function segmentsOf(doc: readonly Descendant[], field: TextField): Segment[] {
  if (field !== 'body') {
    const index = FIELD_TYPES.indexOf(field);
    return [{ path: [index], start: 0, length: Node.string(doc[index]!).length }];
  }
  const body = (doc[BODY_INDEX] as Element).children as BlockElement[];
  const out: Segment[] = [];
  let start = 0;
  const push = (path: Path, node: Node) => {
    const length = Node.string(node).length;
    out.push({ path, start, length });
    start += length + 1; // the line break between segments
  };
  body.forEach((block, i) => {
    if (block.type === 'image') return;
    if (block.type === 'list') block.children.forEach((item, j) => push([BODY_INDEX, i, j], item));
    else push([BODY_INDEX, i], block);
  });
  return out;
}

function fieldOfPath(path: Path): TextField | null {
  const top = path[0]!;
  if (top === BODY_INDEX) return 'body';
  return FIELD_TYPES[top] ?? null;
}

/** The offset of a point within its segment: the lengths of the text leaves before it, plus its own. */
function offsetIn(root: Node, segment: Segment, point: Point): number {
  let offset = 0;
  for (const [leaf, leafPath] of Node.texts(Node.get(root, segment.path))) {
    const abs = [...segment.path, ...leafPath];
    if (Path.equals(abs, point.path)) return offset + point.offset;
    offset += (leaf as Text).text.length;
  }
  return offset;
}

/** A selection as a comment's place: a range of one field's text, or null if it spans fields or is empty. */
export function selectionToAnchor(doc: readonly Descendant[], selection: Range | null): NewAnchor | null {
  if (!selection || Range.isCollapsed(selection)) return null;
  const [from, to] = Range.edges(selection);
  const field = fieldOfPath(from.path);
  if (!field || field !== fieldOfPath(to.path)) return null;
  const root = { children: doc } as unknown as Node;
  const segments = segmentsOf(doc, field);
  const at = (p: Point) => {
    const seg = segments.find((s) => Path.isAncestor(s.path, p.path));
    return seg ? seg.start + offsetIn(root, seg, p) : null;
  };
  const start = at(from);
  const end = at(to);
  if (start === null || end === null || end <= start) return null;
  return { kind: 'text', field, start, end };
}

/** The Slate ranges an anchor covers in the document (one per segment it touches), for highlighting. */
export function anchorToRanges(
  doc: readonly Descendant[],
  anchor: Pick<TextAnchor, 'field' | 'start' | 'end'>,
): Range[] {
  const root = { children: doc } as unknown as Node;
  const ranges: Range[] = [];
  for (const seg of segmentsOf(doc, anchor.field)) {
    const from = Math.max(anchor.start, seg.start);
    const to = Math.min(anchor.end, seg.start + seg.length);
    if (from >= to) continue;
    const a = pointAt(root, seg, from - seg.start);
    const b = pointAt(root, seg, to - seg.start);
    if (a && b) ranges.push({ anchor: a, focus: b });
  }
  return ranges;
}

function pointAt(root: Node, segment: Segment, offset: number): Point | null {
  let left = offset;
  let last: Point | null = null;
  for (const [leaf, leafPath] of Node.texts(Node.get(root, segment.path))) {
    const path = [...segment.path, ...leafPath];
    const len = (leaf as Text).text.length;
    if (left <= len) return { path, offset: left };
    left -= len;
    last = { path, offset: len };
  }
  return last;
}
