import type { Block } from '../../shared/model/blocks';
import type { Inline, RichText } from '../../shared/model/inline';
import type { BlockElement, FormattedText, InlineNode, ListItemElement } from './schema';

/**
 * A text leaf with only the marks that are on (no `bold: false`), so both directions stay
 * lossless and minimal; Slate's `true`-only marks fit the model's boolean ones as they are.
 */
function copyLeaf(leaf: { text: string; bold?: boolean; italic?: boolean }): FormattedText {
  const out: FormattedText = { text: leaf.text };
  if (leaf.bold) out.bold = true;
  if (leaf.italic) out.italic = true;
  return out;
}

function inlinesToSlate(inlines: RichText): InlineNode[] {
  return inlines.map((n) =>
    'type' in n ? { type: 'link', url: n.url, children: n.children.map(copyLeaf) } : copyLeaf(n),
  );
}

/** Slate wants text around inline elements; the model does not. Empty leaves are dropped here. */
function inlinesToModel(nodes: InlineNode[]): RichText {
  const out: Inline[] = [];
  for (const n of nodes) {
    if ('type' in n) {
      const children = n.children.filter((c) => c.text !== '').map(copyLeaf);
      if (children.length) out.push({ type: 'link', url: n.url, children });
    } else if (n.text !== '') out.push(copyLeaf(n));
  }
  return out.length ? (out as RichText) : [{ text: '' }];
}

export function bodyToSlate(body: readonly Block[]): BlockElement[] {
  const blocks = body.map((b): BlockElement => {
    switch (b.type) {
      case 'paragraph':
      case 'subhead':
        return { type: b.type, children: inlinesToSlate(b.children) };
      case 'quote':
        return b.attribution === undefined
          ? { type: 'quote', children: inlinesToSlate(b.children) }
          : { type: 'quote', attribution: b.attribution, children: inlinesToSlate(b.children) };
      case 'list':
        return {
          type: 'list',
          ordered: b.ordered,
          children: b.items.map((item): ListItemElement => ({ type: 'list-item', children: inlinesToSlate(item) })),
        };
      case 'image':
        return {
          type: 'image',
          assetId: b.assetId,
          caption: b.caption,
          credit: b.credit,
          alt: b.alt,
          ...(b.source === undefined ? {} : { source: b.source }),
          children: [{ text: '' }],
        };
    }
  });
  // An editor needs at least one block to hold the caret.
  return blocks.length ? blocks : [{ type: 'paragraph', children: [{ text: '' }] }];
}

/** Back to the model. A lone empty paragraph is an empty body, so a new article saves as `[]`. */
export function slateToBody(nodes: readonly BlockElement[]): Block[] {
  const blocks = nodes.map((n): Block => {
    switch (n.type) {
      case 'paragraph':
      case 'subhead':
        return { type: n.type, children: inlinesToModel(n.children) };
      case 'quote':
        return n.attribution === undefined
          ? { type: 'quote', children: inlinesToModel(n.children) }
          : { type: 'quote', children: inlinesToModel(n.children), attribution: n.attribution };
      case 'list':
        return { type: 'list', ordered: n.ordered, items: n.children.map((item) => inlinesToModel(item.children)) };
      case 'image':
        return {
          type: 'image',
          assetId: n.assetId,
          caption: n.caption,
          credit: n.credit,
          alt: n.alt,
          ...(n.source === undefined ? {} : { source: n.source }),
        };
    }
  });
  const onlyEmpty =
    blocks.length === 1 &&
    blocks[0]!.type === 'paragraph' &&
    blocks[0]!.children.every((c) => !('type' in c) && c.text === '');
  return onlyEmpty ? [] : blocks;
}
