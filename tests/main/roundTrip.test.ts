import path from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { EXPORTERS } from '../../src/main/export/formats';
import { importArticle } from '../../src/main/import/formats';
import type { ImportFormat } from '../../src/main/import/detect';
import { Store } from '../../src/main/store/store';
import type { ExportFormat } from '../../src/shared/ipc/channels';
import { article } from '../helpers/arbitraries';
import { tinyPng } from '../helpers/fixtures';
import { tempDir } from '../helpers/tmp';

let store: Store;
let assetIds: string[];
beforeEach(() => {
  store = Store.open(path.join(tempDir(), 'byline.db'));
  assetIds = [store.assets.add(tinyPng(1), 'a.png').id, store.assets.add(tinyPng(2), 'b.png').id];
  return () => store.close();
});

/** Each structured export format and the import format its files are detected as. */
const FORMATS: [ExportFormat, ImportFormat][] = [
  ['json', 'json'],
  ['nitf', 'nitf'],
  ['newsml', 'newsml'],
  ['ninjs', 'ninjs'],
  ['ninjs2', 'ninjs'],
  ['html', 'html'],
  ['md', 'md'],
];

// XSD validation costs ~0.3 s per NewsML-G2 item, so the XML formats get fewer runs.
const RUNS: Partial<Record<ExportFormat, number>> = { newsml: 15, nitf: 30 };

describe('export → import gives back the same article (property-based, fast-check)', () => {
  it.each(FORMATS)(
    '%s',
    async (exportFormat, importFormat) => {
      await fc.assert(
        fc.asyncProperty(article(assetIds), async (input) => {
          const saved = store.articles.create(input, 'prop');
          const { data } = await EXPORTERS[exportFormat](saved, store, {
            printToPdf: () => Promise.reject(new Error('no PDF here')),
          });
          const bytes = typeof data === 'string' ? Buffer.from(data) : data;
          const imported = await importArticle(bytes, 'auto', {
            fileName: `roundtrip.${exportFormat}`,
            hasAsset: (id) => store.assets.find(id) !== undefined,
          });
          expect(imported.format).toBe(importFormat);
          expect(imported.warnings).toEqual([]);
          const { id, revision, createdAt: _c, updatedAt: _u, status: _s, ...fields } = saved;
          // Byline JSON is the article itself, id and revision included; the others make a new one.
          const expected =
            exportFormat === 'json'
              ? { ...fields, id, revision, status: 'draft', createdAt: saved.createdAt, updatedAt: saved.updatedAt }
              : { ...fields, status: 'draft' };
          // HTML carries credited copies of the pictures (their own bytes, so their own ids; the
          // copies themselves are checked in export/creditedPictures.test): compare all but the ids.
          const ids = (a: { body: readonly { type: string }[] }) =>
            a.body.map((b) => ('assetId' in b ? 'picture' : b.type));
          if (exportFormat === 'html') {
            expect(ids(imported.article)).toEqual(ids(expected));
            const anyId = (a: typeof expected) => ({
              ...a,
              body: a.body.map((b) => (b.type === 'image' ? { ...b, assetId: '' } : b)),
            });
            expect(anyId(imported.article as typeof expected)).toEqual(anyId(expected));
          } else expect(imported.article).toEqual(expected);
        }),
        { numRuns: RUNS[exportFormat] ?? 60 },
      );
    },
    120_000,
  );
});
