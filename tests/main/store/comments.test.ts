import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../../src/main/store/store';
import { fieldText } from '../../../src/shared/comments/anchoring';
import type { Article } from '../../../src/shared/model/article';
import type { CommentThread } from '../../../src/shared/model/comment';
import { EXPORTERS } from '../../../src/main/export/formats';
import { seedArticle } from '../../helpers/articles';
import { tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

let store: Store;
let dbPath: string;
let a: Article;
let assetId: string;
beforeEach(() => {
  dbPath = path.join(tempDir(), 'byline.db');
  store = Store.open(dbPath);
  assetId = store.assets.add(tinyPng(3), 'a.png').id;
  a = store.articles.create(seedArticle(assetId), 'Anna Muster (haz)');
  return () => store.close();
});

const rangeOf = (text: string, words: string) => ({
  start: text.indexOf(words),
  end: text.indexOf(words) + words.length,
});
const edit = (change: (x: Article) => Partial<Article>) => {
  const current = store.articles.get(a.id);
  return store.articles.save({ ...current, ...change(current) }, 'Anna Muster (haz)').article;
};
const quoteNow = (t: CommentThread) => {
  const article = store.articles.get(a.id);
  return t.anchor?.kind === 'text' ? fieldText(article, t.anchor.field).slice(t.anchor.start, t.anchor.end) : null;
};

describe('comments (real SQLite store)', () => {
  it('anchors to a range of the body, reads the quote from the saved text, and records who and when', () => {
    const body = fieldText(a, 'body');
    const t = store.comments.add(
      a.id,
      { anchor: { kind: 'text', field: 'body', ...rangeOf(body, 'Gegenangriff') }, body: 'Quelle?' },
      'Desk (bs)',
    );
    expect(t).toMatchObject({
      anchor: { quote: 'Gegenangriff' },
      author: 'Desk (bs)',
      body: 'Quelle?',
      resolvedAt: null,
      revision: a.revision,
      replies: [],
    });
    store.close();
    store = Store.open(dbPath);
    expect(store.comments.threads(a.id)).toEqual([t]);
  });

  it('keeps a headline comment on its words while the headline and body are edited around them', () => {
    const t = store.comments.add(
      a.id,
      { anchor: { kind: 'text', field: 'headline', ...rangeOf(a.headline, 'Albu Kamal') }, body: 'Schreibweise?' },
      'desk',
    );
    edit(() => ({ headline: 'Syrien: IS-Kämpfer holen große Teile von Albu Kamal zurück' }));
    edit((x) => ({ body: [{ type: 'paragraph', children: [{ text: 'Neu oben.' }] }, ...x.body] }));
    const [after] = store.comments.threads(a.id);
    expect(after!.detached).toBe(false);
    expect(quoteNow(after!)).toBe('Albu Kamal');
    expect(t.id).toBe(after!.id);
  });

  it('detaches a comment whose words are deleted and keeps it listed with its quote', () => {
    const body = fieldText(a, 'body');
    store.comments.add(
      a.id,
      { anchor: { kind: 'text', field: 'body', ...rangeOf(body, 'rund 40 Prozent') }, body: 'Zahl prüfen' },
      'desk',
    );
    edit((x) => ({
      body: x.body.filter((b) => !(b.type === 'paragraph' && JSON.stringify(b).includes('40 Prozent'))),
    }));
    expect(store.comments.threads(a.id)).toMatchObject([
      { detached: true, body: 'Zahl prüfen', anchor: { quote: 'rund 40 Prozent' } },
    ]);
  });

  it('replies, resolves and reopens; a reply to a resolved thread reopens it', () => {
    const t = store.comments.add(a.id, { anchor: { kind: 'field', field: 'teaser' }, body: 'Zu lang' }, 'desk');
    store.comments.reply(t.id, 'Gekürzt', 'anna');
    expect(store.comments.setResolved(t.id, true, 'desk')).toMatchObject({
      resolvedBy: 'desk',
      replies: [{ body: 'Gekürzt', author: 'anna' }],
    });
    expect(store.comments.setResolved(t.id, false, 'desk').resolvedAt).toBeNull();
    store.comments.setResolved(t.id, true, 'desk');
    const reopened = store.comments.reply(t.replies[0]?.id ?? t.id, 'Doch nicht', 'anna');
    expect(reopened.resolvedAt).toBeNull();
    expect(reopened.replies.map((r) => r.body)).toEqual(['Gekürzt', 'Doch nicht']);
  });

  it("anchors to an image's credit and detaches when the image leaves the article", () => {
    store.comments.add(
      a.id,
      { anchor: { kind: 'image', assetId, part: 'credit' }, body: 'Credit fehlt der Fotograf' },
      'desk',
    );
    edit((x) => ({ body: x.body.filter((b) => b.type !== 'image') }));
    expect(store.comments.threads(a.id)[0]!.detached).toBe(true);
  });

  it('refuses bad comments naming the problem, and stores nothing', () => {
    const refused = (fn: () => unknown, message: RegExp) => {
      expect(fn).toThrow(message);
      expect(store.comments.threads(a.id)).toEqual([]);
    };
    refused(
      () => store.comments.add(a.id, { anchor: { kind: 'field', field: 'headline' }, body: '   ' }, 'desk'),
      /needs some text/,
    );
    refused(
      () =>
        store.comments.add(a.id, { anchor: { kind: 'text', field: 'headline', start: 5, end: 5 }, body: 'x' }, 'desk'),
      /select some text/,
    );
    refused(
      () =>
        store.comments.add(
          a.id,
          { anchor: { kind: 'text', field: 'headline', start: 0, end: 999 }, body: 'x' },
          'desk',
        ),
      /not in the saved headline/,
    );
    refused(
      () =>
        store.comments.add(
          a.id,
          { anchor: { kind: 'image', assetId: 'f'.repeat(64), part: 'alt' }, body: 'x' },
          'desk',
        ),
      /no image ffffffffffff/,
    );
    refused(
      () => store.comments.add(a.id, { anchor: { kind: 'field', field: 'doc' }, body: 'x' }, 'desk'),
      /not valid/,
    );
    expect(() =>
      store.comments.add(
        '00000000-0000-4000-8000-000000000000',
        { anchor: { kind: 'field', field: 'headline' }, body: 'x' },
        'desk',
      ),
    ).toThrow(/No article/);
    expect(() => store.comments.reply('00000000-0000-4000-8000-000000000000', 'x', 'desk')).toThrow(/No comment/);
  });

  it('are never part of an export', async () => {
    store.comments.add(a.id, { anchor: { kind: 'field', field: 'headline' }, body: 'GEHEIMER-KOMMENTAR-7731' }, 'desk');
    for (const format of ['json', 'nitf', 'newsml', 'ninjs', 'ninjs2', 'html', 'md', 'text'] as const) {
      const { data } = await EXPORTERS[format](store.articles.get(a.id), store, {
        printToPdf: async () => Buffer.alloc(0),
      });
      expect(Buffer.from(data).toString('utf8'), format).not.toContain('GEHEIMER-KOMMENTAR-7731');
    }
  });

  it('go with the article when the trash is emptied (and none are added while it is there)', () => {
    store.comments.add(a.id, { anchor: { kind: 'field', field: 'headline' }, body: 'x' }, 'desk');
    store.articles.trash(a.id);
    expect(() => store.comments.add(a.id, { anchor: { kind: 'field', field: 'headline' }, body: 'y' }, 'desk')).toThrow(
      /in the trash; restore it to comment on it/,
    );
    store.articles.emptyTrash();
    expect(store.db.prepare('SELECT count(*) FROM comments').pluck().get()).toBe(0);
  });
});
