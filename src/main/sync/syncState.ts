// What the desktop's store keeps of the newsroom server (migration 0012): the sign-in, the pull
// cursor, and the record id of each local revision with whether it went out.
import crypto from 'node:crypto';
import type { Comment } from '../../shared/model/comment';
import type { Article } from '../../shared/model/article';
import { BylineError } from '../../shared/errors';
import type { Store } from '../store/store';

export interface SyncServer {
  url: string;
  account: string;
  device: string;
  token: string | null;
  cursor: number;
  lastSyncedAt: string | null;
}

export function syncServer(store: Store): SyncServer | null {
  const row = store.db
    .prepare('SELECT url, account, device, token, cursor, last_synced_at AS lastSyncedAt FROM sync_server WHERE id = 1')
    .get() as SyncServer | undefined;
  return row ?? null;
}

export function setSyncServer(store: Store, server: Pick<SyncServer, 'url' | 'account' | 'device' | 'token'>): void {
  store.db
    .prepare(
      'INSERT INTO sync_server (id, url, account, device, token) VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET url = excluded.url, account = excluded.account, device = excluded.device, token = excluded.token',
    )
    .run(server.url, server.account, server.device, server.token);
}

/** Where to sync and with which token; refused by name when this machine is not signed in. */
export function signedIn(store: Store): { url: string; token: string } {
  const server = syncServer(store);
  if (!server?.token)
    throw new BylineError(
      'invalid-input',
      'Not signed in to a newsroom server: run `byline login URL --user NAME` first.',
      { problem: 'signed-out' },
    );
  return { url: server.url, token: server.token };
}

/** Signing out forgets the token; what waits to go out stays, for the next sign-in. */
export function forgetToken(store: Store): void {
  store.db.prepare('UPDATE sync_server SET token = NULL WHERE id = 1').run();
}

/** The article's row key in the store (sync's tables refer to articles by it). */
const articlePk = (store: Store, articleId: string) =>
  store.db.prepare('SELECT pk FROM articles WHERE id = ?').pluck().get(articleId) as number;

/** A revision that came from the server as this machine's revision `revision`: it is the server's already, so it never goes out. */
export function rememberPulled(
  store: Store,
  articleId: string,
  revision: number,
  recordId: string,
  parents: readonly string[],
): void {
  store.db
    .prepare('INSERT INTO sync_revisions (article_pk, revision, record_id, parents, pushed) VALUES (?, ?, ?, ?, 1)')
    .run(articlePk(store, articleId), revision, recordId, JSON.stringify(parents));
}

/** A revision from the server kept here as the incoming version `incomingId`, to choose. */
export function rememberIncoming(store: Store, articleId: string, recordId: string, incomingId: number): void {
  store.db
    .prepare('INSERT INTO sync_incoming (record_id, article_pk, incoming_id) VALUES (?, ?, ?)')
    .run(recordId, articlePk(store, articleId), incomingId);
}

export interface OutgoingRevision {
  articlePk: number;
  articleId: string;
  revision: number;
  recordId: string;
  parents: string[];
}

/**
 * Gives every local revision that has none a record id, made on the revision before it (local
 * histories are a line). Runs in the caller's transaction.
 */
export function assignRecordIds(store: Store): void {
  const missing = store.db
    .prepare(
      `SELECT r.article_pk AS pk, r.revision FROM revisions r JOIN articles a ON a.pk = r.article_pk
        WHERE a.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM sync_revisions s WHERE s.article_pk = r.article_pk AND s.revision = r.revision)
        ORDER BY r.article_pk, r.revision`,
    )
    .all() as { pk: number; revision: number }[];
  // Made on the newest earlier revision the server did not refuse: a refused one never reaches it.
  const parentOf = store.db
    .prepare(
      'SELECT record_id FROM sync_revisions WHERE article_pk = ? AND revision < ? AND refused IS NULL ORDER BY revision DESC LIMIT 1',
    )
    .pluck();
  const insert = store.db.prepare(
    'INSERT INTO sync_revisions (article_pk, revision, record_id, parents) VALUES (?, ?, ?, ?)',
  );
  for (const { pk, revision } of missing) {
    const parent = revision > 1 ? (parentOf.get(pk, revision) as string | undefined) : undefined;
    insert.run(pk, revision, crypto.randomUUID(), JSON.stringify(parent ? [parent] : []));
  }
}

export function outgoing(store: Store): OutgoingRevision[] {
  return (
    store.db
      .prepare(
        `SELECT s.article_pk AS articlePk, a.id AS articleId, s.revision, s.record_id AS recordId, s.parents FROM sync_revisions s JOIN articles a ON a.pk = s.article_pk
          WHERE s.pushed = 0 AND s.refused IS NULL AND a.deleted_at IS NULL ORDER BY s.article_pk, s.revision`,
      )
      .all() as (Omit<OutgoingRevision, 'parents'> & { parents: string })[]
  ).map((r) => ({ ...r, parents: JSON.parse(r.parents) as string[] }));
}

/** A waiting revision made on one the server refused: now made on that one's own parents. */
export const reparent = (store: Store, recordId: string, parents: readonly string[]) =>
  store.db
    .prepare('UPDATE sync_revisions SET parents = ? WHERE record_id = ? AND pushed = 0')
    .run(JSON.stringify(parents), recordId);

export const markPushed = (store: Store, recordId: string) =>
  store.db.prepare('UPDATE sync_revisions SET pushed = 1 WHERE record_id = ?').run(recordId);
export const markRefused = (store: Store, recordId: string, reason: string) =>
  store.db.prepare('UPDATE sync_revisions SET refused = ? WHERE record_id = ?').run(reason, recordId);

/** The local revision a record id stands for, if any. */
export function localRevisionOf(store: Store, recordId: string): { articlePk: number; revision: number } | null {
  const row = store.db
    .prepare('SELECT article_pk AS articlePk, revision FROM sync_revisions WHERE record_id = ?')
    .get(recordId) as { articlePk: number; revision: number } | undefined;
  return row ?? null;
}

export const knownIncoming = (store: Store, recordId: string) =>
  store.db.prepare('SELECT 1 FROM sync_incoming WHERE record_id = ?').get(recordId) !== undefined;

/** Revisions refused by the server, with its reasons: shown, never silently dropped. */
export function refusedRevisions(store: Store): { articleId: string; revision: number; reason: string }[] {
  return store.db
    .prepare(
      'SELECT a.id AS articleId, s.revision, s.refused AS reason FROM sync_revisions s JOIN articles a ON a.pk = s.article_pk WHERE s.refused IS NOT NULL AND s.settled = 0 ORDER BY a.id, s.revision',
    )
    .all() as { articleId: string; revision: number; reason: string }[];
}

/**
 * A choice between this machine's version and one that came from the server, made here: the
 * revision that took in their version (`joining`) is recorded as made on both heads, so the
 * server's graph joins them and other desktops see one history. Runs inside the choice's
 * transaction, after it saved; `before` was the newest revision here when the choice was made.
 */
export function recordChoice(
  store: Store,
  articleId: string,
  incomingId: number,
  before: number,
  joining: number,
): void {
  const pk = articlePk(store, articleId);
  const remote = store.db
    .prepare('SELECT record_id FROM sync_incoming WHERE article_pk = ? AND incoming_id = ?')
    .pluck()
    .get(pk, incomingId) as string | undefined;
  if (!remote) return;
  assignRecordIds(store);
  const mine = store.db
    .prepare('SELECT record_id FROM sync_revisions WHERE article_pk = ? AND revision = ?')
    .pluck()
    .get(pk, before) as string;
  store.db
    .prepare('UPDATE sync_revisions SET parents = ? WHERE article_pk = ? AND revision = ?')
    .run(JSON.stringify([mine, remote]), pk, joining);
}

/** A revision from the server that joins versions: the ones still waiting here for a choice are settled by it. */
export function settledBy(store: Store, articleId: string, parents: readonly string[]): number[] {
  if (parents.length < 2) return [];
  const pk = articlePk(store, articleId);
  return store.db
    .prepare(
      `SELECT incoming_id FROM sync_incoming WHERE article_pk = ? AND record_id IN (${parents.map(() => '?').join(', ')})`,
    )
    .pluck()
    .all(pk, ...parents) as number[];
}

/**
 * Comments changed here since their state last went to (or came from) the server, article by
 * article. A change is any state other than the one last synced, whatever this machine's clock
 * says: a slow clock must not keep a resolve from going out.
 */
export function outgoingComments(store: Store): { articleId: string; comment: Comment }[] {
  const rows = store.db
    .prepare(
      `SELECT DISTINCT a.id FROM comments c JOIN articles a ON a.pk = c.article_pk LEFT JOIN sync_comments s ON s.comment_id = c.id
        WHERE a.deleted_at IS NULL AND (s.changed_at IS NULL OR s.changed_at <> c.changed_at)`,
    )
    .pluck()
    .all() as string[];
  return rows.flatMap((articleId) =>
    store.comments
      .list(articleId)
      .filter((c) => commentChangedHere(store, c.id))
      // Threads before their replies: the server takes a reply only to a comment it has.
      .sort((x, y) => Number(x.parentId !== null) - Number(y.parentId !== null))
      .map((comment) => ({ articleId, comment })),
  );
}

/**
 * Whether the comment is here in a state other than the one last sent to or taken from the server
 * (false for a comment this machine does not have).
 */
export function commentChangedHere(store: Store, commentId: string): boolean {
  const row = store.db
    .prepare(
      'SELECT c.changed_at AS here, s.changed_at AS synced FROM comments c LEFT JOIN sync_comments s ON s.comment_id = c.id WHERE c.id = ?',
    )
    .get(commentId) as { here: string; synced: string | null } | undefined;
  return row !== undefined && row.synced !== row.here;
}

/** The comment's state stamped `changedAt` here is the server's as well: it does not go out again. */
export function markCommentSynced(store: Store, commentId: string, changedAt: string): void {
  store.db
    .prepare(
      'INSERT INTO sync_comments (comment_id, changed_at) VALUES (?, ?) ON CONFLICT (comment_id) DO UPDATE SET changed_at = excluded.changed_at',
    )
    .run(commentId, changedAt);
}

/** How many changes made here the server does not have yet: revisions and comment states. */
export function waitingCount(store: Store): number {
  const revisions = store.db
    .prepare(
      `SELECT count(*) FROM revisions r JOIN articles a ON a.pk = r.article_pk
         LEFT JOIN sync_revisions s ON s.article_pk = r.article_pk AND s.revision = r.revision
        WHERE a.deleted_at IS NULL AND (s.record_id IS NULL OR (s.pushed = 0 AND s.refused IS NULL))`,
    )
    .pluck()
    .get() as number;
  const comments = store.db
    .prepare(
      `SELECT count(*) FROM comments c JOIN articles a ON a.pk = c.article_pk LEFT JOIN sync_comments s ON s.comment_id = c.id
        WHERE a.deleted_at IS NULL AND (s.changed_at IS NULL OR s.changed_at < c.changed_at)`,
    )
    .pluck()
    .get() as number;
  return revisions + comments;
}

/** Each revision's record id, for a package: the receiver's store then names them the same. */
export function recordIdsOf(store: Store, articleId: string): { revision: number; recordId: string }[] {
  return store.db
    .prepare('SELECT revision, record_id AS recordId FROM sync_revisions WHERE article_pk = ? ORDER BY revision')
    .all(articlePk(store, articleId)) as { revision: number; recordId: string }[];
}

/**
 * Revisions that arrived in a package with their record ids: recorded under the same ids (each
 * made on the revision before it), so sending them to the server again adds nothing and the
 * article keeps one history wherever it travelled. Runs in the unpacking transaction.
 */
export function rememberPackaged(
  store: Store,
  articleId: string,
  revisions: readonly number[],
  ids: readonly { revision: number; recordId: string }[],
): void {
  if (!ids.length) return;
  const pk = articlePk(store, articleId);
  const byRevision = new Map(ids.map((i) => [i.revision, i.recordId]));
  const idOf = store.db.prepare('SELECT record_id FROM sync_revisions WHERE article_pk = ? AND revision = ?').pluck();
  const used = store.db.prepare('SELECT 1 FROM sync_revisions WHERE record_id = ?');
  const insert = store.db.prepare(
    'INSERT INTO sync_revisions (article_pk, revision, record_id, parents) VALUES (?, ?, ?, ?)',
  );
  for (const revision of revisions) {
    const recordId = byRevision.get(revision);
    // A revision without an id (never synced where it was made) gets one at the next sync, as any.
    if (!recordId || used.get(recordId) || idOf.get(pk, revision)) continue;
    const parent = revision > 1 ? (idOf.get(pk, revision - 1) as string | undefined) : undefined;
    insert.run(pk, revision, recordId, JSON.stringify(parent ? [parent] : []));
  }
}

/**
 * The person's answer to a refusal: the article goes back to the last revision before it that the
 * server took (text and status), as a new revision made on that one, so it goes out and the
 * article is one with the newsroom again. The refused revisions stay in the history here. `base`
 * is the revision the person saw.
 */
export function backToServerVersion(store: Store, articleId: string, base: number, actor: string): Article {
  return store.transaction(() => {
    const pk = articlePk(store, articleId);
    const first = store.db
      .prepare('SELECT min(revision) FROM sync_revisions WHERE article_pk = ? AND refused IS NOT NULL AND settled = 0')
      .pluck()
      .get(pk) as number | null;
    if (first === null)
      throw new BylineError(
        'invalid-input',
        'The newsroom server refused nothing of this article; nothing was changed.',
      );
    const kept = store.db
      .prepare('SELECT max(revision) FROM sync_revisions WHERE article_pk = ? AND revision < ? AND refused IS NULL')
      .pluck()
      .get(pk, first) as number | null;
    if (kept === null)
      throw new BylineError(
        'invalid-input',
        'The server has no earlier revision of this article to go back to; nothing was changed.',
      );
    const old = store.articles.getRevision(articleId, kept);
    const current = store.articles.get(articleId);
    const { article } = store.articles.save(
      { ...old, id: articleId, revision: base, createdAt: current.createdAt },
      actor,
      {
        note: `back to revision ${kept}, the newsroom server's version (it refused revision ${first})`,
        allowStatusChange: true,
      },
    );
    store.db.prepare('UPDATE sync_revisions SET settled = 1 WHERE article_pk = ? AND refused IS NOT NULL').run(pk);
    // What waited to go out since the refusal is left behind with it (it stays in the history
    // here), and the new revision is made on the one the server has.
    assignRecordIds(store);
    store.db
      .prepare(
        "UPDATE sync_revisions SET refused = 'left behind: the article went back to the server''s version', settled = 1 WHERE article_pk = ? AND revision > ? AND revision < ? AND pushed = 0 AND refused IS NULL",
      )
      .run(pk, kept, article.revision);
    const keptId = store.db
      .prepare('SELECT record_id FROM sync_revisions WHERE article_pk = ? AND revision = ?')
      .pluck()
      .get(pk, kept) as string;
    store.db
      .prepare('UPDATE sync_revisions SET parents = ? WHERE article_pk = ? AND revision = ?')
      .run(JSON.stringify([keptId]), pk, article.revision);
    return article;
  });
}
