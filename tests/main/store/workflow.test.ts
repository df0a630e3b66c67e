import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../../src/main/store/store';
import { HouseStyleSchema } from '../../../src/shared/houseStyle';
import type { Article } from '../../../src/shared/model/article';
import { seedArticle } from '../../helpers/articles';
import { tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

let store: Store;
let a: Article;
beforeEach(() => {
  store = Store.open(path.join(tempDir(), 'byline.db'));
  a = store.articles.create(seedArticle(store.assets.add(tinyPng(2), 'a.png').id), 'anna');
  return () => store.close();
});

const expectRefused = (fn: () => unknown, message: string | RegExp) => {
  const before = store.articles.history(a.id).length;
  expect(fn).toThrow(message);
  expect(store.articles.history(a.id)).toHaveLength(before);
};

describe('status workflow (house style transitions, checked in the main process)', () => {
  it('walks draft → submitted → in review → approved → exported, each step a revision that records who', () => {
    store.articles.setStatus(a.id, 'submitted', 'anna');
    store.articles.setStatus(a.id, 'in-review', 'desk');
    store.articles.setStatus(a.id, 'approved', 'desk');
    const exported = store.articles.setStatus(a.id, 'exported', 'desk');
    expect(exported).toMatchObject({ status: 'exported', revision: 5, headline: a.headline, body: a.body });
    expect(store.articles.history(a.id).map((r) => [r.revision, r.status, r.savedBy])).toEqual([
      [5, 'exported', 'desk'],
      [4, 'approved', 'desk'],
      [3, 'in-review', 'desk'],
      [2, 'submitted', 'anna'],
      [1, 'draft', 'anna'],
    ]);
  });

  it('counts articles per status for the desk queue, leaving the trash out', () => {
    store.articles.setStatus(a.id, 'submitted', 'anna');
    store.articles.create({ headline: 'Zweiter' }, 'anna');
    const third = store.articles.create({ headline: 'Dritter' }, 'anna');
    store.articles.trash(third.id);
    expect(store.articles.statusCounts()).toEqual({ draft: 1, submitted: 1 });
    expect(store.articles.list({ status: 'submitted' }).items.map((i) => i.id)).toEqual([a.id]);
  });

  it('refuses a step the house style does not allow, naming where the article can go', () => {
    expectRefused(() => store.articles.setStatus(a.id, 'approved', 'desk'), 'An article cannot go from Draft to Approved; from Draft it can go to Submitted, Spiked. The status was not changed.');
    expectRefused(() => store.articles.setStatus(a.id, 'printed', 'desk'), /"printed" is not a status in the house style/);
  });

  it('refuses approval without a teaser, a sign-off, or a credit and alt text on every picture, naming each', () => {
    const body = a.body.map((b) => (b.type === 'image' ? { ...b, credit: {}, alt: '' } : b));
    const bare = store.articles.save({ ...a, teaser: '', signOff: { authors: [], agencies: [] }, body }, 'anna').article;
    store.articles.setStatus(a.id, 'submitted', 'anna');
    store.articles.setStatus(a.id, 'in-review', 'desk');
    expectRefused(
      () => store.articles.setStatus(a.id, 'approved', 'desk'),
      'The article cannot be Approved yet: it needs a teaser, a sign-off, a credit for the picture at block 1 ("Syrien al-Qaim Krieg Kämpfe gegen den IS"), alt text for the picture at block 1 ("Syrien al-Qaim Krieg Kämpfe gegen den IS"). The status was not changed.',
    );
    expect(bare.revision).toBe(2);
  });

  it('sends back to the author only with a reason, and keeps the reason in the history', () => {
    store.articles.setStatus(a.id, 'submitted', 'anna');
    expectRefused(() => store.articles.setStatus(a.id, 'back-to-author', 'desk', { reason: '  ' }), 'Moving an article to Back to author needs a reason. The status was not changed.');
    store.articles.setStatus(a.id, 'back-to-author', 'desk', { reason: 'Zweite Quelle fehlt' });
    expect(store.articles.history(a.id)[0]).toMatchObject({ status: 'back-to-author', savedBy: 'desk', note: 'Zweite Quelle fehlt' });
  });

  it('treats a step from a stale revision as a conflict', () => {
    store.articles.save({ ...a, headline: 'Neu' }, 'anna');
    expect(() => store.articles.setStatus(a.id, 'submitted', 'desk', { revision: 1 })).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('does not let a save change the status behind the workflow\'s back', () => {
    expectRefused(() => store.articles.save({ ...a, status: 'approved' }, 'anna'), /A save cannot change the status \(draft → approved\); status changes go through the workflow/);
  });

  it('lets a new article arrive in a later status only with what that status requires', () => {
    expect(() => store.articles.save({ ...seedArticle(), teaser: '', status: 'approved' }, 'desk')).toThrow('The article cannot arrive as Approved: it needs a teaser. Nothing was saved.');
    expect(store.articles.save({ ...seedArticle(), status: 'approved' }, 'desk').article.status).toBe('approved');
  });

  it('follows a newsroom\'s own statuses from its house style file', () => {
    const style = HouseStyleSchema.parse({
      statuses: [{ id: 'entwurf', label: 'Entwurf' }, { id: 'cvd', label: 'Beim CvD', requires: ['keywords', 'byline'] }],
      initialStatus: 'entwurf',
      transitions: { entwurf: ['cvd'], cvd: ['entwurf'] },
    });
    const own = Store.open(path.join(tempDir(), 'own.db'), { houseStyle: style });
    try {
      const b = own.articles.create({ headline: 'Test', keywords: [] }, 'anna');
      expect(() => own.articles.setStatus(b.id, 'cvd', 'anna')).toThrow('The article cannot be Beim CvD yet: it needs keywords, a byline. The status was not changed.');
    } finally {
      own.close();
    }
  });
});

describe('restoring a revision', () => {
  it('brings back an earlier text as a new revision, keeps every revision and the status, and records it', () => {
    const r2 = store.articles.save({ ...a, headline: 'Zweite Fassung' }, 'anna').article;
    store.articles.setStatus(a.id, 'submitted', 'anna');
    const restored = store.articles.restoreRevision(a.id, 1, 'desk', { base: r2.revision + 1 });
    expect(restored).toMatchObject({ revision: 4, headline: a.headline, status: 'submitted', createdAt: a.createdAt });
    expect(store.articles.history(a.id).map((r) => [r.revision, r.headline, r.note])).toEqual([
      [4, a.headline, 'restored revision 1'],
      [3, 'Zweite Fassung', ''],
      [2, 'Zweite Fassung', ''],
      [1, a.headline, ''],
    ]);
  });

  it('refuses to restore over a newer save than the one the person saw', () => {
    store.articles.save({ ...a, headline: 'Zweite Fassung' }, 'anna');
    expect(() => store.articles.restoreRevision(a.id, 1, 'desk', { base: 1 })).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(store.articles.get(a.id).headline).toBe('Zweite Fassung');
  });
});
