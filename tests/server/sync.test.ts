import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addAccount } from '../../src/server/accounts';
import { migrate } from '../../src/server/db/migrations';
import { maySee, pull, PULL_PAGE_BYTES, push, VISIBLE, visibilityParams } from '../../src/server/sync';
import type { Account } from '../../src/shared/server/api';
import { commentRecord, revisionRecord } from '../helpers/syncRecords';
import { NO_POSTGRES, usePostgres } from '../helpers/postgres';

const revision = revisionRecord;

describe.skipIf(!!NO_POSTGRES)('sync on a real PostgreSQL', () => {
  const pgs = usePostgres();
  let anna: Account, ben: Account, desk: Account, other: Account;

  it('numbers what it accepts, gives each account what it may see, and takes a push twice as once', async () => {
    await migrate(pgs.db());
    anna = (await addAccount(pgs.db(), { name: 'Anna', initials: 'am', role: 'journalist', desks: ['Politik'] }))
      .account;
    ben = (await addAccount(pgs.db(), { name: 'Ben', initials: 'bb', role: 'journalist', desks: ['Sport'] })).account;
    desk = (await addAccount(pgs.db(), { name: 'Dora Desk', initials: 'dd', role: 'desk', desks: ['Politik'] }))
      .account;
    other = (await addAccount(pgs.db(), { name: 'Otto Desk', initials: 'od', role: 'desk', desks: ['Sport'] })).account;

    const id = crypto.randomUUID();
    const first = revision(id, []);
    const comment = commentRecord(id, 'Quelle für die 40 Prozent?');
    const pushed = await push(pgs.db(), anna, [first]);
    expect(pushed).toMatchObject({ accepted: [{ id: first.id }], duplicates: [], refused: [] });
    // The same batch again (a connection cut before the answer): nothing changes.
    expect(await push(pgs.db(), anna, [first])).toEqual({ accepted: [], duplicates: [first.id], refused: [] });
    expect(await push(pgs.db(), desk, [comment])).toMatchObject({ accepted: [{ id: comment.id }] });

    const forDesk = await pull(pgs.db(), desk, 0, 100);
    expect(forDesk.records.map((r) => [r.record.id, r.by.name])).toEqual([
      [first.id, 'Anna'],
      [comment.id, 'Dora Desk'],
    ]);
    expect(forDesk.cursor).toBe(forDesk.records.at(-1)!.seq);
    // Another desk's people do not see it, and may not write to it.
    expect((await pull(pgs.db(), other, 0, 100)).records).toEqual([]);
    expect((await pull(pgs.db(), ben, 0, 100)).records).toEqual([]);
    const intruder = await push(pgs.db(), ben, [revision(id, [first.id], { headline: 'Übernommen' })]);
    expect(intruder.refused).toEqual([
      expect.objectContaining({ code: 'forbidden', message: expect.stringContaining('Ben may not change article') }),
    ]);
    // Pulling in small batches gives the same records, with a cursor to go on from.
    const page1 = await pull(pgs.db(), desk, 0, 1);
    expect(page1.more).toBe(true);
    const page2 = await pull(pgs.db(), desk, page1.cursor, 1);
    expect([...page1.records, ...page2.records].map((r) => r.record.id)).toEqual([first.id, comment.id]);
  });

  it('checks every status step again: a journalist cannot start the review, the desk can; both editing one revision leaves two heads, and a choice joins them', async () => {
    await migrate(pgs.db());
    const id = crypto.randomUUID();
    const r1 = revision(id, [], {}, { desk: 'Politik' });
    const submitted = revision(id, [r1.id], { status: 'submitted', revision: 2 });
    expect((await push(pgs.db(), anna, [r1, submitted])).accepted).toHaveLength(2);
    const inReview = revision(id, [submitted.id], { status: 'in-review', revision: 3 });
    // Anna (journalist) may not start the review: refused with the house style's reason, not stored.
    const selfReview = await push(pgs.db(), anna, [inReview]);
    expect(selfReview.refused).toEqual([
      {
        id: inReview.id,
        code: 'forbidden',
        message: 'In review is a step for desk; Anna is journalist on this newsroom server.',
      },
    ]);
    expect((await pull(pgs.db(), desk, 0, 1000)).records.map((r) => r.record.id)).not.toContain(inReview.id);
    // The desk may.
    expect((await push(pgs.db(), desk, [inReview])).accepted).toHaveLength(1);
    // Offline on both sides, the same revision edited twice: both are kept, as two heads.
    const mine = revision(id, [inReview.id], { status: 'in-review', headline: 'Version der Autorin', revision: 4 });
    const theirs = revision(id, [inReview.id], { status: 'in-review', headline: 'Version des Desks', revision: 4 });
    expect((await push(pgs.db(), anna, [mine])).accepted).toHaveLength(1);
    expect((await push(pgs.db(), desk, [theirs])).accepted).toHaveLength(1);
    const { rows } = await pgs
      .db()
      .query(
        "SELECT id FROM records r WHERE article_id = $1 AND kind = 'revision' AND NOT EXISTS (SELECT 1 FROM records c WHERE r.id = ANY(c.parents)) ORDER BY seq",
        [id],
      );
    expect(rows.map((r) => r.id)).toEqual([mine.id, theirs.id]);
    // The choice is a revision with both as parents.
    const chosen = revision(id, [mine.id, theirs.id], {
      status: 'in-review',
      headline: 'Version des Desks',
      revision: 5,
    });
    expect((await push(pgs.db(), desk, [chosen])).accepted).toHaveLength(1);
    const audit = (
      await pgs.db().query("SELECT detail FROM audit WHERE kind = 'status-step' AND detail->>'article' = $1", [id])
    ).rows.map((r) => `${r.detail.from}→${r.detail.to}`);
    expect(audit).toEqual(['draft→submitted', 'submitted→in-review']);
  });

  it('refuses records that continue what the server does not have', async () => {
    await migrate(pgs.db());
    const id = crypto.randomUUID();
    const orphan = revision(id, [crypto.randomUUID()]);
    expect((await push(pgs.db(), anna, [orphan])).refused).toEqual([
      expect.objectContaining({
        code: 'bad-request',
        message: expect.stringContaining('continues one the server does not have'),
      }),
    ]);
    const r1 = revision(id, []);
    await push(pgs.db(), anna, [r1]);
    expect((await push(pgs.db(), anna, [revision(id, [])])).refused[0]?.message).toContain('exists already');
    const reply = commentRecord(id, 'Ja.', { parentId: crypto.randomUUID() });
    expect((await push(pgs.db(), anna, [reply])).refused[0]?.message).toContain(
      'answers a comment the server does not have',
    );
    // A comment id is one comment's, in one article.
    const thread = commentRecord(id, 'Quelle?');
    await push(pgs.db(), anna, [thread]);
    const other = crypto.randomUUID();
    await push(pgs.db(), anna, [revision(other, [])]);
    expect(
      (await push(pgs.db(), anna, [{ ...thread, id: crypto.randomUUID(), articleId: other }])).refused[0]?.message,
    ).toContain('belongs to another article');
  });

  it('the live fan-out decides who may see an article by the same rule as pulls (maySee and VISIBLE agree)', async () => {
    const assigned = crypto.randomUUID();
    await push(pgs.db(), anna, [revisionRecord(assigned, [], {}, { desk: 'Politik' })]);
    await pgs.db().query('UPDATE articles SET assigned_to = $2 WHERE id = $1', [assigned, [ben.id]]);
    const admin = (await addAccount(pgs.db(), { name: 'Ada Admin', initials: 'aa', role: 'admin' })).account;
    for (const account of [anna, ben, desk, other, admin]) {
      const { rows } = await pgs
        .db()
        .query<{ visible: boolean; created_by: string; desk: string | null; assigned_to: string[] }>(
          `SELECT ${VISIBLE} AS visible, a.created_by, a.desk, a.assigned_to FROM articles a`,
          visibilityParams(account),
        );
      expect(rows.length).toBeGreaterThan(2);
      for (const row of rows) expect(maySee(account, row)).toBe(row.visible);
    }
  });

  it('refuses a record holding U+0000 or half a surrogate pair by name, and takes the rest of the push', async () => {
    await migrate(pgs.db());
    const [good, nul, half, after] = [
      revision(crypto.randomUUID(), [], {}, { desk: 'Politik' }),
      revision(crypto.randomUUID(), [], { headline: 'Agentur\u0000meldung' }, { desk: 'Politik' }),
      revision(crypto.randomUUID(), [], { teaser: 'Halb \ud83d ein Zeichen' }, { desk: 'Politik' }),
      revision(crypto.randomUUID(), [], { headline: 'Mit Emoji 🙂 und ganz' }, { desk: 'Politik' }),
    ];
    const result = await push(pgs.db(), anna, [good, nul, half, after]);
    expect(result.accepted.map((a) => a.id)).toEqual([good.id, after.id]);
    expect(result.refused).toEqual([
      {
        id: nul.id,
        code: 'bad-request',
        message: expect.stringContaining('not text (U+0000 or half of a surrogate pair)'),
      },
      { id: half.id, code: 'bad-request', message: expect.stringContaining('not text') },
    ]);
  });

  it('a comment is by whoever sent it, resolved by whoever resolved it, at the server’s time, whatever the desktop says', async () => {
    await migrate(pgs.db());
    const id = crypto.randomUUID();
    const first = revision(id, [], {}, { desk: 'Politik' });
    await push(pgs.db(), anna, [first]);
    const future = '2030-01-01T00:00:00.000Z';
    const forged = commentRecord(id, 'Bitte sofort freigeben', { author: 'Chefredaktion' });
    forged.comment.createdAt = future;
    forged.comment.changedAt = future;
    expect((await push(pgs.db(), desk, [forged])).accepted).toHaveLength(1);
    // Anna resolves it, claiming to be someone else and rewriting what was written.
    const resolve = {
      ...forged,
      id: crypto.randomUUID(),
      comment: {
        ...forged.comment,
        body: 'Gefälscht',
        resolvedAt: future,
        resolvedBy: 'Chefredaktion',
        changedAt: future,
      },
    };
    expect((await push(pgs.db(), anna, [resolve])).accepted).toHaveLength(1);
    const states = (await pull(pgs.db(), desk, 0, 100)).records.flatMap((r) =>
      r.record.kind === 'comment' && r.record.articleId === id ? [r.record.comment] : [],
    );
    expect(states.map((c) => [c.author, c.body, c.resolvedBy])).toEqual([
      ['Dora Desk', 'Bitte sofort freigeben', null],
      ['Dora Desk', 'Bitte sofort freigeben', 'Anna'],
    ]);
    for (const c of states) {
      expect(c.changedAt < future).toBe(true);
      expect(Math.abs(Date.parse(c.changedAt) - Date.now())).toBeLessThan(60_000);
    }
    expect(states[1]!.createdAt).toBe(states[0]!.createdAt);
  });

  it('a new article starts as a draft unless the desk starts it further on; an unknown status is refused; an approved text changes only by moving back', async () => {
    await migrate(pgs.db());
    const unknown = revision(crypto.randomUUID(), [], { status: 'published-online' }, { desk: 'Politik' });
    const approvedAtOnce = revision(crypto.randomUUID(), [], { status: 'approved' }, { desk: 'Politik' });
    const journalist = await push(pgs.db(), anna, [unknown, approvedAtOnce]);
    expect(journalist.accepted).toEqual([]);
    expect(journalist.refused).toEqual([
      { id: unknown.id, code: 'bad-request', message: expect.stringContaining('"published-online" is not a status') },
      {
        id: approvedAtOnce.id,
        code: 'forbidden',
        message: 'A new article starts as Draft; Anna is journalist and may not start one as Approved.',
      },
    ]);
    const deskStart = revision(crypto.randomUUID(), [], { status: 'in-review' }, { desk: 'Politik' });
    expect((await push(pgs.db(), desk, [deskStart])).accepted).toHaveLength(1);

    // Anna writes and submits; the desk reviews and approves.
    const id = crypto.randomUUID();
    const r1 = revision(id, [], {}, { desk: 'Politik' });
    const r2 = revision(id, [r1.id], { status: 'submitted' });
    const r3 = revision(id, [r2.id], { status: 'in-review' });
    const r4 = revision(id, [r3.id], { status: 'approved' });
    await push(pgs.db(), anna, [r1, r2]);
    expect((await push(pgs.db(), desk, [r3, r4])).refused).toEqual([]);
    // Anna changes the approved text and keeps it approved: refused. Moving it back with her edit, as her desktop does: taken.
    const sneaky = revision(id, [r4.id], { status: 'approved', headline: 'Nachträglich geändert' });
    const movedBack = revision(
      id,
      [r4.id],
      { status: 'in-review', headline: 'Nachträglich geändert' },
      { note: 'edited while Approved' },
    );
    const edits = await push(pgs.db(), anna, [sneaky, movedBack]);
    expect(edits.refused).toEqual([
      {
        id: sneaky.id,
        code: 'forbidden',
        message: 'Approved covers the text as it was approved: an edit moves the article to In review first.',
      },
    ]);
    expect(edits.accepted.map((a) => a.id)).toEqual([movedBack.id]);
  });

  it('a pull page holds a few megabytes, not hundreds: large records come over several pages, every one once and in order', async () => {
    await migrate(pgs.db());
    const big = await addAccount(pgs.db(), {
      name: 'Berta Gross',
      initials: 'bg',
      role: 'journalist',
      desks: ['Gross'],
    });
    const paragraphs = () =>
      Array.from({ length: 200 }, () => ({
        type: 'paragraph' as const,
        children: [{ text: crypto.randomBytes(2000).toString('hex') }],
      }));
    const records = Array.from({ length: 16 }, () =>
      revision(crypto.randomUUID(), [], { body: paragraphs() }, { desk: 'Gross' }),
    );
    for (const r of records) expect((await push(pgs.db(), big.account, [r])).accepted).toHaveLength(1);
    const pages: string[][] = [];
    let cursor = 0;
    for (let more = true; more;) {
      const page = await pull(pgs.db(), big.account, cursor, 500);
      pages.push(page.records.map((r) => r.record.id));
      ({ cursor, more } = page);
    }
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.flat()).toEqual(records.map((r) => r.id));
    // Each page within its budget, but for the record that opens it.
    for (const ids of pages) {
      const { rows } = await pgs
        .db()
        .query<{ size: number }>(
          'SELECT pg_column_size(body)::int AS size FROM records WHERE id = ANY($1::uuid[]) ORDER BY seq',
          [ids],
        );
      expect(rows.slice(0, -1).reduce((n, r) => n + r.size, 0)).toBeLessThan(PULL_PAGE_BYTES);
    }
  });
});
