import type { Block } from '../../../../src/shared/model/blocks';
import type { Inline } from '../../../../src/shared/model/inline';

/** A compact, readable form of pasted blocks: `p: text with **bold**, _italic_ and [link](url)`. */
export function summarize(blocks: Block[]): string[] {
  const inl = (xs: readonly Inline[]): string =>
    xs
      .map((n) => {
        if ('type' in n) return `[${inl(n.children)}](${n.url})`;
        let t = n.text;
        if (n.italic) t = `_${t}_`;
        if (n.bold) t = `**${t}**`;
        return t;
      })
      .join('');
  return blocks.flatMap((b) => {
    switch (b.type) {
      case 'paragraph':
        return [`p: ${inl(b.children)}`];
      case 'subhead':
        return [`h: ${inl(b.children)}`];
      case 'quote':
        return [`q: ${inl(b.children)}`];
      case 'list':
        return b.items.map((i) => `${b.ordered ? '1.' : '-'} ${inl(i)}`);
      case 'image':
        return [`img: ${b.assetId}`];
    }
  });
}
