import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportArticle } from '../../../src/main/export/formats';
import { importIntoStore } from '../../../src/main/import/importIntoStore';
import { listPhotos } from '../../../src/main/media/photoDesk';
import { Store } from '../../../src/main/store/store';
import type { Image } from '../../../src/shared/model/blocks';
import { fixtureOrSkip, tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

const seed = fixtureOrSkip('articles/dw-2017-11-10-albu-kamal.txt');
const noPdf = { printToPdf: async () => Buffer.from('') };

describe('a picture named without its file', () => {
  it.skipIf(!seed)(
    'the seed page keeps its picture waiting for the file; approval and exports refuse it by name until the file is attached',
    async () => {
      const store = Store.open(path.join(tempDir(), 'byline.db'));
      const { id } = await importIntoStore(store, fs.readFileSync(seed!), 'dw.txt', 'auto', 'anna');
      const imported = store.articles.get(id);
      const picture = imported.body[0] as Image;
      expect(picture).toEqual({
        type: 'image',
        assetId: null,
        caption: 'Syrien al-Qaim Krieg Kämpfe gegen den IS',
        credit: { provider: 'Getty Images', agency: 'AFP', creator: 'A. al-Rubaye' },
        alt: '',
      });

      // The desk sees it: the queue counts it as an image problem, the photo desk lists it under "file missing".
      expect(store.articles.list({ imageProblems: true }).items.map((i) => i.id)).toEqual([id]);
      expect(listPhotos(store, { missingFile: true })).toMatchObject([
        { assetId: null, articleId: id, caption: picture.caption, problems: ['file missing', 'no alt text'] },
      ]);
      expect(listPhotos(store, { missingFile: true, missingCredit: true })).toEqual([]);

      // Every export and the approval refuse, naming the picture.
      for (const format of ['text', 'html', 'nitf', 'ninjs', 'md', 'docx'] as const) {
        await expect(exportArticle(format, imported, store, noPdf)).rejects.toThrow(
          /needs the file of the first picture \(“Syrien al-Qaim Krieg Kämpfe gegen den IS”\)/,
        );
      }
      store.articles.setStatus(id, 'submitted', 'anna');
      store.articles.setStatus(id, 'in-review', 'desk');
      expect(() => store.articles.setStatus(id, 'approved', 'desk')).toThrow(
        /the file of the first picture \(“Syrien al-Qaim Krieg Kämpfe gegen den IS”\)/,
      );
      // A Byline JSON export keeps the picture as it is: it is the article itself, not an exchange copy.
      const json = JSON.parse(
        Buffer.from((await exportArticle('json', store.articles.get(id), store, noPdf)).data).toString('utf8'),
      ) as { body: Image[] };
      expect(json.body[0]).toMatchObject({ type: 'image', assetId: null, credit: picture.credit });

      // The file is attached (as the editor does on a drop): the credit stays, alt text is added, and it goes out.
      const file = store.assets.add(tinyPng(7), 'al-qaim.png');
      const current = store.articles.get(id);
      const attached = store.articles.save(
        { ...current, body: [{ ...picture, assetId: file.id, alt: 'Kämpfer in al-Qaim' }, ...current.body.slice(1)] },
        'desk',
      ).article;
      expect(listPhotos(store, { missingFile: true })).toEqual([]);
      expect(store.articles.list({ imageProblems: true }).total).toBe(0);
      const text = Buffer.from((await exportArticle('text', attached, store, noPdf)).data).toString('utf8');
      expect(text).toContain('Bild: Getty Images/AFP/A. al-Rubaye');
      expect(text).toContain('haz/qu (afp, dpa)');
      expect(store.articles.setStatus(id, 'approved', 'desk').status).toBe('approved');
      store.close();
    },
  );

  it('a revision that names a picture without its file keeps no picture alive and needs none stored', () => {
    const store = Store.open(path.join(tempDir(), 'byline.db'));
    const a = store.articles.create(
      {
        headline: 'Ohne Datei',
        body: [
          {
            type: 'image',
            assetId: null,
            caption: 'Nur benannt',
            credit: { agency: 'dpa' },
            alt: '',
            source: 'https://example.org/bild.jpg',
          },
        ],
      },
      'anna',
    );
    expect(store.articles.get(a.id).body[0]).toMatchObject({ assetId: null, source: 'https://example.org/bild.jpg' });
    expect(store.db.prepare('SELECT count(*) FROM revision_assets').pluck().get()).toBe(0);
    expect(store.check().ok).toBe(true);
    store.close();
  });
});
