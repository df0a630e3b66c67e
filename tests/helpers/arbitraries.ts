import fc from 'fast-check';
import type { ArticleInput } from '../../src/shared/model/article';
import type { Block, Credit } from '../../src/shared/model/blocks';
import type { Inline, RichText } from '../../src/shared/model/inline';

/** Words that include what formats must escape: markup characters, entities, umlauts, RTL, block markers. */
const WORDS = [
  'Albu',
  'Kamal',
  'Kämpfer',
  'Straße',
  'IS-Miliz',
  '"Zitat"',
  'AT&T',
  '&amp;',
  '<b>',
  '*stern*',
  '_unter_',
  '#1',
  '-',
  '1.',
  '[x]',
  '(y)',
  'a|b',
  '~',
  '\\',
  'القائم',
  'Ελλάδα',
  '40',
  'Prozent',
  'café',
  '»Nein«',
  'usw.',
];

const word = fc.constantFrom(...WORDS);
export const words = (min = 1, max = 5) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));
const optionalWords = fc.option(words(1, 6), { nil: '' }).map((w) => w ?? '');

/** Rich text in the form the editor keeps it: neighbours with the same marks merged, spaces outside marks. */
const segment = fc.record({
  text: words(1, 4),
  bold: fc.boolean(),
  italic: fc.boolean(),
  link: fc.option(
    fc.constantFrom(
      'https://www.dw.com/de/syrien/a-41326520',
      'mailto:desk@example.org',
      'https://example.org/a?b=1&c=(2)',
    ),
    { nil: undefined },
  ),
});

export function canonical(inlines: Inline[]): RichText {
  const out: Inline[] = [];
  for (const n of inlines) {
    const prev = out[out.length - 1];
    if (prev && !('type' in prev) && !('type' in n) && !!prev.bold === !!n.bold && !!prev.italic === !!n.italic)
      out[out.length - 1] = { ...prev, text: prev.text + n.text };
    else out.push(n);
  }
  return out as RichText;
}

export const richText = fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => {
  const inlines: Inline[] = [];
  segments.forEach((s, i) => {
    if (i > 0) inlines.push({ text: ' ' });
    const leaf = { text: s.text, ...(s.bold ? { bold: true } : {}), ...(s.italic ? { italic: true } : {}) };
    inlines.push(s.link ? { type: 'link', url: s.link, children: [leaf] } : leaf);
  });
  return canonical(inlines);
});

const credit: fc.Arbitrary<Credit> = fc.oneof(
  fc.record({
    provider: words(1, 2),
    agency: fc.constantFrom('AFP', 'dpa', 'Reuters'),
    creator: fc.constantFrom('Ali al-Rubaye', 'Anna Muster', 'Jean-Pierre Dupont'),
  }),
  fc.record({ agency: fc.constantFrom('AP', 'epa') }),
  fc.record({ text: words(1, 3) }),
);

export function block(assetIds: string[]): fc.Arbitrary<Block> {
  return fc.oneof(
    { weight: 4, arbitrary: richText.map((children): Block => ({ type: 'paragraph', children })) },
    richText.map((children): Block => ({
      type: 'subhead',
      children: canonical(
        children.map((c) =>
          'type' in c ? { ...c, children: c.children.map((l) => ({ text: l.text })) } : { text: c.text },
        ),
      ),
    })),
    fc
      .record({ children: richText, attribution: fc.option(words(1, 3), { nil: undefined }) })
      .map(({ children, attribution }): Block => ({
        type: 'quote',
        children,
        ...(attribution ? { attribution } : {}),
      })),
    fc
      .record({ ordered: fc.boolean(), items: fc.array(richText, { minLength: 1, maxLength: 3 }) })
      .map(({ ordered, items }): Block => ({ type: 'list', ordered, items })),
    ...(assetIds.length
      ? [
          fc
            .record({ assetId: fc.constantFrom(...assetIds), caption: optionalWords, credit, alt: words(1, 4) })
            .map((img): Block => ({ type: 'image', ...img })),
        ]
      : []),
  );
}

/** A whole article as a person could write it in Byline, with the fields every format carries. */
export function article(assetIds: string[]): fc.Arbitrary<ArticleInput> {
  return fc.record({
    language: fc.constantFrom('de', 'en-GB', 'ar', 'fr'),
    slug: fc
      .option(
        fc
          .array(fc.constantFrom('albu', 'kamal', 'syrien', '2017'), { minLength: 1, maxLength: 3 })
          .map((w) => w.join('-')),
        { nil: '' },
      )
      .map((s) => s ?? ''),
    rubric: optionalWords,
    kicker: optionalWords,
    headline: words(1, 8),
    teaser: optionalWords,
    byline: optionalWords,
    dateline: optionalWords,
    publishedAt: fc.option(
      fc.integer({ min: 946684800, max: 2000000000 }).map((s) => new Date(s * 1000).toISOString()),
      { nil: null },
    ),
    keywords: fc.uniqueArray(fc.constantFrom('Syrien', 'IS', 'Albu Kamal', 'Krieg', 'Irak', 'AT&T'), { maxLength: 4 }),
    signOff: fc.record({
      authors: fc.uniqueArray(fc.constantFrom('haz', 'qu', 'ml', 'se', 'ab'), { maxLength: 3 }),
      agencies: fc.uniqueArray(fc.constantFrom('afp', 'dpa', 'ap', 'rtr', 'kna'), { maxLength: 3 }),
    }),
    body: fc.array(block(assetIds), { maxLength: 8 }),
  });
}
