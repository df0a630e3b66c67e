import { describe, expect, it } from 'vitest';
import { bodyToSlate, slateToBody } from '../../../src/renderer/editor/convert';
import { ArticleInputSchema } from '../../../src/shared/model/article';
import type { Block } from '../../../src/shared/model/blocks';
import { seedArticle } from '../../helpers/articles';

const everyBlock: Block[] = [
  {
    type: 'paragraph',
    children: [
      { text: 'Die ' },
      { text: 'Stadt', bold: true },
      { text: ' fiel', italic: true, bold: true },
      { text: '.' },
    ],
  },
  { type: 'subhead', children: [{ text: 'Kampf um die letzte Bastion' }] },
  { type: 'quote', children: [{ text: 'Wir halten die Stadt.' }], attribution: 'ein Kommandeur' },
  { type: 'quote', children: [{ text: 'Ohne Quelle.' }] },
  {
    type: 'list',
    ordered: false,
    items: [
      [{ text: 'eins' }],
      [{ text: 'zwei ' }, { type: 'link', url: 'https://www.dw.com/', children: [{ text: 'DW' }] }],
    ],
  },
  { type: 'list', ordered: true, items: [[{ text: 'erstens' }]] },
  {
    type: 'image',
    assetId: 'b'.repeat(64),
    caption: 'Syrien',
    credit: { provider: 'Getty Images', agency: 'AFP', creator: 'A. al-Rubaye' },
    alt: 'Rauch',
  },
  {
    type: 'paragraph',
    children: [
      { text: 'Mehr bei ' },
      { type: 'link', url: 'mailto:desk@example.org', children: [{ text: 'der Redaktion', italic: true }] },
    ],
  },
];

describe('model ↔ Slate', () => {
  it('round-trips every block type, mark and link without loss', () => {
    expect(slateToBody(bodyToSlate(everyBlock))).toEqual(everyBlock);
    expect(ArticleInputSchema.safeParse({ body: slateToBody(bodyToSlate(everyBlock)) }).success).toBe(true);
  });

  it('round-trips the seed article body', () => {
    const body = ArticleInputSchema.parse(seedArticle('c'.repeat(64))).body;
    expect(slateToBody(bodyToSlate(body))).toEqual(body);
  });

  it('gives an empty body one paragraph to type in, and saves it back as empty', () => {
    expect(bodyToSlate([])).toEqual([{ type: 'paragraph', children: [{ text: '' }] }]);
    expect(slateToBody(bodyToSlate([]))).toEqual([]);
  });

  it('drops the empty text leaves Slate keeps around links and marks', () => {
    const fromEditor = slateToBody([
      {
        type: 'paragraph',
        children: [
          { text: '' },
          { type: 'link', url: 'https://example.org/', children: [{ text: 'Link' }] },
          { text: '' },
        ],
      },
      { type: 'paragraph', children: [{ text: '', bold: true }] },
    ]);
    expect(fromEditor).toEqual([
      { type: 'paragraph', children: [{ type: 'link', url: 'https://example.org/', children: [{ text: 'Link' }] }] },
      { type: 'paragraph', children: [{ text: '' }] },
    ]);
    expect(ArticleInputSchema.safeParse({ body: fromEditor }).success).toBe(true);
  });
});
