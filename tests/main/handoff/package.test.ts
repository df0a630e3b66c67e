import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readPackage } from '../../../src/main/handoff/readPackage';
import { resolveIncoming, unpackIntoStore } from '../../../src/main/handoff/unpack';
import { writePackage } from '../../../src/main/handoff/writePackage';
import { Store } from '../../../src/main/store/store';
import { fieldText } from '../../../src/shared/comments/anchoring';
import { HouseStyleSchema } from '../../../src/shared/houseStyle';
import type { Article } from '../../../src/shared/model/article';
import { seedArticle } from '../../helpers/articles';
import { tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

const ANNA = 'Anna Muster (haz)';
const DESK = 'Bernd Schulz (bs)';

// Two machines: a journalist's store and the desk's, each a real SQLite file.
let journalist: Store;
let desk: Store;
let a: Article;
beforeEach(() => {
  journalist = Store.open(path.join(tempDir(), 'anna.db'));
  desk = Store.open(path.join(tempDir(), 'desk.db'));
  const png = journalist.assets.add(tinyPng(5), 'albu-kamal.png', { source: 'test' });
  a = journalist.articles.create(seedArticle(png.id), ANNA);
  return () => {
    journalist.close();
    desk.close();
  };
});

const send = (from: Store, to: Store, actor: string) =>
  unpackIntoStore(to, readPackage(writePackage(from, a.id, actor).bytes, 'albu-kamal.byline'), 'albu-kamal.byline');
const edit = (store: Store, actor: string, change: (x: Article) => Partial<Article>) => {
  const current = store.articles.get(a.id);
  return store.articles.save({ ...current, ...change(current) }, actor).article;
};
const historyOf = (store: Store) =>
  store.articles.history(a.id).map((r) => `${r.revision} ${r.status} ${r.savedBy}${r.note ? ` — ${r.note}` : ''}`);

describe('.byline packages: hand-off between machines', () => {
  it("carry what each picture's file said, so the desk checks credits as the journalist's machine does", () => {
    const photo = { width: 2, height: 2, embedded: { creators: ['Jane Roe'], creditLine: 'Reuters' } };
    const picture = journalist.assets.add(tinyPng(6), 'reuters.png', { source: 'file', photo });
    const seed = seedArticle(picture.id);
    a = journalist.articles.create(
      {
        ...seed,
        body: seed.body!.map((b) =>
          b.type === 'image' ? { ...b, credit: { agency: 'Reuters', creator: 'Jane Roe' } } : b,
        ),
      },
      ANNA,
    );
    send(journalist, desk, ANNA);
    expect(desk.assets.find(picture.id)!.metadata).toEqual({ source: 'file', photo });
    // A desk editor's wrong photographer is refused on the desk's machine too.
    const current = desk.articles.get(a.id);
    desk.articles.save(
      {
        ...current,
        body: current.body.map((b) =>
          b.type === 'image' ? { ...b, credit: { agency: 'Reuters', creator: 'John Doe' } } : b,
        ),
      },
      DESK,
    );
    for (const to of ['submitted', 'in-review']) desk.articles.setStatus(a.id, to, DESK);
    expect(() => desk.articles.setStatus(a.id, 'approved', DESK)).toThrow(
      /the photographer "John Doe" is not the file's creator "Jane Roe"/,
    );
  });

  it('carry the article, its whole history, comments and images to a machine that has never seen it', () => {
    journalist.articles.setStatus(a.id, 'submitted', ANNA);
    journalist.comments.add(a.id, { anchor: { kind: 'field', field: 'teaser' }, body: 'Bitte kürzen?' }, ANNA);
    const outcome = send(journalist, desk, ANNA);
    expect(outcome).toMatchObject({ id: a.id, result: 'new', revisionsAdded: 2, commentsAdded: 1, sender: ANNA });
    expect(desk.articles.get(a.id)).toEqual(journalist.articles.get(a.id));
    expect(desk.articles.history(a.id)).toEqual(journalist.articles.history(a.id));
    expect(desk.comments.threads(a.id)).toEqual(journalist.comments.threads(a.id));
    const image = a.body.find((b) => b.type === 'image')!;
    expect(desk.assets.read(image.assetId!)).toEqual(journalist.assets.read(image.assetId!));
    expect(desk.assets.find(image.assetId!)).toMatchObject({
      originalName: 'albu-kamal.png',
      metadata: { source: 'test' },
    });
    expect(desk.check().ok).toBe(true);
  });

  it('go back and forth: each side adds the revisions and comments the other made, with who made them', () => {
    journalist.articles.setStatus(a.id, 'submitted', ANNA);
    send(journalist, desk, ANNA);
    desk.articles.setStatus(a.id, 'in-review', DESK);
    const headline = desk.comments.add(
      a.id,
      { anchor: { kind: 'text', field: 'headline', start: 27, end: 37 }, body: 'Abu oder Albu?' },
      DESK,
    );
    desk.articles.setStatus(a.id, 'back-to-author', DESK, { reason: 'Schreibweise klären' });

    expect(send(desk, journalist, DESK)).toMatchObject({ result: 'updated', revisionsAdded: 2, commentsAdded: 1 });
    expect(historyOf(journalist).slice(0, 2)).toEqual([
      `4 back-to-author ${DESK} — Schreibweise klären`,
      `3 in-review ${DESK}`,
    ]);

    edit(journalist, ANNA, (x) => ({ headline: x.headline.replace('Albu Kamal', 'Abu Kamal') }));
    journalist.comments.reply(headline.id, 'AFP schreibt Abu Kamal', ANNA);
    journalist.comments.setResolved(headline.id, true, ANNA);
    journalist.articles.setStatus(a.id, 'submitted', ANNA);

    expect(send(journalist, desk, ANNA)).toMatchObject({ result: 'updated', revisionsAdded: 2, commentsAdded: 1 });
    expect(desk.articles.get(a.id).headline).toBe('IS-Kämpfer holen Teile von Abu Kamal zurück');
    const [thread] = desk.comments.threads(a.id);
    expect(thread).toMatchObject({ resolvedBy: ANNA, replies: [{ body: 'AFP schreibt Abu Kamal', author: ANNA }] });
    // The anchor followed the edit on the journalist's machine and arrived where the words are.
    expect(
      thread!.anchor?.kind === 'text' &&
        fieldText(desk.articles.get(a.id), 'headline').slice(thread!.anchor.start, thread!.anchor.end),
    ).toBe('Abu Kamal');
    expect(desk.articles.history(a.id)).toEqual(journalist.articles.history(a.id));
  });

  it('opening the same package again changes nothing', () => {
    const bytes = writePackage(journalist, a.id, ANNA).bytes;
    unpackIntoStore(desk, readPackage(bytes, 'p.byline'), 'p.byline');
    expect(unpackIntoStore(desk, readPackage(bytes, 'p.byline'), 'p.byline')).toMatchObject({
      result: 'up-to-date',
      revisionsAdded: 0,
      commentsAdded: 0,
    });
    expect(desk.articles.history(a.id)).toHaveLength(1);
  });

  describe('when both sides changed the same revision', () => {
    beforeEach(() => {
      send(journalist, desk, ANNA);
      edit(journalist, ANNA, () => ({ teaser: 'Die Journalistin hat den Vorspann gekürzt.' }));
      edit(desk, DESK, () => ({ headline: 'IS erobert Teile von Albu Kamal zurück' }));
    });

    it('keeps the package version aside, changes nothing else, and asks only once', () => {
      const before = desk.articles.get(a.id);
      const outcome = send(journalist, desk, ANNA);
      expect(outcome).toMatchObject({ result: 'diverged', revisionsAdded: 0 });
      expect(desk.articles.get(a.id)).toEqual(before);
      const [waiting] = desk.incoming.pending(a.id);
      expect(waiting).toMatchObject({
        id: outcome.incomingId,
        sender: ANNA,
        baseRevision: 1,
        revisions: [{ revision: 2, savedBy: ANNA }],
      });
      expect(waiting!.theirs.teaser).toBe('Die Journalistin hat den Vorspann gekürzt.');
      expect(send(journalist, desk, ANNA).incomingId).toBe(outcome.incomingId);
      expect(desk.incoming.pending(a.id)).toHaveLength(1);
    });

    it("taking theirs adds their text as a new revision; this machine's revisions stay in the history", () => {
      const { incomingId } = send(journalist, desk, ANNA);
      const result = resolveIncoming(desk, a.id, incomingId!, 'theirs', DESK, 2);
      expect(result).toMatchObject({
        revision: 3,
        teaser: 'Die Journalistin hat den Vorspann gekürzt.',
        headline: a.headline,
      });
      expect(historyOf(desk)[0]).toBe(
        `3 draft ${DESK} — took ${ANNA}'s version from albu-kamal.byline (their revision 2, based on revision 1)`,
      );
      expect(desk.articles.getRevision(a.id, 2).headline).toBe('IS erobert Teile von Albu Kamal zurück');
      expect(desk.incoming.pending(a.id)).toEqual([]);
    });

    it("keeping mine still records theirs, then puts this machine's text back on top", () => {
      const { incomingId } = send(journalist, desk, ANNA);
      const result = resolveIncoming(desk, a.id, incomingId!, 'mine', DESK, 2);
      expect(result).toMatchObject({
        revision: 4,
        headline: 'IS erobert Teile von Albu Kamal zurück',
        teaser: a.teaser,
      });
      expect(desk.articles.getRevision(a.id, 3).teaser).toBe('Die Journalistin hat den Vorspann gekürzt.');
      expect(historyOf(desk)[0]).toBe(`4 draft ${DESK} — kept this machine's revision 2 over ${ANNA}'s version`);
    });

    it('a choice made on a stale view is a conflict, and a choice cannot be made twice', () => {
      const { incomingId } = send(journalist, desk, ANNA);
      edit(desk, DESK, () => ({ kicker: 'Syrien' }));
      expect(() => resolveIncoming(desk, a.id, incomingId!, 'theirs', DESK, 2)).toThrow(
        /saved \(revision 3\) after the revision 2 you compared/,
      );
      resolveIncoming(desk, a.id, incomingId!, 'theirs', DESK, 3);
      expect(() => resolveIncoming(desk, a.id, incomingId!, 'theirs', DESK, 4)).toThrow(/already dealt with/);
    });
  });

  it('an article in the trash here is not brought back silently', () => {
    send(journalist, desk, ANNA);
    desk.articles.trash(a.id);
    edit(journalist, ANNA, () => ({ kicker: 'Syrien' }));
    expect(() => send(journalist, desk, ANNA)).toThrow(/is in the trash here; restore it first/);
    expect(desk.articles.history(a.id)).toHaveLength(1);
  });

  it('a status this house style does not know is refused, and nothing is stored', () => {
    const strict = Store.open(path.join(tempDir(), 'strict.db'), {
      houseStyle: HouseStyleSchema.parse({
        statuses: [
          { id: 'draft', label: 'Entwurf' },
          { id: 'done', label: 'Fertig' },
        ],
        transitions: { draft: ['done'] },
      }),
    });
    try {
      journalist.articles.setStatus(a.id, 'submitted', ANNA);
      expect(() => send(journalist, strict, ANNA)).toThrow(/status "submitted", which this house style does not know/);
      expect(strict.articles.list().total).toBe(0);
      expect(strict.assets.ids()).toEqual([]);
      expect(strict.check().ok).toBe(true);
    } finally {
      strict.close();
    }
  });
});
