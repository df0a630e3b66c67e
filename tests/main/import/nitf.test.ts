import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportNitf } from '../../../src/main/export/nitf';
import { importNitf } from '../../../src/main/import/nitf';
import type { ImportContext } from '../../../src/main/import/types';
import { Store } from '../../../src/main/store/store';
import { DEFAULT_HOUSE_STYLE } from '../../../src/shared/houseStyle';
import { seedArticle } from '../../helpers/articles';
import { fixtureOrSkip, tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

let store: Store;
let ctx: (fileName: string) => ImportContext;
beforeEach(() => {
  store = Store.open(path.join(tempDir(), 'byline.db'));
  ctx = (fileName) => ({ fileName, hasAsset: (id) => store.assets.find(id) !== undefined });
  return () => store.close();
});

const fishing = fixtureOrSkip('nitf/nitf-fishing.xml');
const ntb = fixtureOrSkip('nitf/NTB_nitf_sample.xml');

describe('NITF without a language', () => {
  it('is labelled with the language its text is written in, not the house default', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><nitf><head><title>Militia retakes Albu Kamal</title></head><body><body.head><hedline><hl1>Militia retakes parts of Albu Kamal</hl1></hedline></body.head><body.content><p>The jihadist militia has launched a counterattack and retaken parts of the town, the observatory said on Friday.</p><p>It was the last stronghold of the group in Syria, and the fighting was heavy.</p></body.content></body></nitf>`;
    expect(importNitf(Buffer.from(xml), ctx('english.xml')).article.language).toBe('en');
  });
});

describe('NITF import of real agency files', () => {
  it.skipIf(!fishing)(`reads IPTC's fishing sample: headline, kicker, byline, teaser, body, keywords`, () => {
    const { article, warnings } = importNitf(fs.readFileSync(fishing!), ctx('nitf-fishing.xml'));
    expect(article.headline).toBe('Weather and Tide Updates for Norfolk');
    expect(article.kicker).toBe('A sample, fictitious NITF article');
    expect(article.byline).toBe('By Alan Karben NITF Network News Online');
    expect(article.dateline).toBe('Newport News, VA');
    expect(article.teaser).toBe('Superb weather in Norfolk today. Tides coming in and out as per usual.');
    expect(article.keywords).toEqual(['fishing', 'lures', 'tides']);
    expect(article.slug).toBe('ongoing-winter-tide-updates');
    expect(article.publishedAt).toBe('2002-02-25T19:30:00.000Z');
    expect(article.body.map((b) => b.type)).toEqual([
      'image',
      'paragraph',
      'paragraph',
      'subhead',
      'paragraph',
      'paragraph',
      'subhead',
      'paragraph',
      'list',
      'paragraph',
      'paragraph',
    ]);
    // The picture is named in the file, not carried: it stays with its caption, credit and alt text, waiting for its file.
    expect(article.body[0]).toEqual({
      type: 'image',
      assetId: null,
      caption: 'The tides, captured on film late yesterday.',
      credit: { agency: 'Karben' },
      alt: 'The tides are high.',
      source: 'high-tide.jpg',
    });
    expect(article.body[3]).toEqual({ type: 'subhead', children: [{ text: 'The Tides are High' }] });
    const list = article.body[8];
    expect(list?.type === 'list' && list.items[0]).toEqual([
      { text: 'Deer Creek:', italic: true },
      { text: expect.stringMatching(/^ This area has proven to be a bass-lover's haven/) },
    ]);
    // A tagline that is not a sign-off stays as text rather than being dropped.
    expect(article.body.at(-1)).toEqual({
      type: 'paragraph',
      children: [{ text: 'Stewart Klometers contributed to this article.' }],
    });
    expect(article.signOff).toEqual({ authors: [], agencies: [] });
    expect(warnings).toEqual([
      'The picture "The tides, captured on film late yesterday." came without its file: attach the file to it in the article.',
      'An editorial note in the file was left out of the article.',
    ]);
  });

  it.skipIf(!ntb)(`reads NTB's NITF 3.6 without namespace: Norwegian text, subheads, byline, keyword`, () => {
    const { article, warnings } = importNitf(fs.readFileSync(ntb!), ctx('NTB_nitf_sample.xml'));
    expect(article.headline).toBe('Pandemien herjer på den legeløse indiske landsbygda');
    expect(article.language).toBe('nb-NO');
    expect(article.byline).toBe('NTB-AFP-DPA');
    expect(article.dateline).toBe('Unnao');
    expect(article.keywords).toEqual(['india-korona-bygd']);
    expect(article.publishedAt).toBe('2021-05-16T09:00:04.000Z');
    expect(article.body.filter((b) => b.type === 'subhead')).toHaveLength(4);
    expect(article.body[1]).toEqual({
      type: 'paragraph',
      children: [{ text: expect.stringMatching(/^– Det er så mye fattigdom/) }],
    });
    expect(article.body.at(-1)).toEqual({
      type: 'paragraph',
      children: [
        {
          type: 'link',
          url: 'mailto:kenneth.kandolf.haug@ntb.no',
          children: [{ text: 'kenneth.kandolf.haug@ntb.no' }],
        },
        { text: '/' },
        { type: 'link', url: 'mailto:per.christensen@ntb.no', children: [{ text: 'per.christensen@ntb.no' }] },
      ],
    });
    expect(warnings[0]).toMatch(
      /^The picture "Kremasjonsbål for koronaofre brenner i Indias hovedstad[^"]*" came without its file/,
    );
    // Photographer first, then two agencies: not the house style's order, so the line is kept as it was printed.
    expect(article.body.find((b) => b.type === 'image')).toEqual({
      type: 'image',
      assetId: null,
      caption: 'Kremasjonsbål for koronaofre brenner i Indias hovedstad New Delhi.',
      credit: { text: 'Amit Sharma / AP / NTB' },
      alt: '',
      source: 'JsxLggxsoo4',
    });
  });
});

describe('NITF round trip', () => {
  it('gives back the seed article, picture, credit parts and sign-off included', async () => {
    const asset = store.assets.add(tinyPng(7), 'albu-kamal.png');
    const original = store.articles.create(
      {
        ...seedArticle(asset.id),
        kicker: 'Syrien',
        byline: 'Von Anna Muster',
        dateline: 'Albu Kamal (afp)',
        slug: 'albu-kamal',
      },
      'anna',
    );
    const xml = await exportNitf(original, DEFAULT_HOUSE_STYLE, (id) => store.assets.find(id));
    const { article, warnings } = importNitf(Buffer.from(xml), ctx('seed.xml'));
    expect(warnings).toEqual([]);
    const { id: _i, revision: _r, createdAt: _c, updatedAt: _u, status: _s, ...fields } = original;
    expect(article).toEqual({ ...fields, status: 'draft' });
  });
});
