import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../src/main/ipc/dispatch';
import { createHandlers } from '../../../src/main/ipc/handlers';
import { Store } from '../../../src/main/store/store';
import type { Article } from '../../../src/shared/model/article';
import { seedArticle } from '../../helpers/articles';
import { tempDir } from '../../helpers/tmp';

let dbPath: string;
let store: Store;
let handlers: Handlers;
let a: Article;
beforeEach(() => {
  dbPath = path.join(tempDir(), 'byline.db');
  store = Store.open(dbPath);
  handlers = createHandlers(
    store,
    { mode: 'browser', chooseBackupDestination: async (p) => p, chooseExportPath: async (p) => p },
    'anna',
  );
  a = store.articles.create(seedArticle(), 'anna');
  return () => store.close();
});

const typed = (headline: string): Article => ({ ...a, headline });
const SESSION = 'editor-session-1';
const mark = (seq: number, session = SESSION) => ({ session, seq });

describe('the typing journal', () => {
  it('keeps text typed after the last save across a restart, and offers it on top of the stored article', async () => {
    expect(
      await dispatch(handlers, 'articles.journal', {
        article: typed('IS-Kämpfer holen Teile von Albu Kamal zurück – Update'),
        mark: mark(1),
      }),
    ).toEqual({ ok: true, value: null });
    store.close(); // the window crashed; the app is started again
    store = Store.open(dbPath);
    handlers = createHandlers(
      store,
      { mode: 'browser', chooseBackupDestination: async (p) => p, chooseExportPath: async (p) => p },
      'anna',
    );
    const r = await dispatch(handlers, 'articles.recovery', { id: a.id });
    expect(r).toMatchObject({
      ok: true,
      value: {
        article: {
          id: a.id,
          revision: 1,
          headline: 'IS-Kämpfer holen Teile von Albu Kamal zurück – Update',
          teaser: a.teaser,
        },
        writtenAt: expect.any(String),
      },
    });
    // Saving the recovered text clears the journal.
    const recovered = (r as { value: { article: Article } }).value.article;
    expect(await dispatch(handlers, 'articles.save', { article: recovered })).toMatchObject({
      ok: true,
      value: { article: { revision: 2 } },
    });
    expect(await dispatch(handlers, 'articles.recovery', { id: a.id })).toEqual({ ok: true, value: null });
  });

  it("offers nothing when the store already holds the journal's text, and forgets such an entry", async () => {
    await dispatch(handlers, 'articles.journal', { article: typed('Neu'), mark: mark(1) });
    await dispatch(handlers, 'articles.save', { article: typed('Neu') });
    expect(store.db.prepare('SELECT count(*) FROM journal').pluck().get()).toBe(0);
    // A journal write that arrives after the save (it was on its way) holds the saved text: no offer.
    await dispatch(handlers, 'articles.journal', { article: typed('Neu'), mark: mark(1) });
    expect(await dispatch(handlers, 'articles.recovery', { id: a.id })).toEqual({ ok: true, value: null });
    expect(store.db.prepare('SELECT count(*) FROM journal').pluck().get()).toBe(0);
  });

  it('keeps text typed while a save was on its way, when the save holds the earlier text', async () => {
    await dispatch(handlers, 'articles.journal', { article: typed('Zweite Fassung, weiter getippt'), mark: mark(6) });
    await dispatch(handlers, 'articles.save', { article: typed('Zweite Fassung'), journal: mark(5) });
    const r = await dispatch(handlers, 'articles.recovery', { id: a.id });
    expect(r).toMatchObject({
      ok: true,
      value: { article: { revision: 2, headline: 'Zweite Fassung, weiter getippt' } },
    });
  });

  it('can be discarded; goes with the article; refuses what is not an article', async () => {
    await dispatch(handlers, 'articles.journal', { article: typed('Verwerfen'), mark: mark(1) });
    await dispatch(handlers, 'articles.discardRecovery', { id: a.id });
    expect(await dispatch(handlers, 'articles.recovery', { id: a.id })).toEqual({ ok: true, value: null });
    await dispatch(handlers, 'articles.journal', { article: typed('Weg damit'), mark: mark(1) });
    store.articles.trash(a.id);
    expect(
      await dispatch(handlers, 'articles.journal', { article: typed('Im Papierkorb'), mark: mark(1) }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    store.articles.emptyTrash();
    expect(store.db.prepare('SELECT count(*) FROM journal').pluck().get()).toBe(0);
    expect(
      await dispatch(handlers, 'articles.journal', { article: { headline: 'ohne id' }, mark: mark(9) }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('is cleared by a save that covers it, though the entry holds an older, shorter text (Ctrl+S right after typing)', async () => {
    await dispatch(handlers, 'articles.journal', {
      article: { ...a, body: [{ type: 'paragraph', children: [{ text: 'Die Setzlinge von Hand, im' }] }] },
      mark: mark(3),
    });
    await dispatch(handlers, 'articles.save', {
      article: { ...a, body: [{ type: 'paragraph', children: [{ text: 'Die Setzlinge von Hand, im Regen.' }] }] },
      journal: mark(5),
    });
    expect(store.db.prepare('SELECT count(*) FROM journal').pluck().get()).toBe(0);
    expect(await dispatch(handlers, 'articles.recovery', { id: a.id })).toEqual({ ok: true, value: null });
  });

  it("keeps another editor's entry when this one saves, and an older write never replaces a newer one", async () => {
    await dispatch(handlers, 'articles.journal', {
      article: typed('Aus dem anderen Fenster'),
      mark: mark(4, 'editor-session-2'),
    });
    await dispatch(handlers, 'articles.save', { article: typed('Aus diesem Fenster'), journal: mark(9) });
    expect(await dispatch(handlers, 'articles.recovery', { id: a.id })).toMatchObject({
      ok: true,
      value: { article: { headline: 'Aus dem anderen Fenster' } },
    });
    await dispatch(handlers, 'articles.journal', { article: typed('Neuer'), mark: mark(8, 'editor-session-3') });
    await dispatch(handlers, 'articles.journal', {
      article: typed('Älter, spät angekommen'),
      mark: mark(7, 'editor-session-3'),
    });
    expect(await dispatch(handlers, 'articles.recovery', { id: a.id })).toMatchObject({
      ok: true,
      value: { article: { headline: 'Neuer' } },
    });
  });

  it('refuses a mark that is not one', async () => {
    expect(
      await dispatch(handlers, 'articles.journal', { article: typed('x'), mark: { session: '../../etc', seq: -1 } }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
