import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportArticle } from '../../../src/main/export/formats';
import { listPhotos, setCredit } from '../../../src/main/media/photoDesk';
import { Store } from '../../../src/main/store/store';
import type { Article } from '../../../src/shared/model/article';
import type { PhotoInfo } from '../../../src/shared/model/photo';
import { seedArticle } from '../../helpers/articles';
import { tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

/** What an agency picture's file says (as storePhoto records it; read from real files in storePhoto.test). */
const AGENCY: PhotoInfo = {
  width: 2,
  height: 2,
  embedded: {
    creators: ['Ali al-Rubaye'],
    creditLine: 'AFP via Getty Images',
    caption: 'Syrien al-Qaim Krieg Kämpfe gegen den IS',
  },
};

let store: Store;
let withFile: string;
let bare: string;
let a: Article;
let b: Article;
beforeEach(() => {
  store = Store.open(path.join(tempDir(), 'byline.db'));
  withFile = store.assets.add(tinyPng(1), 'agency.png', { source: 'file', photo: AGENCY }).id;
  bare = store.assets.add(tinyPng(2), 'old.png').id;
  a = store.articles.create(seedArticle(withFile), 'anna');
  const seed = seedArticle(bare);
  b = store.articles.create(
    {
      ...seed,
      headline: 'Zweiter Text',
      body: [
        ...seed.body!,
        { type: 'image', assetId: withFile, caption: 'Eigene Bildunterschrift', credit: {}, alt: '' },
      ],
    },
    'anna',
  );
  return () => store.close();
});

describe('the photo desk', () => {
  it('lists every picture in every article with where its caption and credit came from and what is wrong', () => {
    const uses = listPhotos(store);
    expect(uses.map((u) => [u.articleId, u.assetId, u.block, u.creditLine, u.origin, u.problems])).toEqual([
      [b.id, bare, 0, 'Bild: Getty Images/AFP/A. al-Rubaye', { caption: 'edited', credit: 'edited' }, []],
      [b.id, withFile, 4, '', { caption: 'edited', credit: 'none' }, ['no credit', 'no alt text']],
      [a.id, withFile, 0, 'Bild: Getty Images/AFP/A. al-Rubaye', { caption: 'file', credit: 'file' }, []],
    ]);
    expect(uses[2]!.embedded).toEqual(AGENCY.embedded);
    expect(uses[0]!.embedded).toBeNull();
  });

  it('filters by missing credit, missing alt text, mismatch and agency', () => {
    setCredit(store, withFile, { agency: 'dpa' }, 'photo');
    const ids = (f: Parameters<typeof listPhotos>[1]) => listPhotos(store, f).map((u) => `${u.articleId}#${u.block}`);
    expect(ids({ missingCredit: true })).toEqual([]);
    expect(ids({ missingAlt: true })).toEqual([`${b.id}#4`]);
    expect(ids({ mismatch: true }).sort()).toEqual([`${a.id}#0`, `${b.id}#4`].sort());
    expect(ids({ agency: 'DPA' }).sort()).toEqual([`${a.id}#0`, `${b.id}#4`].sort());
    expect(ids({ agency: 'afp' })).toEqual([`${b.id}#0`]);
    expect(listPhotos(store, { mismatch: true })[0]!.problems).toContain(
      'the agency "dpa" is not in the file\'s credit line "AFP via Getty Images"',
    );
  });

  it('sets credit parts on a picture wherever it is used, each changed article a new revision by who did it', () => {
    const result = setCredit(store, withFile, { provider: 'Reuters', agency: '', creator: 'Ali al-Rubaye' }, 'photo');
    expect(result).toEqual({
      articles: expect.arrayContaining([a.id, b.id]),
      creditLine: 'Bild: Reuters/A. al-Rubaye',
    });
    for (const id of [a.id, b.id]) {
      expect(store.articles.history(id)[0]).toMatchObject({ revision: 2, savedBy: 'photo' });
      expect(
        store.articles
          .get(id)
          .body.filter((x) => x.type === 'image' && x.assetId === withFile)
          .map((x) => x.type === 'image' && x.credit),
      ).toEqual([{ provider: 'Reuters', creator: 'Ali al-Rubaye' }]);
    }
    // The other picture in b is untouched.
    expect(store.articles.get(b.id).body[0]).toMatchObject({
      credit: { provider: 'Getty Images', agency: 'AFP', creator: 'Ali al-Rubaye' },
    });
    // Setting the same again changes nothing and writes no revision.
    expect(setCredit(store, withFile, { provider: 'Reuters' }, 'photo').articles).toEqual([]);
  });

  it('refuses an unknown picture and leaves the store as it was', () => {
    expect(() => setCredit(store, 'f'.repeat(64), { agency: 'dpa' }, 'photo')).toThrow(
      `No image ${'f'.repeat(64)} in the store.`,
    );
    expect(store.articles.history(a.id)).toHaveLength(1);
  });
});

describe('a credit that contradicts its file', () => {
  beforeEach(() => {
    setCredit(store, withFile, { creator: 'Jane Roe' }, 'photo');
  });

  it('counts as an image problem in the desk queue', () => {
    const problems = store.articles.list({ imageProblems: true }).items.map((i) => [i.id, i.imageProblems]);
    // a: its one picture contradicts the file; b: the same picture (no credit, no alt) and a fine one.
    expect(problems.sort()).toEqual(
      [
        [a.id, 1],
        [b.id, 1],
      ].sort(),
    );
    setCredit(store, withFile, { creator: 'Ali al-Rubaye' }, 'photo');
    expect(store.articles.list({ imageProblems: true }).items.map((i) => i.id)).toEqual([b.id]);
  });

  it('blocks approval, naming the picture and what is wrong', () => {
    for (const to of ['submitted', 'in-review']) store.articles.setStatus(a.id, to, 'desk');
    expect(() => store.articles.setStatus(a.id, 'approved', 'desk')).toThrow(
      'The article cannot be Approved yet: it needs a credit for the first picture (“Syrien al-Qaim Krieg Kämpfe gegen den IS”) that agrees with its file (the photographer "Jane Roe" is not the file\'s creator "Ali al-Rubaye"). The status was not changed.',
    );
    expect(store.articles.get(a.id).status).toBe('in-review');
  });

  it('blocks every export with the same words; fixing the credit lets it through', async () => {
    const env = { printToPdf: async () => Buffer.alloc(0) };
    await expect(exportArticle('nitf', store.articles.get(a.id), store, env)).rejects.toThrow(
      /^This article cannot be exported yet: it needs a credit for the first picture .*"Jane Roe"/,
    );
    setCredit(store, withFile, { creator: 'A. al-Rubaye' }, 'photo');
    await expect(exportArticle('nitf', store.articles.get(a.id), store, env)).resolves.toMatchObject({
      extension: 'xml',
    });
  });
});
