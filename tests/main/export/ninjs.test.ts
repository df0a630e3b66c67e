import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { assertValidJson } from '../../../src/main/export/jsonSchema';
import { exportNinjs, type NinjsVersion } from '../../../src/main/export/ninjs';
import { importNinjs } from '../../../src/main/import/ninjs';
import type { Store } from '../../../src/main/store/store';
import type { Article } from '../../../src/shared/model/article';
import { FIXTURES, fixtureOrSkip } from '../../helpers/fixtures';
import { FULL_HEAD, openSeedStore } from '../../helpers/seedStore';

let store: Store;
let seed: Article;
beforeEach(() => {
  ({ store, seed } = openSeedStore(() => FULL_HEAD, 4));
  return () => store.close();
});
const ninjs = (a: Article, v: NinjsVersion) =>
  JSON.parse(exportNinjs(a, v, store.houseStyle, (id) => store.assets.find(id))) as Record<string, unknown>;
const ctx = (fileName: string) => ({ fileName, hasAsset: (id: string) => store.assets.find(id) !== undefined });

describe('ninjs export', () => {
  it('3.1: headlines, teaser, byline, subjects, sign-off as infoSources, body, picture with its credit', () => {
    const doc = ninjs(seed, '3.1');
    expect(doc).toMatchObject({
      standard: { name: 'ninjs', version: '3.1' },
      uri: `urn:uuid:${seed.id}`,
      type: 'text',
      language: 'de',
      headlines: [
        { role: 'main', value: seed.headline },
        { role: 'kicker', value: 'Syrien' },
      ],
      descriptions: [{ role: 'teaser', contentType: 'text/plain', value: seed.teaser }],
      by: 'Von Anna Muster',
      subjects: [
        { name: 'Politik', rel: 'rubric' },
        { name: 'Syrien', rel: 'keyword' },
        { name: 'IS', rel: 'keyword' },
        { name: 'Albu Kamal', rel: 'keyword' },
      ],
      infoSources: [
        { name: 'haz', role: 'author' },
        { name: 'qu', role: 'author' },
        { name: 'afp', role: 'agency' },
        { name: 'dpa', role: 'agency' },
      ],
      associations: [
        {
          type: 'picture',
          by: 'Ali al-Rubaye',
          copyrightNotice: 'Bild: Getty Images/AFP/A. al-Rubaye',
          infoSources: [
            { name: 'Getty Images', role: 'provider' },
            { name: 'AFP', role: 'agency' },
          ],
          renditions: [{ name: 'original', contentType: 'image/png' }],
        },
      ],
    });
    expect((doc.bodies as { value: string }[])[0]!.value).toContain('<h2>Kampf um die letzte Bastion</h2>');
  });

  it('2.2: the same fields under the lower-case names that version defines', () => {
    const doc = ninjs(seed, '2.2');
    expect(doc).toMatchObject({
      standard: { version: '2.2' },
      versioncreated: seed.updatedAt,
      infosources: expect.any(Array),
      descriptions: [{ contenttype: 'text/plain' }],
    });
    expect(doc).not.toHaveProperty('versionCreated');
    expect(JSON.stringify(doc)).not.toMatch(/"[a-z]+[A-Z]\w*":/);
  });

  it('names the field that breaks the schema', () => {
    expect(() => assertValidJson({ headlines: [{ role: 'main' }] }, 'ninjs-schema_3.1.json', 'test')).toThrow(
      /not valid against ninjs-schema_3\.1\.json, so it was not written: .*must have required property 'uri'/,
    );
    expect(() => assertValidJson({ uri: 'x', versionCreated: 'yesterday' }, 'ninjs-schema_3.1.json', 'test')).toThrow(
      /\/versionCreated must match format "date-time"/,
    );
  });
});

describe('ninjs round trip', () => {
  it.each(['3.1', '2.2'] as const)('%s gives back the same article', (version) => {
    const { article, warnings } = importNinjs(Buffer.from(JSON.stringify(ninjs(seed, version))), ctx('a.json'));
    expect(warnings).toEqual([]);
    const { id: _i, revision: _r, createdAt: _c, updatedAt: _u, status: _s, ...fields } = seed;
    expect(article).toEqual({ ...fields, status: 'draft' });
  });
});

const examples = ['doc-3.1', 'doc-2.2'].flatMap((dir) => {
  const folder = fixtureOrSkip(`ninjs/${dir}`);
  return folder ? fs.readdirSync(folder).map((f) => [dir, f] as const) : [];
});

describe('the IPTC ninjs examples', () => {
  it.each(examples)('%s/%s is valid against its official schema (the validator is set up right)', (dir, file) => {
    const doc = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'ninjs', dir, file), 'utf8')) as unknown;
    expect(() => assertValidJson(doc, `ninjs-schema_${dir.slice(4)}.json`, file)).not.toThrow();
  });

  it.each(examples.filter(([, f]) => /00[1457]_/.test(f)))(
    '%s/%s imports with headline, byline, body and language where it has one',
    (dir, file) => {
      const bytes = fs.readFileSync(path.join(FIXTURES, 'ninjs', dir, file));
      const { article } = importNinjs(bytes, ctx(file));
      expect(article.headline).toBe('Captain of wrecked cruise ship on trial in Italy');
      expect(article.byline).toBe("Paulo Santalucia and Frances d'Emilio");
      // Files without a language get the language their text is written in (English), not the house default.
      expect(article.language).toBe((JSON.parse(bytes.toString()) as { language?: string }).language ?? 'en');
      expect(article.body.length).toBeGreaterThan(0);
      expect(article.body[0]).toMatchObject({
        type: 'paragraph',
        children: [{ text: expect.stringMatching(/^GROSSETO, Italy \(AP\) -- The trial of the captain/) }],
      });
    },
  );

  it.skipIf(!examples.length)(
    "keeps the complex example's paragraphs from its XHTML body and its people, places and organisations as keywords, and names pictures it cannot bring",
    () => {
      const complex = importNinjs(
        fs.readFileSync(path.join(FIXTURES, 'ninjs/doc-3.1/005_complex_text_article.json')),
        ctx('005.json'),
      );
      expect(complex.article.body).toHaveLength(4);
      expect(complex.article.keywords).toEqual([
        'Francesco Schettino',
        'Grossetto',
        'Tuscany',
        'Italy',
        'Costa Crociere SpA',
      ]);
      expect(complex.article.dateline).toBe('Grossetto, Italy');
      const withPictures = importNinjs(
        fs.readFileSync(path.join(FIXTURES, 'ninjs/doc-3.1/003_associations_example.json')),
        ctx('003.json'),
      );
      expect(withPictures.warnings).toEqual([
        'The picture "logo" came without its file: attach the file to it in the article.',
        'The picture "photo" came without its file: attach the file to it in the article.',
      ]);
      // Both stay in the article after its text, waiting for their files.
      expect(withPictures.article.body.filter((b) => b.type === 'image')).toEqual([
        {
          type: 'image',
          assetId: null,
          caption: '',
          credit: {},
          alt: '',
          source: 'http://mms.businesswire.com/media/newsItemId/en/221373/3/dell_blue_rgb.jpg',
        },
        {
          type: 'image',
          assetId: null,
          caption: '',
          credit: {},
          alt: '',
          source: 'http://mms.businesswire.com/media/newsItemId/en/369394/3/0025lf.jpg',
        },
      ]);
    },
  );
});
