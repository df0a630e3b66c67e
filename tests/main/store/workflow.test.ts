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
    expectRefused(
      () => store.articles.setStatus(a.id, 'approved', 'desk'),
      'An article cannot go from Draft to Approved; from Draft it can go to Submitted, Spiked. The status was not changed.',
    );
    expectRefused(
      () => store.articles.setStatus(a.id, 'printed', 'desk'),
      /"printed" is not a status in the house style/,
    );
  });

  it('refuses approval without a teaser, a sign-off, or a credit and alt text on every picture, naming each', () => {
    const body = a.body.map((b) => (b.type === 'image' ? { ...b, credit: {}, alt: '' } : b));
    const bare = store.articles.save(
      { ...a, teaser: '', signOff: { authors: [], agencies: [] }, body },
      'anna',
    ).article;
    store.articles.setStatus(a.id, 'submitted', 'anna');
    store.articles.setStatus(a.id, 'in-review', 'desk');
    expectRefused(
      () => store.articles.setStatus(a.id, 'approved', 'desk'),
      'The article cannot be Approved yet: it needs a teaser, a sign-off, a credit for the first picture (“Syrien al-Qaim Krieg Kämpfe gegen den IS”), alt text for the first picture (“Syrien al-Qaim Krieg Kämpfe gegen den IS”). The status was not changed.',
    );
    expect(bare.revision).toBe(2);
  });

  it('sends back to the author only with a reason, and keeps the reason in the history', () => {
    store.articles.setStatus(a.id, 'submitted', 'anna');
    expectRefused(
      () => store.articles.setStatus(a.id, 'back-to-author', 'desk', { reason: '  ' }),
      'Moving an article to Back to author needs a reason. The status was not changed.',
    );
    store.articles.setStatus(a.id, 'back-to-author', 'desk', { reason: 'Zweite Quelle fehlt' });
    expect(store.articles.history(a.id)[0]).toMatchObject({
      status: 'back-to-author',
      savedBy: 'desk',
      note: 'Zweite Quelle fehlt',
    });
  });

  it('treats a step from a stale revision as a conflict', () => {
    store.articles.save({ ...a, headline: 'Neu' }, 'anna');
    expect(() => store.articles.setStatus(a.id, 'submitted', 'desk', { revision: 1 })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
  });

  it("does not let a save change the status behind the workflow's back", () => {
    expectRefused(
      () => store.articles.save({ ...a, status: 'approved' }, 'anna'),
      /A save cannot change the status \(draft → approved\); status changes go through the workflow/,
    );
  });

  it('lets a new article arrive in a later status only with what that status requires', () => {
    expect(() => store.articles.save({ ...seedArticle(), teaser: '', status: 'approved' }, 'desk')).toThrow(
      'The article cannot arrive as Approved: it needs a teaser. Nothing was saved.',
    );
    expect(store.articles.save({ ...seedArticle(), status: 'approved' }, 'desk').article.status).toBe('approved');
  });

  it("follows a newsroom's own statuses from its house style file", () => {
    const style = HouseStyleSchema.parse({
      statuses: [
        { id: 'entwurf', label: 'Entwurf' },
        { id: 'cvd', label: 'Beim CvD', requires: ['keywords', 'byline'] },
      ],
      initialStatus: 'entwurf',
      transitions: { entwurf: ['cvd'], cvd: ['entwurf'] },
    });
    const own = Store.open(path.join(tempDir(), 'own.db'), { houseStyle: style });
    try {
      const b = own.articles.create({ headline: 'Test', keywords: [] }, 'anna');
      expect(() => own.articles.setStatus(b.id, 'cvd', 'anna')).toThrow(
        'The article cannot be Beim CvD yet: it needs keywords, a byline. The status was not changed.',
      );
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
    expect(() => store.articles.restoreRevision(a.id, 1, 'desk', { base: 1 })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(store.articles.get(a.id).headline).toBe('Zweite Fassung');
  });
});

describe('workflow guardrails from the house style', () => {
  const toReview = () => {
    store.articles.setStatus(a.id, 'submitted', 'anna', { role: 'journalist' });
    store.articles.setStatus(a.id, 'in-review', 'Desk (dk)', { role: 'desk' });
  };

  it('lets only the roles a status names make that step, naming the role', () => {
    store.articles.setStatus(a.id, 'submitted', 'anna', { role: 'journalist' });
    expectRefused(
      () => store.articles.setStatus(a.id, 'in-review', 'anna', { role: 'journalist' }),
      "In review is a step for desk; your profile's role is journalist. The status was not changed.",
    );
    expect(store.articles.setStatus(a.id, 'in-review', 'Desk (dk)', { role: 'desk' }).status).toBe('in-review');
  });

  it('does not let the author approve their own article unless the house style allows it', () => {
    toReview();
    const refused = () => store.articles.setStatus(a.id, 'approved', 'anna', { role: 'desk' });
    expectRefused(refused, 'You created this article, and the house style asks for someone else to make it Approved.');
    expect(store.articles.setStatus(a.id, 'approved', 'Desk (dk)', { role: 'desk' }).status).toBe('approved');
  });

  it('blocks an approval over open comments when the house style says block; a refusal carries its code', () => {
    const strict = HouseStyleSchema.parse({ workflow: { openComments: 'block' } });
    store.close();
    store = Store.open(store.dbPath, { houseStyle: strict });
    toReview();
    const c = store.comments.add(a.id, { anchor: { kind: 'field', field: 'teaser' }, body: 'Quelle?' }, 'Desk (dk)');
    let error: unknown;
    try {
      store.articles.setStatus(a.id, 'approved', 'Desk (dk)', { role: 'desk' });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      message:
        'The article has 1 open comment; the house style asks for them to be resolved before it is Approved. The status was not changed.',
      details: { refusal: 'open-comments' },
    });
    store.comments.setResolved(c.id, true, 'Desk (dk)');
    expect(store.articles.setStatus(a.id, 'approved', 'Desk (dk)', { role: 'desk' }).status).toBe('approved');
  });

  it('names each missing item with a code and a target a person can go to', () => {
    const bare = store.articles.create(
      {
        headline: 'Kurz',
        body: [
          {
            type: 'image',
            assetId: a.body.find((b) => b.type === 'image')!.assetId,
            caption: 'Nach dem Pflügen der Furchen setzen die Bauern die Setzlinge',
            credit: {},
            alt: '',
          },
        ],
      },
      'anna',
    );
    store.articles.setStatus(bare.id, 'submitted', 'anna');
    store.articles.setStatus(bare.id, 'in-review', 'desk');
    let error: { details?: { missing?: unknown; lead?: unknown } } = {};
    try {
      store.articles.setStatus(bare.id, 'approved', 'desk');
    } catch (e) {
      error = e as typeof error;
    }
    expect(error.details?.lead).toBe('The article cannot be Approved yet. It needs:');
    const assetId = bare.body[0]!.type === 'image' ? bare.body[0]!.assetId : '';
    expect(error.details?.missing).toEqual([
      { code: 'teaser', text: 'a teaser', target: { kind: 'field', field: 'teaser' } },
      { code: 'signOff', text: 'a sign-off', target: { kind: 'field', field: 'signOff' } },
      // The caption is cut before a word, never inside one.
      {
        code: 'imageCredit',
        text: 'a credit for the first picture (“Nach dem Pflügen der Furchen setzen die…”)',
        target: { kind: 'image', assetId, nth: 0, part: 'credit' },
      },
      {
        code: 'imageAlt',
        text: 'alt text for the first picture (“Nach dem Pflügen der Furchen setzen die…”)',
        target: { kind: 'image', assetId, nth: 0, part: 'alt' },
      },
    ]);
  });

  it('takes an approved article back to review when it is edited, as a step the history names', () => {
    toReview();
    const approved = store.articles.setStatus(a.id, 'approved', 'Desk (dk)', { role: 'desk' });
    const edited = store.articles.save(
      { ...approved, headline: `${approved.headline} – aktualisiert` },
      'anna',
    ).article;
    expect(edited.status).toBe('in-review');
    expect(store.articles.history(a.id)[0]).toMatchObject({
      status: 'in-review',
      note: 'edited while Approved',
      savedBy: 'anna',
    });
    // A save that changes nothing changes no status either.
    store.articles.setStatus(a.id, 'approved', 'Desk (dk)', { role: 'desk' });
    expect(store.articles.save({ ...store.articles.get(a.id) }, 'anna').article.status).toBe('approved');
  });
});
