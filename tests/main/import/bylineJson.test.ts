import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, parseBylineJson } from '../../../src/main/import/bylineJson';
import { exportBylineJson, exportFileName } from '../../../src/main/export/bylineJson';
import { ArticleSchema } from '../../../src/shared/model/article';
import { seedArticle } from '../../helpers/articles';

const stored = ArticleSchema.parse({
  ...ArticleSchemaDefaults(),
  id: '3f1b6c2e-8f5a-4c3d-9b7e-2a1d4e5f6a7b',
  revision: 4,
  createdAt: '2017-11-10T08:00:00.000Z',
  updatedAt: '2017-11-10T09:30:00.000Z',
});

function ArticleSchemaDefaults() {
  return { slug: '', kicker: '', byline: '', dateline: '', status: 'draft', publishedAt: null, ...seedArticle() };
}

describe('Byline JSON', () => {
  it('exports what it imports', () => {
    const text = exportBylineJson(stored);
    expect(parseBylineJson('a.json', text)).toEqual(stored);
  });

  it('names the file and the problem', () => {
    expect(() => parseBylineJson('kaputt.json', '{"headline":')).toThrow(
      /^kaputt\.json is not valid JSON: .*Nothing was stored\.$/,
    );
    expect(() => parseBylineJson('liste.json', '[]')).toThrow(/liste\.json must hold one article as a JSON object/);
    expect(() => parseBylineJson('feld.json', JSON.stringify({ headline: 3 }))).toThrow(
      /feld\.json is not a valid Byline article: headline: /,
    );
    expect(() => parseBylineJson('riesig.json', ' '.repeat(MAX_IMPORT_BYTES + 1))).toThrow(
      /riesig\.json is larger than 20 MB/,
    );
  });

  it('names exported files after the slug or headline, safely', () => {
    expect(exportFileName(stored, 'json')).toBe('is-kampfer-holen-teile-von-albu-kamal-zuruck-r4.json');
    expect(exportFileName({ ...stored, slug: 'syrien/is:albu*kamal' }, 'json')).toBe('syrien-is-albu-kamal-r4.json');
    expect(exportFileName({ ...stored, headline: '', slug: '' }, 'json')).toBe(`${stored.id}-r4.json`);
  });
});
