import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportDocx } from '../../../src/main/export/docx';
import { importArticle } from '../../../src/main/import/formats';
import { importIntoStore } from '../../../src/main/import/importIntoStore';
import { Store } from '../../../src/main/store/store';
import type { Article } from '../../../src/shared/model/article';
import { seedArticle } from '../../helpers/articles';
import { tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

let store: Store;
let seed: Article;
beforeEach(() => {
  store = Store.open(path.join(tempDir(), 'byline.db'));
  const asset = store.assets.add(tinyPng(9), 'albu-kamal.png');
  seed = store.articles.create(
    {
      ...seedArticle(asset.id),
      kicker: 'Syrien',
      byline: 'Von Anna Muster',
      dateline: 'Albu Kamal (afp)',
      body: [
        ...seedArticle(asset.id).body!,
        {
          type: 'paragraph',
          children: [
            { text: 'Mit ' },
            { text: 'fett', bold: true },
            { text: ' und ' },
            { text: 'kursiv', italic: true },
            { text: ' und ' },
            { type: 'link', url: 'https://www.dw.com/', children: [{ text: 'Link' }] },
            { text: '.' },
          ],
        },
        { type: 'list', ordered: true, items: [[{ text: 'eins' }], [{ text: 'zwei' }]] },
        { type: 'quote', children: [{ text: 'Wir halten die Stadt.' }], attribution: 'ein Kommandeur' },
      ],
    },
    'anna',
  );
  return () => store.close();
});
const ctx = () => ({ fileName: 'a.docx', hasAsset: (id: string) => store.assets.find(id) !== undefined });

describe('DOCX export and import', () => {
  it('writes a Word file that reads back with every part in its place', async () => {
    const bytes = await exportDocx(seed, store);
    expect(Buffer.from(bytes).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const { article, format, warnings } = await importArticle(bytes, 'auto', ctx());
    expect(format).toBe('docx');
    expect(warnings).toEqual([]);
    expect(article).toMatchObject({
      rubric: 'Politik',
      kicker: 'Syrien',
      headline: seed.headline,
      byline: 'Von Anna Muster',
      dateline: 'Albu Kamal (afp)',
      teaser: seed.teaser,
      publishedAt: seed.publishedAt,
      keywords: seed.keywords,
      signOff: seed.signOff,
    });
    // The credit comes back as the printed line: Word has no place for its parts.
    const [image, ...rest] = article.body;
    expect(image).toEqual({
      type: 'image',
      assetId: seed.body[0]!.type === 'image' ? seed.body[0]!.assetId : '',
      caption: 'Syrien al-Qaim Krieg Kämpfe gegen den IS',
      credit: { text: 'Getty Images/AFP/A. al-Rubaye' },
      alt: 'Kämpfer in al-Qaim',
    });
    expect(rest).toEqual(seed.body.slice(1));
  });

  it('brings the embedded picture into another store', async () => {
    const bytes = await exportDocx(seed, store);
    const other = Store.open(path.join(tempDir(), 'other.db'));
    try {
      const outcome = await importIntoStore(other, bytes, 'a.docx', 'auto', 'desk');
      const image = other.articles.get(outcome.id).body[0]!;
      expect(image.type === 'image' && other.assets.read(image.assetId!)).toEqual(tinyPng(9));
    } finally {
      other.close();
    }
  });

  it('refuses a ZIP that only claims to be a Word document', async () => {
    const fake = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('word/document.xml but not a zip at all')]);
    await expect(importArticle(fake, 'auto', ctx())).rejects.toThrow(
      /^a\.docx cannot be imported: it is not a readable ZIP container \(.+\)\. Nothing was stored\.$/,
    );
  });
});
