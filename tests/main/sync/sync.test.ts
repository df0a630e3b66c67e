// Two desktops' real SQLite stores syncing through a real server on a real PostgreSQL.
import { spawn } from 'node:child_process';
import type http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../../src/server/accounts';
import { migrate } from '../../../src/server/db/migrations';
import { createServer, listen } from '../../../src/server/http';
import { Store } from '../../../src/main/store/store';
import { signInToServer, syncOnce } from '../../../src/main/sync/syncOnce';
import { backToServerVersion, outgoing, refusedRevisions, syncServer } from '../../../src/main/sync/syncState';
import { revisionRecord } from '../../helpers/syncRecords';
import crypto from 'node:crypto';
import { resolveIncoming, unpackIntoStore } from '../../../src/main/handoff/unpack';
import { readPackage } from '../../../src/main/handoff/readPackage';
import { writePackage } from '../../../src/main/handoff/writePackage';
import { seedArticle } from '../../helpers/articles';
import { jpegOf } from '../../helpers/images';
import { storePhoto } from '../../../src/main/media/storePhoto';
import { NO_POSTGRES, usePostgres } from '../../helpers/postgres';
import { serverContent, storeContent, syncProblems } from '../../helpers/syncContent';
import { tempDir } from '../../helpers/tmp';
import { BIN, bylineAsync } from '../cli/run';
import { call, sendBytes } from '../../../src/main/sync/serverApi';
import { DEFAULT_HOUSE_STYLE, HouseStyleSchema } from '../../../src/shared/houseStyle';

describe.skipIf(!!NO_POSTGRES)('desktops syncing through the newsroom server', () => {
  const pgs = usePostgres();
  let server: http.Server;
  let url: string;
  let passwords: Record<string, string>;
  beforeAll(async () => {
    if (NO_POSTGRES) return;
    await migrate(pgs.db());
    passwords = {
      anna: (await addAccount(pgs.db(), { name: 'Anna', initials: 'am', role: 'journalist', desks: ['Politik'] }))
        .password,
      dora: (await addAccount(pgs.db(), { name: 'Dora', initials: 'dd', role: 'desk', desks: ['Politik'] })).password,
      ben: (await addAccount(pgs.db(), { name: 'Ben', initials: 'bb', role: 'journalist', desks: ['Sport'] })).password,
      gina: (await addAccount(pgs.db(), { name: 'Gina', initials: 'gi', role: 'journalist', desks: ['Giftschrank'] }))
        .password,
      gerd: (await addAccount(pgs.db(), { name: 'Gerd', initials: 'ge', role: 'desk', desks: ['Giftschrank'] }))
        .password,
    };
    server = createServer(pgs.db()) as http.Server;
    url = `http://127.0.0.1:${(await listen(server, 0, '127.0.0.1')).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** Judged by content: every store holds each revision of these articles with the server's text, every fork waiting, every comment in its latest state. */
  async function expectWhole(stores: Record<string, Store>, articleIds: string[]): Promise<void> {
    const contents = new Map(
      Object.entries(stores).map(([name, s]) => [
        name,
        new Map([...storeContent(s)].filter(([id]) => articleIds.includes(id))),
      ]),
    );
    expect(syncProblems(contents, await serverContent(pgs.db(), articleIds))).toEqual([]);
  }

  it('an article written on one machine arrives on the other with its history; edits travel both ways; edits of one revision on both sides are both kept', async () => {
    const a = Store.open(path.join(tempDir(), 'anna.db'));
    const b = Store.open(path.join(tempDir(), 'dora.db'));
    try {
      // A machine without a profile takes the account's; a profile someone set stays.
      b.profile.set({ name: 'Dora vom Desk', initials: 'dd', role: 'desk' });
      await signInToServer(a, url, 'Anna', passwords.anna!, 'Laptop Anna');
      await signInToServer(b, url, 'Dora', passwords.dora!, 'Desk PC');
      expect(a.profile.get()).toEqual({ name: 'Anna', initials: 'am', role: 'journalist' });
      expect(b.profile.get()).toEqual({ name: 'Dora vom Desk', initials: 'dd', role: 'desk' });
      // Anna writes offline: two saves wait in her outbox.
      const created = a.articles.create({ ...seedArticle(), body: [] }, 'Anna');
      a.articles.save({ ...created, headline: 'IS-Kämpfer holen Teile von Albu Kamal zurück (aktualisiert)' }, 'Anna');
      expect(await syncOnce(a)).toMatchObject({ pushed: 2, refused: [] });
      expect(outgoing(a)).toEqual([]);
      // Pushing again sends nothing: it all went out.
      expect((await syncOnce(a)).pushed).toBe(0);

      // Dora's machine takes it in, with both revisions, who made them and the same text.
      expect(await syncOnce(b)).toMatchObject({ pulled: 2, diverged: [], skipped: [] });
      const atDora = b.articles.get(created.id);
      expect(atDora.headline).toBe('IS-Kämpfer holen Teile von Albu Kamal zurück (aktualisiert)');
      expect(b.articles.history(created.id).map((h) => [h.revision, h.savedBy])).toEqual([
        [2, 'Anna (am)'],
        [1, 'Anna (am)'],
      ]);
      // Each revision with its own text: the first still has the first headline, on both machines.
      expect(b.articles.revisionRecords(created.id).map((r) => r.doc.headline)).toEqual([
        created.headline,
        'IS-Kämpfer holen Teile von Albu Kamal zurück (aktualisiert)',
      ]);
      await expectWhole({ anna: a, dora: b }, [created.id]);
      // Dora edits; Anna gets it.
      b.articles.save({ ...atDora, teaser: 'Neu gefasst vom Desk.' }, 'Dora');
      await syncOnce(b);
      expect((await syncOnce(a)).pulled).toBeGreaterThanOrEqual(1);
      expect(a.articles.get(created.id)).toMatchObject({ teaser: 'Neu gefasst vom Desk.', revision: 3 });

      // Both edit revision 3 without syncing: both versions are kept, on both machines.
      a.articles.save({ ...a.articles.get(created.id), headline: 'Version der Autorin' }, 'Anna');
      b.articles.save({ ...b.articles.get(created.id), headline: 'Version des Desks' }, 'Dora');
      expect((await syncOnce(a)).diverged).toEqual([]);
      const atDesk = await syncOnce(b);
      expect(atDesk.diverged).toHaveLength(1);
      expect(b.articles.get(created.id).headline).toBe('Version des Desks');
      expect(b.incoming.pending(created.id).map((v) => v.theirs.headline)).toEqual(['Version der Autorin']);
      const atAuthor = await syncOnce(a);
      expect(atAuthor.diverged).toHaveLength(1);
      expect(a.incoming.pending(created.id).map((v) => v.theirs.headline)).toEqual(['Version des Desks']);
      await expectWhole({ anna: a, dora: b }, [created.id]);

      // The desk chooses; the choice goes out like any save, and nothing typed anywhere was lost.
      const chosen = resolveIncoming(
        b,
        created.id,
        atDesk.diverged[0]!.incomingId,
        'theirs',
        'Dora',
        b.articles.get(created.id).revision,
      );
      expect(chosen.headline).toBe('Version der Autorin');
      expect((await syncOnce(b)).refused).toEqual([]);
      const texts = (s: Store) => s.articles.revisionRecords(created.id).map((r) => r.doc.headline);
      expect(texts(b)).toEqual(expect.arrayContaining(['Version der Autorin', 'Version des Desks']));
      // The choice joins both versions on the server: Anna's machine takes it as the next revision,
      // and has nothing left to choose.
      await syncOnce(a);
      expect(a.articles.get(created.id).headline).toBe('Version der Autorin');
      expect(a.incoming.pending(created.id)).toEqual([]);
      // The desk's version stays on Anna's machine as the version that was chosen against, settled.
      expect(
        a.db.prepare('SELECT resolution FROM incoming_versions WHERE resolved_at IS NOT NULL').pluck().all(),
      ).toEqual(['chosen on another machine']);
      const heads = await pgs
        .db()
        .query(
          "SELECT id FROM records r WHERE article_id = $1 AND kind = 'revision' AND NOT EXISTS (SELECT 1 FROM records c WHERE r.id = ANY(c.parents))",
          [created.id],
        );
      expect(heads.rowCount).toBe(1);
      await expectWhole({ anna: a, dora: b }, [created.id]);
    } finally {
      a.close();
      b.close();
    }
  });

  it('comments and replies travel both ways, and resolving one reaches the other machine', async () => {
    const a = Store.open(path.join(tempDir(), 'anna-c.db'));
    const b = Store.open(path.join(tempDir(), 'dora-c.db'));
    try {
      await signInToServer(a, url, 'Anna', passwords.anna!, 'Laptop Anna');
      await signInToServer(b, url, 'Dora', passwords.dora!, 'Desk PC');
      const created = a.articles.create({ ...seedArticle(), body: [] }, 'Anna');
      await syncOnce(a);
      await syncOnce(b);
      const thread = b.comments.add(
        created.id,
        { anchor: { kind: 'text', field: 'headline', start: 0, end: 10 }, body: 'Quelle für die Rückeroberung?' },
        'Dora',
      );
      const pushed = await syncOnce(b);
      expect(pushed).toMatchObject({ pushed: 1, refused: [] });
      // Sent once: the next round has nothing to send.
      expect((await syncOnce(b)).pushed).toBe(0);

      const atAnna = await syncOnce(a);
      expect(atAnna.changed).toEqual([created.id]);
      const [received] = a.comments.threads(created.id);
      expect(received).toMatchObject({
        id: thread.id,
        body: 'Quelle für die Rückeroberung?',
        author: 'Dora',
        anchor: { kind: 'text', quote: thread.anchor?.kind === 'text' ? thread.anchor.quote : '' },
      });
      // What came from the server does not go back to it.
      expect((await syncOnce(a)).pushed).toBe(0);

      a.comments.reply(thread.id, 'AFP und dpa, beide vom Freitag.', 'Anna');
      await syncOnce(a);
      await syncOnce(b);
      b.comments.setResolved(thread.id, true, 'Dora');
      await syncOnce(b);
      await syncOnce(a);
      const [mine, theirs] = [a.comments.threads(created.id), b.comments.threads(created.id)];
      expect(mine).toEqual(theirs);
      expect(mine[0]).toMatchObject({
        resolvedBy: 'Dora',
        replies: [{ body: 'AFP und dpa, beide vom Freitag.', author: 'Anna' }],
      });
      // Reopened on one machine and resolved again on the other, offline: the state that reaches the
      // server last is the comment's state on both (the server's order, not the machines' clocks).
      a.comments.setResolved(thread.id, false, 'Anna');
      b.comments.setResolved(thread.id, true, 'Dora');
      await syncOnce(b);
      await syncOnce(a);
      await syncOnce(b);
      expect(a.comments.threads(created.id)[0]).toMatchObject({ resolvedAt: null, resolvedBy: null });
      expect(b.comments.threads(created.id)[0]).toMatchObject({ resolvedAt: null, resolvedBy: null });
      await expectWhole({ anna: a, dora: b }, [created.id]);
    } finally {
      a.close();
      b.close();
    }
  });

  it('a desktop whose clock is minutes slow or a year ahead loses no comment action and beats nobody’s later one', async () => {
    let skew = -5 * 60_000;
    const a = Store.open(path.join(tempDir(), 'anna-clock.db'), {
      clock: () => new Date(Date.now() + skew).toISOString(),
    });
    const b = Store.open(path.join(tempDir(), 'dora-clock.db'));
    try {
      await signInToServer(a, url, 'Anna', passwords.anna!, 'Laptop mit falscher Uhr');
      await signInToServer(b, url, 'Dora', passwords.dora!, 'Desk PC');
      const created = a.articles.create({ ...seedArticle(), body: [], headline: 'Uhrzeit egal' }, 'Anna');
      await syncOnce(a);
      await syncOnce(b);
      const thread = b.comments.add(
        created.id,
        { anchor: { kind: 'field', field: 'headline' }, body: 'Quelle?' },
        'Dora',
      );
      await syncOnce(b);
      await syncOnce(a);
      // Anna's clock is five minutes slow: her resolve is stamped before the comment was written. It still goes out.
      a.comments.setResolved(thread.id, true, 'Anna');
      expect(await syncOnce(a)).toMatchObject({ pushed: 1, refused: [] });
      await syncOnce(b);
      expect(b.comments.threads(created.id)[0]).toMatchObject({ resolvedBy: 'Anna', author: 'Dora' });
      // Now a year ahead: she reopens it; the desk resolves it after her. The desk's action is the later one everywhere.
      skew = 365 * 24 * 3600_000;
      a.comments.setResolved(thread.id, false, 'Anna');
      await syncOnce(a);
      await syncOnce(b);
      expect(b.comments.threads(created.id)[0]!.resolvedAt).toBeNull();
      b.comments.setResolved(thread.id, true, 'Dora');
      await syncOnce(b);
      await syncOnce(a);
      for (const store of [a, b]) expect(store.comments.threads(created.id)[0]).toMatchObject({ resolvedBy: 'Dora' });
      await expectWhole({ anna: a, dora: b }, [created.id]);
    } finally {
      a.close();
      b.close();
    }
  });

  it('pictures travel with the revisions that use them: sent once before the revision, fetched by the other machine, the same bytes', async () => {
    const a = Store.open(path.join(tempDir(), 'anna-p.db'));
    const b = Store.open(path.join(tempDir(), 'dora-p.db'));
    try {
      await signInToServer(a, url, 'Anna', passwords.anna!, 'Laptop Anna');
      await signInToServer(b, url, 'Dora', passwords.dora!, 'Desk PC');
      const { asset } = await storePhoto(a, await jpegOf(640, 480), 'albu-kamal.jpg', 'file');
      const created = a.articles.create(seedArticle(asset.id), 'Anna');
      a.articles.save({ ...created, headline: 'Mit Bild' }, 'Anna');
      expect(await syncOnce(a)).toMatchObject({ pushed: 2, picturesSent: 1 });
      // Sent once: the next revision with the same picture sends only the revision.
      a.articles.save({ ...a.articles.get(created.id), teaser: 'Neu' }, 'Anna');
      expect(await syncOnce(a)).toMatchObject({ pushed: 1, picturesSent: 0 });

      expect(await syncOnce(b)).toMatchObject({ picturesReceived: 1, skipped: [] });
      expect(b.articles.history(created.id)).toHaveLength(3);
      expect(b.assets.read(asset.id).equals(a.assets.read(asset.id))).toBe(true);
      expect(b.assets.find(asset.id)).toMatchObject({ mime: 'image/jpeg' });
      // What came from the server does not go back.
      b.articles.save({ ...b.articles.get(created.id), teaser: 'Vom Desk' }, 'Dora');
      expect(await syncOnce(b)).toMatchObject({ pushed: 1, picturesSent: 0 });
      await syncOnce(a);
      await expectWhole({ anna: a, dora: b }, [created.id]);

      // A revision whose picture never reached the server (its sender's store lost the file)
      // still comes in, with that picture waiting for its file rather than refused or dropped.
      const lost = crypto.createHash('sha256').update('a picture that never arrived').digest('hex');
      const orphan = revisionRecord(crypto.randomUUID(), [], {
        body: seedArticle(lost).body!.filter((x) => x.type === 'image'),
      });
      const pushed = await fetch(`${url}/api/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${syncServer(a)!.token}` },
        body: JSON.stringify({ records: [orphan] }),
      });
      expect(pushed.status).toBe(200);
      expect(await syncOnce(b)).toMatchObject({ skipped: [], refused: [] });
      expect(b.articles.get(orphan.articleId).body).toEqual([
        expect.objectContaining({ type: 'image', assetId: null, caption: expect.any(String) }),
      ]);
    } finally {
      a.close();
      b.close();
    }
  });

  it('a round cut off while taking in a picture takes the whole batch again next time: nothing is skipped', async () => {
    const a = Store.open(path.join(tempDir(), 'anna-cut.db'));
    const b = Store.open(path.join(tempDir(), 'dora-cut.db'));
    try {
      await signInToServer(a, url, 'Anna', passwords.anna!, 'Laptop Anna');
      await signInToServer(b, url, 'Dora', passwords.dora!, 'Desk PC');
      await syncOnce(b);
      const { asset } = await storePhoto(a, await jpegOf(320, 240), 'grenze.jpg', 'file');
      const created = a.articles.create({ ...seedArticle(asset.id), headline: 'Bild kommt später' }, 'Anna');
      await syncOnce(a);
      // The server hands out other bytes for the picture: the round stops before storing the batch.
      const chunk = await pgs
        .db()
        .query<{ bytes: Buffer }>('SELECT bytes FROM blob_chunks WHERE sha256 = $1', [asset.id]);
      const original = chunk.rows[0]!.bytes;
      await pgs
        .db()
        .query('UPDATE blob_chunks SET bytes = $2 WHERE sha256 = $1', [asset.id, Buffer.alloc(original.length, 7)]);
      await expect(syncOnce(b)).rejects.toThrow(/other bytes/);
      expect(b.articles.presence(created.id)).toBe('absent');
      // Mended: the next round takes in what the cut-off one did not store.
      await pgs.db().query('UPDATE blob_chunks SET bytes = $2 WHERE sha256 = $1', [asset.id, original]);
      expect(await syncOnce(b)).toMatchObject({ picturesReceived: 1, skipped: [] });
      expect(b.articles.get(created.id).headline).toBe('Bild kommt später');
      await expectWhole({ anna: a, dora: b }, [created.id]);
    } finally {
      a.close();
      b.close();
    }
  });

  it('an agency text with U+0000 and half a surrogate pair in it is saved without them and syncs like any other', async () => {
    const a = Store.open(path.join(tempDir(), 'anna-nul.db'));
    const b = Store.open(path.join(tempDir(), 'dora-nul.db'));
    try {
      await signInToServer(a, url, 'Anna', passwords.anna!, 'Laptop Anna');
      await signInToServer(b, url, 'Dora', passwords.dora!, 'Desk PC');
      const created = a.articles.create(
        { ...seedArticle(), body: [], headline: 'Agentur\u0000meldung', teaser: 'Halb \ud83d gelesen 🙂' },
        'Anna',
      );
      expect(a.articles.get(created.id)).toMatchObject({ headline: 'Agenturmeldung', teaser: 'Halb  gelesen 🙂' });
      expect(await syncOnce(a)).toMatchObject({ pushed: 1, refused: [] });
      await syncOnce(b);
      expect(b.articles.get(created.id).headline).toBe('Agenturmeldung');
      await expectWhole({ anna: a, dora: b }, [created.id]);
    } finally {
      a.close();
      b.close();
    }
  });

  it('a picture whose name someone announced first with a wrong size still goes out and arrives', async () => {
    const a = Store.open(path.join(tempDir(), 'anna-squat.db'));
    const b = Store.open(path.join(tempDir(), 'dora-squat.db'));
    const squatter = Store.open(path.join(tempDir(), 'ben-squat.db'));
    try {
      await signInToServer(a, url, 'Anna', passwords.anna!, 'Laptop Anna');
      await signInToServer(b, url, 'Dora', passwords.dora!, 'Desk PC');
      await signInToServer(squatter, url, 'Ben', passwords.ben!, 'Laptop Ben');
      const bytes = await jpegOf(400, 300);
      const sha = crypto.createHash('sha256').update(bytes).digest('hex');
      // Ben announces the agency picture's SHA-256 with a wrong size before anyone has uploaded it.
      await call(url, syncServer(squatter)!.token!, 'POST', `/api/v1/blobs/${sha}`, { size: 17 });
      const { asset } = await storePhoto(a, bytes, 'agentur.jpg', 'file');
      const created = a.articles.create({ ...seedArticle(asset.id), headline: 'Agenturbild' }, 'Anna');
      expect(await syncOnce(a)).toMatchObject({ picturesSent: 1, refused: [] });
      expect(await syncOnce(b)).toMatchObject({ unreadable: [], skipped: [] });
      expect(b.assets.read(asset.id).equals(bytes)).toBe(true);
      await expectWhole({ anna: a, dora: b }, [created.id]);
    } finally {
      for (const s of [a, b, squatter]) s.close();
    }
  });

  it('a picture this machine cannot open is named, its revision comes in with the picture missing, and the rest of the pull comes in too', async () => {
    const a = Store.open(path.join(tempDir(), 'gina-poison.db'));
    const b = Store.open(path.join(tempDir(), 'gerd-poison.db'));
    try {
      // A desk of their own, so that the other tests' machines never see what is sent here.
      await signInToServer(a, url, 'Gina', passwords.gina!, 'Laptop Gina');
      await signInToServer(b, url, 'Gerd', passwords.gerd!, 'Desk PC');
      await syncOnce(b);
      // Someone's desktop sends "a picture" that is random bytes, and a revision that uses it.
      const token = syncServer(a)!.token!;
      const junk = crypto.randomBytes(2048);
      const sha = crypto.createHash('sha256').update(junk).digest('hex');
      await call(url, token, 'POST', `/api/v1/blobs/${sha}`, { size: junk.length });
      await sendBytes(url, token, `/api/v1/blobs/${sha}?offset=0`, junk);
      const poisoned = revisionRecord(
        crypto.randomUUID(),
        [],
        { headline: 'Mit kaputtem Bild', body: seedArticle(sha).body!.filter((x) => x.type === 'image') },
        { desk: 'Giftschrank' },
      );
      expect(
        (await call<{ accepted: unknown[] }>(url, token, 'POST', '/api/v1/push', { records: [poisoned] })).accepted,
      ).toHaveLength(1);
      // And then an ordinary article.
      const after = a.articles.create({ ...seedArticle(), body: [], headline: 'Danach geschrieben' }, 'Gina');
      await syncOnce(a);

      const report = await syncOnce(b);
      expect(report.unreadable).toEqual([{ articleId: poisoned.articleId, picture: sha, reason: expect.any(String) }]);
      expect(b.articles.get(poisoned.articleId).body).toEqual([
        expect.objectContaining({ type: 'image', assetId: null }),
      ]);
      expect(b.articles.get(after.id).headline).toBe('Danach geschrieben');
      // Nothing is stuck: the next round has nothing left to take.
      expect(await syncOnce(b)).toMatchObject({ pulled: 0, unreadable: [] });
      await expectWhole({ gina: a, gerd: b }, [after.id]);
    } finally {
      a.close();
      b.close();
    }
  });

  it('a record this machine cannot store (a status its house style does not know) is named, and the rest of the pull comes in', async () => {
    // A newsroom whose older house style has no "Spiked"; the server's has.
    const style = HouseStyleSchema.parse({
      ...DEFAULT_HOUSE_STYLE,
      statuses: DEFAULT_HOUSE_STYLE.statuses.filter((st) => st.id !== 'spiked'),
      transitions: Object.fromEntries(
        Object.entries(DEFAULT_HOUSE_STYLE.transitions)
          .filter(([from]) => from !== 'spiked')
          .map(([from, to]) => [from, to.filter((t) => t !== 'spiked')]),
      ),
    });
    const a = Store.open(path.join(tempDir(), 'gina-style.db'));
    const b = Store.open(path.join(tempDir(), 'gerd-style.db'), { houseStyle: style });
    try {
      await signInToServer(a, url, 'Gina', passwords.gina!, 'Laptop Gina');
      await signInToServer(b, url, 'Gerd', passwords.gerd!, 'Desk PC');
      await syncOnce(b);
      const doubled = a.articles.create({ ...seedArticle(), body: [], headline: 'Doppelt angelegt' }, 'Gina');
      a.articles.setStatus(doubled.id, 'spiked', 'Gina', { reason: 'Doppelt' });
      const after = a.articles.create({ ...seedArticle(), body: [], headline: 'Danach geschrieben' }, 'Gina');
      expect(await syncOnce(a)).toMatchObject({ refused: [] });

      const report = await syncOnce(b);
      expect(report.unreadable).toEqual([
        { articleId: doubled.id, record: expect.any(String), reason: expect.stringContaining('spiked') },
      ]);
      expect(b.articles.get(doubled.id).status).toBe('draft');
      expect(b.articles.get(after.id).headline).toBe('Danach geschrieben');
      expect(await syncOnce(b)).toMatchObject({ pulled: 0, unreadable: [] });
    } finally {
      a.close();
      b.close();
    }
  });

  it('an article assigned later reaches its new reader with its whole history and comments; only the desk assigns', async () => {
    const a = Store.open(path.join(tempDir(), 'anna-x.db'));
    const b = Store.open(path.join(tempDir(), 'ben-x.db'));
    const d = Store.open(path.join(tempDir(), 'dora-x.db'));
    try {
      await signInToServer(a, url, 'Anna', passwords.anna!, 'Laptop Anna');
      await signInToServer(b, url, 'Ben', passwords.ben!, 'Laptop Ben');
      await signInToServer(d, url, 'Dora', passwords.dora!, 'Desk PC');
      const created = a.articles.create({ ...seedArticle(), body: [], headline: 'Für den Sport' }, 'Anna');
      a.articles.save({ ...created, teaser: 'Zweite Fassung' }, 'Anna');
      a.comments.add(created.id, { anchor: { kind: 'field', field: 'teaser' }, body: 'Bitte kürzen' }, 'Anna');
      await syncOnce(a);
      // Ben (Sport) sees nothing of the Politik desk's article, then pulls past it.
      await syncOnce(b);
      expect(b.articles.presence(created.id)).toBe('absent');

      const assign = (store: Store, body: unknown) =>
        fetch(`${url}/api/v1/articles/${created.id}/assignment`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${syncServer(store)!.token}` },
          body: JSON.stringify(body),
        });
      expect((await assign(a, { assignedTo: ['Ben'] })).status).toBe(403);
      expect((await assign(d, { assignedTo: ['Niemand'] })).status).toBe(400);
      expect((await assign(d, { assignedTo: ['Ben'] })).status).toBe(200);

      const caught = await syncOnce(b);
      expect(caught.skipped).toEqual([]);
      expect(b.articles.get(created.id)).toMatchObject({
        headline: 'Für den Sport',
        teaser: 'Zweite Fassung',
        revision: 2,
      });
      expect(b.articles.history(created.id).map((h) => h.savedBy)).toEqual(['Anna (am)', 'Anna (am)']);
      expect(b.comments.threads(created.id).map((t) => t.body)).toEqual(['Bitte kürzen']);
      // And Ben's edits now go out like anyone's.
      b.articles.save({ ...b.articles.get(created.id), teaser: 'Von Ben gekürzt' }, 'Ben');
      expect((await syncOnce(b)).refused).toEqual([]);
      await syncOnce(a);
      expect(a.articles.get(created.id).teaser).toBe('Von Ben gekürzt');
      await syncOnce(d);
      await expectWhole({ anna: a, ben: b, dora: d }, [created.id]);
    } finally {
      a.close();
      b.close();
      d.close();
    }
  });

  it('an article that travels by package and by sync ends with one history on the server', async () => {
    const a = Store.open(path.join(tempDir(), 'anna-pk.db'));
    const d = Store.open(path.join(tempDir(), 'dora-pk.db'));
    try {
      await signInToServer(a, url, 'Anna', passwords.anna!, 'Laptop Anna');
      const created = a.articles.create({ ...seedArticle(), body: [], headline: 'Per Paket und per Server' }, 'Anna');
      a.articles.save({ ...created, teaser: 'Zweite Fassung' }, 'Anna');
      await syncOnce(a);
      // Dora's laptop is not signed in yet: the article reaches it as a package, and she edits it there.
      const { bytes } = writePackage(a, created.id, 'Anna');
      expect(unpackIntoStore(d, readPackage(bytes, 'artikel.byline'), 'artikel.byline').result).toBe('new');
      d.articles.save({ ...d.articles.get(created.id), teaser: 'Vom Desk im Zug' }, 'Dora');
      // Then it signs in: what Anna sent already is not sent twice, and Dora's edit continues it.
      await signInToServer(d, url, 'Dora', passwords.dora!, 'Desk Laptop');
      expect(await syncOnce(d)).toMatchObject({ refused: [], diverged: [] });
      const records = await pgs
        .db()
        .query<{ n: number; heads: number }>(
          "SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM records c WHERE r.id = ANY(c.parents)))::int AS heads FROM records r WHERE article_id = $1 AND kind = 'revision'",
          [created.id],
        );
      expect(records.rows[0]).toEqual({ n: 3, heads: 1 });
      await syncOnce(a);
      expect(a.articles.get(created.id)).toMatchObject({ teaser: 'Vom Desk im Zug', revision: 3 });
      expect(a.incoming.pending(created.id)).toEqual([]);
      await expectWhole({ anna: a, dora: d }, [created.id]);
    } finally {
      a.close();
      d.close();
    }
  });

  it("a step the role may not make is refused and shown; going back to the server's version brings the article in line again", async () => {
    const a = Store.open(path.join(tempDir(), 'anna-r.db'));
    const d = Store.open(path.join(tempDir(), 'dora-r.db'));
    try {
      await signInToServer(a, url, 'Anna', passwords.anna!, 'Laptop Anna');
      await signInToServer(d, url, 'Dora', passwords.dora!, 'Desk PC');
      const created = a.articles.create({ ...seedArticle(), body: [], headline: 'Schritt zu weit' }, 'Anna');
      a.articles.setStatus(created.id, 'submitted', 'Anna');
      await syncOnce(a);
      // Anna's machine has no profile, so it lets her start the review; the server knows she is a journalist.
      a.articles.setStatus(created.id, 'in-review', 'Anna');
      a.articles.save({ ...a.articles.get(created.id), teaser: 'Nach dem Schritt bearbeitet' }, 'Anna');
      const refused = await syncOnce(a);
      expect(refused.refused.map((r) => r.reason)).toEqual([
        expect.stringMatching(/In review is a step for desk/),
        expect.stringMatching(/In review is a step for desk/),
      ]);
      expect(refusedRevisions(a)).toHaveLength(2);

      const back = backToServerVersion(a, created.id, a.articles.get(created.id).revision, 'Anna');
      expect(back).toMatchObject({ status: 'submitted', teaser: seedArticle().teaser });
      expect(refusedRevisions(a)).toEqual([]);
      expect(await syncOnce(a)).toMatchObject({ refused: [] });
      await syncOnce(d);
      expect(d.articles.get(created.id)).toMatchObject({ status: 'submitted', teaser: seedArticle().teaser });
      const heads = await pgs
        .db()
        .query(
          "SELECT id FROM records r WHERE article_id = $1 AND kind = 'revision' AND NOT EXISTS (SELECT 1 FROM records c WHERE r.id = ANY(c.parents))",
          [created.id],
        );
      expect(heads.rowCount).toBe(1);
      // The refused revisions stay in Anna's history.
      expect(a.articles.history(created.id).map((h) => h.status)).toContain('in-review');
    } finally {
      a.close();
      d.close();
    }
  });

  it('byline login, sync --once and logout: the password from standard input, a report, and a refusal once signed out', async () => {
    const db = path.join(tempDir(), 'cli.db');
    // Async: the server answering these runs in this very process.
    const run = (args: string[], input = '') => bylineAsync(['--db', db, ...args], { input });
    expect(await run(['login', url, '--user', 'Anna'], 'falsch\n')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Signing in to'),
    });
    // Plain HTTP to another machine (0.0.0.0 stands for one here, and stays on this machine if it is ever tried) is refused unless told.
    expect(await run(['login', 'http://0.0.0.0:9', '--user', 'Anna'], 'egal\n')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('plain HTTP to another machine'),
    });
    expect(await run(['login', 'http://0.0.0.0:9', '--user', 'Anna', '--insecure-http'], 'egal\n')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('cannot be reached'),
    });
    expect(await run(['login', url, '--user', 'Anna'], `${passwords.anna}\n`)).toMatchObject({
      code: 0,
      stdout: `signed in to ${url} as Anna (journalist)\n`,
    });
    expect((await run(['new', '--headline', 'Vom Terminal'])).code).toBe(0);
    const synced = await run(['sync', '--once']);
    expect(synced.code).toBe(0);
    expect(synced.stdout).toMatch(/^sent 1, received \d+(; pictures sent 0, received \d+)?\n/);
    // Without --once it keeps the store in step until Ctrl+C, a line per change of state.
    const loop = spawn(process.execPath, [BIN, '--db', db, 'sync'], { env: { ...process.env, BYLINE_DB: '' } });
    let lines = '';
    loop.stdout.on('data', (d: Buffer) => (lines += d.toString()));
    await expect.poll(() => lines, { timeout: 30_000 }).toMatch(/^online, 0 waiting/m);
    // A save by another process goes out by itself, without another command.
    expect((await run(['new', '--headline', 'Während sync läuft'])).code).toBe(0);
    const onServer = async () =>
      (await pgs.db().query("SELECT 1 FROM records WHERE body->'doc'->>'headline' = 'Während sync läuft'")).rowCount;
    await expect.poll(onServer, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => lines.trim().split('\n').at(-1), { timeout: 30_000 }).toMatch(/^online, 0 waiting/);
    const exited = new Promise<number | null>((resolve) => loop.on('close', resolve));
    loop.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(await run(['logout'])).toMatchObject({ code: 0, stdout: `signed out of ${url}\n` });
    expect(await run(['sync', '--once'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Not signed in to a newsroom server'),
    });
  }, 120_000);

  it('works offline: what is saved waits in the store, survives closing it, and goes out when the server answers', async () => {
    const file = path.join(tempDir(), 'offline.db');
    let a = Store.open(file);
    await signInToServer(a, url, 'Anna', passwords.anna!, 'Zug');
    // The server "goes away": the URL points at a closed port.
    a.db.prepare("UPDATE sync_server SET url = 'http://127.0.0.1:9' WHERE id = 1").run();
    const draft = a.articles.create({ ...seedArticle(), body: [], headline: 'Im Zug geschrieben' }, 'Anna');
    await expect(syncOnce(a)).rejects.toThrow('cannot be reached');
    expect(a.articles.get(draft.id).headline).toBe('Im Zug geschrieben');
    a.close();
    a = Store.open(file);
    try {
      expect(outgoing(a).map((o) => o.articleId)).toContain(draft.id);
      a.db.prepare('UPDATE sync_server SET url = ? WHERE id = 1').run(url);
      expect((await syncOnce(a)).pushed).toBeGreaterThanOrEqual(1);
      expect(outgoing(a)).toEqual([]);
      // The server's answer lost on the way (the store still thinks the save waits): sent again,
      // the server says it has it, and the save is settled, not sent for ever.
      a.db
        .prepare(
          'UPDATE sync_revisions SET pushed = 0 WHERE record_id IN (SELECT s.record_id FROM sync_revisions s JOIN articles x ON x.pk = s.article_pk WHERE x.id = ?)',
        )
        .run(draft.id);
      expect(outgoing(a).map((o) => o.articleId)).toEqual([draft.id]);
      expect(await syncOnce(a)).toMatchObject({ pushed: 1, refused: [] });
      expect(outgoing(a)).toEqual([]);
      await expectWhole({ anna: a }, [draft.id]);
    } finally {
      a.close();
    }
  });
});
