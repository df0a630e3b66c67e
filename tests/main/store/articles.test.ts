import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../../src/main/store/store';
import { BylineError } from '../../../src/shared/errors';
import { HouseStyleSchema } from '../../../src/shared/houseStyle';
import { snippetParts } from '../../../src/shared/model/snippet';
import { seedArticle } from '../../helpers/articles';
import { tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

let store: Store;
beforeEach(() => {
  store = Store.open(path.join(tempDir(), 'byline.db'));
  return () => store.close();
});

function caught(fn: () => unknown): BylineError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BylineError);
    return error as BylineError;
  }
  throw new Error('expected an error');
}

describe('saving', () => {
  it('creates revision 1 and adds one revision per save', () => {
    const a = store.articles.create(seedArticle(), 'anna');
    expect(a.revision).toBe(1);
    expect(a.status).toBe('draft');
    const b = store.articles.save({ ...a, headline: 'Neue Überschrift' }, 'ben').article;
    expect(b.revision).toBe(2);
    expect(b.createdAt).toBe(a.createdAt);
    expect(store.articles.get(a.id).headline).toBe('Neue Überschrift');
    expect(store.articles.history(a.id).map((r) => [r.revision, r.savedBy, r.headline])).toEqual([
      [2, 'ben', 'Neue Überschrift'],
      [1, 'anna', a.headline],
    ]);
    expect(store.articles.getRevision(a.id, 1)).toEqual(a);
  });

  it('refuses a stale save with a conflict naming who saved and when, and stores nothing', () => {
    const a = store.articles.create(seedArticle(), 'anna');
    const byBen = store.articles.save({ ...a, teaser: 'Bens Fassung' }, 'ben').article;
    const err = caught(() => store.articles.save({ ...a, teaser: 'Annas Fassung' }, 'anna'));
    expect(err.code).toBe('conflict');
    expect(err.message).toContain('ben saved revision 2');
    expect(err.message).toContain(byBen.updatedAt);
    expect(err.details).toMatchObject({ currentRevision: 2, basedOn: 1, savedBy: 'ben' });
    expect(store.articles.get(a.id).teaser).toBe('Bens Fassung');
    expect(store.articles.history(a.id)).toHaveLength(2);
  });

  it('needs the base revision to update an existing article', () => {
    const a = store.articles.create(seedArticle(), 'anna');
    const { revision: _r, ...withoutRevision } = a;
    expect(caught(() => store.articles.save(withoutRevision, 'anna')).message).toMatch(/name the revision/);
  });

  it('writes no revision when nothing changed', () => {
    const a = store.articles.create(seedArticle(), 'anna');
    const again = store.articles.save({ ...a }, 'anna');
    expect(again.changed).toBe(false);
    expect(again.article.revision).toBe(1);
    expect(store.articles.history(a.id)).toHaveLength(1);
  });

  it('refuses invalid input with the field named, leaving the store as it was', () => {
    const a = store.articles.create(seedArticle(), 'anna');
    const err = caught(() =>
      store.articles.save(
        {
          ...a,
          body: [
            { type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ text: 'x' }] }] },
          ],
        },
        'anna',
      ),
    );
    expect(err.code).toBe('invalid-input');
    expect(err.message).toMatch(/body\.0\.children\.0.*http, https or mailto/);
    expect(caught(() => store.articles.save({ ...a, status: 'published-ish' }, 'anna')).message).toMatch(
      /Unknown status/,
    );
    expect(store.articles.get(a.id)).toEqual(a);
  });

  it('rolls back a save that names a missing image: no revision, no index change', () => {
    const a = store.articles.create(seedArticle(), 'anna');
    const err = caught(() =>
      store.articles.save({ ...seedArticle('f'.repeat(64)), id: a.id, revision: 1, headline: 'Geisterbild' }, 'anna'),
    );
    expect(err.message).toMatch(/not in the store/);
    expect(store.articles.get(a.id).revision).toBe(1);
    expect(store.articles.list({ query: 'Geisterbild' }).total).toBe(0);
    expect(store.check().ok).toBe(true);
  });

  it('keeps an image reference when the asset exists', () => {
    const asset = store.assets.add(tinyPng(), 'rot.png');
    const a = store.articles.create(seedArticle(asset.id), 'anna');
    expect(a.body[0]).toMatchObject({ type: 'image', assetId: asset.id });
    expect(store.check().ok).toBe(true);
  });
});

describe('trash', () => {
  it('moves to trash, restores, and empties only on request', () => {
    const a = store.articles.create(seedArticle(), 'anna');
    const b = store.articles.create({ headline: 'Zweiter Artikel' }, 'anna');
    store.articles.trash(a.id);
    expect(store.articles.list().items.map((i) => i.id)).toEqual([b.id]);
    expect(store.articles.list({ trashed: true }).items.map((i) => i.id)).toEqual([a.id]);
    expect(caught(() => store.articles.get(a.id)).code).toBe('not-found');
    expect(caught(() => store.articles.save({ ...a, headline: 'x' }, 'anna')).code).toBe('in-trash');
    expect(caught(() => store.articles.trash(a.id)).message).toMatch(/already in the trash/);

    expect(store.articles.restore(a.id)).toEqual(a);
    expect(store.articles.list().total).toBe(2);

    store.articles.trash(a.id);
    expect(store.articles.emptyTrash()).toBe(1);
    expect(caught(() => store.articles.get(a.id, { includeTrashed: true })).code).toBe('not-found');
    expect(caught(() => store.articles.restore(a.id)).code).toBe('not-found');
    expect(store.articles.list({ query: 'Albu' }).total).toBe(0);
    expect(store.check().ok).toBe(true);
  });
});

describe('named versions', () => {
  it('names a revision without touching it, renames, takes the name away, and goes with the article', () => {
    const a = store.articles.create({ headline: 'Albu Kamal' }, 'anna');
    const b = store.articles.save({ ...a, headline: 'Albu Kamal fällt' }, 'anna').article;
    const before = store.articles.getRevision(a.id, 1);
    expect(store.articles.nameVersion(a.id, 1, '  Printausgabe ', 'desk').find((r) => r.revision === 1)).toMatchObject({
      name: 'Printausgabe',
    });
    expect(store.articles.getRevision(a.id, 1)).toEqual(before);
    expect(store.articles.get(a.id).revision).toBe(b.revision);
    expect(store.articles.nameVersion(a.id, 1, 'An AFP', 'desk').find((r) => r.revision === 1)?.name).toBe('An AFP');
    expect(store.articles.nameVersion(a.id, 1, '', 'desk').find((r) => r.revision === 1)?.name).toBe('');
    expect(() => store.articles.nameVersion(a.id, 9, 'x', 'desk')).toThrow('has no revision 9');
    expect(() => store.articles.nameVersion(a.id, 1, 'x'.repeat(101), 'desk')).toThrow('at most 100 characters');
    store.articles.nameVersion(a.id, 2, 'Online', 'desk');
    store.articles.trash(a.id);
    store.articles.emptyTrash();
    expect(store.db.prepare('SELECT count(*) FROM version_names').pluck().get()).toBe(0);
  });
});

describe('a new article left blank', () => {
  it('is forgotten, but only while nothing was typed, commented or saved again', () => {
    const blank = store.articles.create({}, 'anna');
    expect(store.articles.discardIfBlank(blank.id)).toBe(true);
    expect(() => store.articles.get(blank.id)).toThrow(BylineError);

    const typed = store.articles.create({ headline: 'Albu Kamal' }, 'anna');
    expect(store.articles.discardIfBlank(typed.id)).toBe(false);
    // Typed, then deleted again: the history holds it, so it stays.
    const emptied = store.articles.save({ ...typed, headline: '' }, 'anna').article;
    expect(store.articles.discardIfBlank(emptied.id)).toBe(false);
    const commented = store.articles.create({}, 'anna');
    store.comments.add(commented.id, { anchor: { kind: 'field', field: 'headline' }, body: 'Titel?' }, 'desk');
    expect(store.articles.discardIfBlank(commented.id)).toBe(false);
    expect(store.articles.list().total).toBe(2);
  });
});

describe('search', () => {
  it('folds diacritics and matches word prefixes across fields', () => {
    const asset = store.assets.add(tinyPng(), 'bild.png');
    const a = store.articles.create(seedArticle(asset.id), 'anna');
    store.articles.create({ headline: 'Wetter in Hamburg', keywords: ['Wetter'] }, 'anna');
    expect(store.articles.list({ query: 'kampfer' }).items.map((i) => i.id)).toEqual([a.id]); // Kämpfer
    expect(store.articles.list({ query: 'ALBU kam' }).items.map((i) => i.id)).toEqual([a.id]); // prefix, case
    expect(store.articles.list({ query: 'Rubaye' }).items.map((i) => i.id)).toEqual([a.id]); // credit
    expect(store.articles.list({ query: 'Getty' }).total).toBe(1); // credit provider
    expect(store.articles.list({ query: 'Bastion' }).total).toBe(1); // body subhead
    expect(store.articles.list({ query: 'Syrien' }).total).toBe(1); // keywords and caption
    expect(store.articles.list({ query: 'Wetter' }).total).toBe(1);
    expect(store.articles.list({ query: 'Albu Wetter' }).total).toBe(0); // every word must match
  });

  it('takes FTS syntax in the query literally', () => {
    store.articles.create(seedArticle(), 'anna');
    for (const q of ['"', 'NEAR(', 'albu OR', '*', 'headline:albu', '-', '^albu']) {
      expect(() => store.articles.list({ query: q })).not.toThrow();
    }
    expect(store.articles.list({ query: '"Albu"' }).total).toBe(1);
  });

  it('stays in step with saves and filters by status', () => {
    const a = store.articles.create(seedArticle(), 'anna');
    const saved = store.articles.save({ ...a, headline: 'Ganz anderer Titel' }, 'anna').article;
    store.articles.setStatus(a.id, 'submitted', 'anna', { revision: saved.revision });
    expect(store.articles.list({ query: 'Titel' }).total).toBe(1);
    expect(store.articles.list({ query: 'Titel', status: 'draft' }).total).toBe(0);
    expect(
      snippetParts(store.articles.list({ query: 'Titel', status: 'submitted' }).items[0]?.snippet ?? ''),
    ).toContainEqual({ text: 'Titel', hit: true });
    expect(store.articles.list({ query: 'holen' }).total).toBe(0); // old headline words gone
  });
});

describe('bounded search and article size', () => {
  // A 400 KB article: with FTS5's snippet() one search took 34 s; the snippet is now linear.
  const bigBody = (paragraphs: number) =>
    Array.from({ length: paragraphs }, (_, i) => ({
      type: 'paragraph' as const,
      children: [
        {
          text: `Absatz ${i}: Die Bauern setzen die Setzlinge von Hand, im Regen, am Ufer des Euphrat bei Albu Kamal.`,
        },
      ],
    }));

  it('searches a 400 KB article in well under a second, with a short marked snippet', () => {
    const body = bigBody(4200);
    const a = store.articles.create({ ...seedArticle(), headline: 'Langer Text', body }, 'anna');
    expect(JSON.stringify(a.body).length).toBeGreaterThan(400_000);
    const started = performance.now();
    const hits = store.articles.list({ query: 'euphrat albu' });
    const took = performance.now() - started;
    expect(hits.total).toBe(1);
    expect(took).toBeLessThan(1000);
    const snippet = hits.items[0]!.snippet ?? '';
    expect(snippet.length).toBeLessThan(200);
    expect(
      snippetParts(snippet)
        .filter((p) => p.hit)
        .map((p) => p.text),
    ).toEqual(expect.arrayContaining(['Euphrat', 'Albu']));
  });

  it('refuses an article over limits.articleChars, naming the limit, and keeps the stored one as it was', () => {
    const small = Store.open(path.join(tempDir(), 'byline.db'), {
      houseStyle: HouseStyleSchema.parse({ limits: { articleChars: 2000 } }),
    });
    const a = small.articles.create({ ...seedArticle(), body: bigBody(1) }, 'anna');
    expect(() => small.articles.save({ ...a, body: bigBody(40) }, 'anna')).toThrow(
      /holds [\d,]+ characters; the house style allows at most 2,000 \(limits\.articleChars\)\. Nothing was saved, and nothing was cut/,
    );
    expect(small.articles.get(a.id)).toEqual(a);
    small.close();
  });
});
