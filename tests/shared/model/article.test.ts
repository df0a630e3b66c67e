import { describe, expect, it } from 'vitest';
import { ArticleInputSchema, ArticleSchema, bodyText } from '../../../src/shared/model/article';
import { isAllowedLinkUrl } from '../../../src/shared/model/inline';
import { DEFAULT_HOUSE_STYLE, HouseStyleSchema } from '../../../src/shared/houseStyle';

const hash = 'a'.repeat(64);

describe('ArticleInputSchema', () => {
  it('fills defaults for a new article', () => {
    const parsed = ArticleInputSchema.parse({ headline: 'IS-Kämpfer holen Teile von Albu Kamal zurück' });
    expect(parsed).toMatchObject({ language: 'de', status: 'draft', body: [], keywords: [], publishedAt: null });
    expect(parsed.signOff).toEqual({ authors: [], agencies: [] });
  });

  it('accepts every block type', () => {
    const parsed = ArticleInputSchema.parse({
      body: [
        { type: 'paragraph', children: [{ text: 'Die ' }, { text: 'Stadt', bold: true }] },
        { type: 'subhead', children: [{ text: 'Kampf um die letzte Bastion' }] },
        { type: 'quote', children: [{ text: 'Wir kämpfen' }], attribution: 'ein Sprecher' },
        {
          type: 'list',
          ordered: true,
          items: [[{ text: 'eins' }], [{ type: 'link', url: 'https://dw.com', children: [{ text: 'zwei' }] }]],
        },
        {
          type: 'image',
          assetId: hash,
          caption: 'Syrien',
          credit: { provider: 'Getty Images' },
          alt: 'Rauch über der Stadt',
        },
      ],
    });
    expect(bodyText(parsed.body)).toBe(
      'Die Stadt\n\nKampf um die letzte Bastion\n\nWir kämpfen\nein Sprecher\n\neins\nzwei\n\nSyrien\nRauch über der Stadt',
    );
  });

  it.each([
    [
      'javascript link',
      {
        body: [
          { type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ text: 'x' }] }] },
        ],
      },
      'body.0.children.0',
    ],
    ['unknown block', { body: [{ type: 'video', children: [] }] }, 'body.0.type'],
    ['unknown field', { headlien: 'typo' }, '(root)'],
    ['empty rich text', { body: [{ type: 'paragraph', children: [] }] }, 'body.0.children'],
    ['bad language', { language: 'German!' }, 'language'],
    ['bad asset id', { body: [{ type: 'image', assetId: 'x', caption: '', credit: {}, alt: '' }] }, 'body.0.assetId'],
  ])('refuses %s', (_name, input, path) => {
    const result = ArticleInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => (i.path.length ? i.path.join('.') : '(root)'));
    expect(paths.some((p) => p.startsWith(path))).toBe(true);
  });

  it('stored articles need id, revision and timestamps', () => {
    expect(ArticleSchema.safeParse(ArticleInputSchema.parse({})).success).toBe(false);
  });
});

describe('links', () => {
  it.each([
    ['https://www.dw.com/de/', true],
    ['http://example.org', true],
    ['mailto:desk@example.org', true],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(isAllowedLinkUrl(url)).toBe(allowed);
  });
});

describe('house style', () => {
  it('has sensible defaults', () => {
    expect(DEFAULT_HOUSE_STYLE.credit.prefix).toBe('Bild:');
    expect(DEFAULT_HOUSE_STYLE.limits.headline).toBe(70);
    expect(DEFAULT_HOUSE_STYLE.statuses.map((s) => s.id)).toContain('in-review');
  });

  it('refuses transitions to unknown statuses', () => {
    const result = HouseStyleSchema.safeParse({ transitions: { draft: ['publishd'] } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain('publishd');
  });
});
