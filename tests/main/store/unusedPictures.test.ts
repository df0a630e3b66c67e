import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRevision } from '../../../src/main/store/revisionCodec';
import { Store } from '../../../src/main/store/store';
import { HouseStyleSchema } from '../../../src/shared/houseStyle';
import type { Article } from '../../../src/shared/model/article';
import type { Block } from '../../../src/shared/model/blocks';
import { seedArticle } from '../../helpers/articles';
import { tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

const style = (keepUnusedDays: number) => HouseStyleSchema.parse({ pictures: { keepUnusedDays } });
const open = (file = path.join(tempDir(), 'byline.db'), keepUnusedDays = 0) =>
  Store.open(file, { houseStyle: style(keepUnusedDays) });

const picture = (assetId: string): Block => ({
  type: 'image',
  assetId,
  caption: 'Bild',
  credit: { creator: 'Anna Muster' },
  alt: 'Ein Bild',
});
const withPictures = (a: Article, ids: string[]) => ({
  ...a,
  body: [...ids.map(picture), { type: 'paragraph' as const, children: [{ text: 'Text' }] }],
});

function addPicture(store: Store, seed: number): string {
  const { id } = store.assets.add(tinyPng(seed), `p${seed}.png`);
  store.assets.writeRenditions(id, { thumbnail: tinyPng(1000 + seed), display: tinyPng(2000 + seed) });
  return id;
}

const stored = (store: Store, id: string) => !!store.assets.find(id) && fs.existsSync(store.assets.pathOf(id));

describe('emptying the trash', () => {
  it('removes the pictures only trashed articles used, with their renditions, and keeps every other', () => {
    const store = open();
    try {
      const [onlyTrashed, shared, olderRevision, journalOnly] = [1, 2, 3, 4].map((n) => addPicture(store, n));
      const gone = store.articles.create(
        withPictures(store.articles.create({ headline: 'Weg' }, 'anna'), [onlyTrashed!, shared!]),
        'anna',
      );
      const kept = store.articles.create({ headline: 'Bleibt' }, 'anna');
      const v1 = store.articles.save(withPictures(kept, [shared!, olderRevision!]), 'anna').article;
      store.articles.save({ ...v1, body: [{ type: 'paragraph', children: [{ text: 'ohne Bilder' }] }] }, 'anna');
      // A picture dropped into a text whose save has not happened yet lives only in the journal.
      const current = store.articles.get(kept.id);
      store.journal.write(withPictures(current, [journalOnly!]), { session: 's', seq: 1 });

      store.articles.trash(gone.id);
      expect(store.emptyTrash()).toEqual({ deleted: 1, pictures: 1 });
      expect(store.assets.find(onlyTrashed!)).toBeUndefined();
      for (const file of [
        store.assets.pathOf(onlyTrashed!),
        store.assets.renditionPath(onlyTrashed!, 'thumbnail'),
        store.assets.renditionPath(onlyTrashed!, 'display'),
      ]) {
        expect(fs.existsSync(file)).toBe(false);
      }
      for (const id of [shared!, olderRevision!, journalOnly!]) expect(stored(store, id)).toBe(true);
      expect(store.check()).toMatchObject({ ok: true, problems: [] });
    } finally {
      store.close();
    }
  });

  it("keeps an unused picture until it has been in the store for the house style's days", () => {
    const dir = tempDir();
    const store = open(path.join(dir, 'byline.db'), 7);
    const id = addPicture(store, 7);
    expect(store.emptyTrash()).toEqual({ deleted: 0, pictures: 0 });
    expect(stored(store, id)).toBe(true);
    store.db
      .prepare('UPDATE assets SET created_at = ? WHERE id = ?')
      .run(new Date(Date.now() - 8 * 86_400_000).toISOString(), id);
    expect(store.emptyTrash()).toEqual({ deleted: 0, pictures: 1 });
    expect(stored(store, id)).toBe(false);
    store.close();
  });

  it('keeps the pictures of a package version waiting for a choice', () => {
    const store = open();
    try {
      const id = addPicture(store, 9);
      const a = store.articles.create({ headline: 'Artikel' }, 'anna');
      const theirs = withPictures({ ...a, revision: 2 }, [id]);
      store.incoming.add(a.id, {
        sender: 'desk',
        packageName: 'a.byline',
        baseRevision: 1,
        revisions: [{ revision: 2, savedAt: a.updatedAt, savedBy: 'desk', status: 'draft', note: '', doc: theirs }],
      });
      expect(store.emptyTrash().pictures).toBe(0);
      expect(stored(store, id)).toBe(true);
    } finally {
      store.close();
    }
  });
});

describe('the record of pictures in use', () => {
  it('is filled from the existing revisions when an older store is upgraded', () => {
    const file = path.join(tempDir(), 'byline.db');
    const store = open(file);
    const id = addPicture(store, 11);
    const a = store.articles.create(seedArticle(id), 'anna');
    store.articles.save({ ...a, body: a.body.slice(1) }, 'anna');
    store.close();
    const raw = new Database(file);
    raw.exec(
      'DROP TABLE sync_assets; DROP TABLE sync_comments; DROP TABLE sync_incoming; DROP TABLE sync_revisions; DROP TABLE sync_server; DROP TABLE import_sources; DROP TABLE revision_assets; PRAGMA user_version = 9;',
    );
    raw.close();
    const upgraded = open(file);
    try {
      expect(upgraded.db.prepare('SELECT asset_id FROM revision_assets').pluck().all()).toEqual([id]);
      expect(upgraded.emptyTrash().pictures).toBe(0);
      expect(stored(upgraded, id)).toBe(true);
    } finally {
      upgraded.close();
    }
  });

  it('never lets emptying the trash remove a picture any remaining revision uses (property)', () => {
    type Op =
      | { kind: 'create'; pics: number[] }
      | { kind: 'save'; article: number; pics: number[] }
      | { kind: 'trash'; article: number }
      | { kind: 'restore'; article: number }
      | { kind: 'empty' };
    const pics = fc.array(fc.nat(5), { maxLength: 3 });
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('create' as const), pics }),
      fc.record({ kind: fc.constant('save' as const), article: fc.nat(7), pics }),
      fc.record({ kind: fc.constant('trash' as const), article: fc.nat(7) }),
      fc.record({ kind: fc.constant('restore' as const), article: fc.nat(7) }),
      fc.constant({ kind: 'empty' as const }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        const store = open();
        try {
          const ids: string[] = [];
          const ensure = (n: number) => (store.assets.find(ids[n] ?? '') ? ids[n]! : (ids[n] = addPicture(store, n)));
          const articles: string[] = [];
          const pick = (n: number) => articles[n % Math.max(articles.length, 1)];
          for (const o of ops) {
            try {
              if (o.kind === 'create')
                articles.push(
                  store.articles.create(
                    { headline: 'A', body: withPictures({} as Article, o.pics.map(ensure)).body },
                    'anna',
                  ).id,
                );
              else if (o.kind === 'save' && pick(o.article))
                store.articles.save(withPictures(store.articles.get(pick(o.article)!), o.pics.map(ensure)), 'anna');
              else if (o.kind === 'trash' && pick(o.article)) store.articles.trash(pick(o.article)!);
              else if (o.kind === 'restore' && pick(o.article)) store.articles.restore(pick(o.article)!);
              else if (o.kind === 'empty') store.emptyTrash();
            } catch (error) {
              // trashing twice, saving a trashed article, restoring a deleted one: refusals, not the subject here
              if (
                !/trash|not-found|No article/i.test(`${(error as { code?: string }).code} ${(error as Error).message}`)
              )
                throw error;
            }
            // The truth, read the slow way: every picture every remaining revision names.
            const docs = store.db.prepare('SELECT doc FROM revisions').pluck().all() as Buffer[];
            for (const doc of docs) {
              for (const b of decodeRevision(doc).body)
                if (b.type === 'image' && b.assetId) expect(stored(store, b.assetId)).toBe(true);
            }
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('byline check', () => {
  it('reports files without rows, rows without files and stray renditions; --repair fixes what is safe', () => {
    const store = open();
    try {
      const used = addPicture(store, 21);
      const unused = addPicture(store, 22);
      const lost = addPicture(store, 23);
      store.articles.create(seedArticle(used), 'anna');
      const a = store.articles.create(seedArticle(lost), 'anna');
      // A crash between a file and its row, a row whose file went, a rendition left behind.
      store.db.prepare('DELETE FROM article_assets WHERE asset_id = ?').run(used);
      store.db.prepare('DELETE FROM assets WHERE id IN (?, ?)').run(used, unused);
      fs.rmSync(store.assets.pathOf(lost));
      const report = store.check();
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual(
        expect.arrayContaining([
          `Image file ${store.assets.pathOf(used)} has no row in the store (an article uses it)`,
          `Image file ${store.assets.pathOf(unused)} has no row in the store (nothing uses it)`,
          `Image ${lost}: file missing (${store.assets.pathOf(lost)}); restore it from a backup`,
          expect.stringContaining(`Stray file ${store.assets.renditionPath(unused, 'thumbnail')}`),
        ]),
      );

      const repaired = store.check({ repair: true });
      expect(repaired.repaired).toEqual(
        expect.arrayContaining([
          `Image file ${store.assets.pathOf(used)}: row restored (an article uses it)`,
          `Image file ${store.assets.pathOf(unused)}: removed (no row, nothing uses it)`,
        ]),
      );
      expect(stored(store, used)).toBe(true);
      expect(fs.existsSync(store.assets.pathOf(unused))).toBe(false);
      expect(fs.existsSync(store.assets.renditionPath(unused, 'display'))).toBe(false);
      // What cannot be fixed here is still reported, and nothing else.
      expect(store.check().problems).toEqual([
        `Image ${lost}: file missing (${store.assets.pathOf(lost)}); restore it from a backup`,
      ]);
      expect(store.articles.get(a.id).body[0]).toMatchObject({ assetId: lost });
    } finally {
      store.close();
    }
  });
});
