// Push and pull of articles' histories. A push stores each record at most once (its id is the
// key), checks that the account may write to the article and, for a revision that changes the
// status, that its role may make that step in the house style; a pull gives what the account may
// see, in the order the server accepted it.
import type pg from 'pg';
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from '../shared/houseStyle';
import type { Article } from '../shared/model/article';
import { sameText } from '../shared/model/articleContent';
import type { Comment } from '../shared/model/comment';
import type { Account } from '../shared/server/api';
import type { PullResult, PushResult, SyncRecord } from '../shared/server/sync';
import { hasUnstorableText } from '../shared/model/storableText';
import { listMissing, missingFor, statusOf, transitionProblem } from '../shared/workflow';
import { ServerError } from './accounts';

/** The PostgreSQL channel a push notifies with the highest number it stored (live.ts listens). */
export const RECORDS_CHANNEL = 'byline_records';

/** The advisory lock pushes take (any number, the same in every server instance). */
const SYNC_LOCK = 0x6279_7379;

/** A record-level refusal; the rest of the push goes on. */
class Refusal extends Error {
  constructor(
    readonly code: 'forbidden' | 'bad-request',
    message: string,
  ) {
    super(message);
  }
}

/** The SQL condition (on `a`, the articles row) for what an account may see and write; parameters $1–$3 from visibilityParams. */
export const VISIBLE = `($1::text = 'admin' OR a.created_by = $2 OR a.desk = ANY($3::text[]) OR $2 = ANY(a.assigned_to))`;
export const visibilityParams = (account: Account) => [account.role, account.id, account.desks];

/** The same rule as VISIBLE, for an articles row already read (the live fan-out reads them once for every listener). */
export function maySee(
  account: Account,
  article: { created_by: string; desk: string | null; assigned_to: readonly string[] },
): boolean {
  return (
    account.role === 'admin' ||
    article.created_by === account.id ||
    (article.desk !== null && account.desks.includes(article.desk)) ||
    article.assigned_to.includes(account.id)
  );
}

async function articleRow(
  client: pg.PoolClient,
  account: Account,
  articleId: string,
): Promise<{ exists: boolean; visible: boolean; createdBy: string | null }> {
  const { rows } = await client.query<{ visible: boolean; created_by: string }>(
    `SELECT ${VISIBLE} AS visible, a.created_by FROM articles a WHERE a.id = $4`,
    [...visibilityParams(account), articleId],
  );
  return rows[0]
    ? { exists: true, visible: rows[0].visible, createdBy: rows[0].created_by }
    : { exists: false, visible: false, createdBy: null };
}

/**
 * Checks a revision and writes what goes with it (a new article's row, a status step's audit).
 * Every refusal comes before any write, so a refused record leaves nothing to undo.
 */
async function storeRevision(
  client: pg.PoolClient,
  account: Account,
  r: Extract<SyncRecord, { kind: 'revision' }>,
  style: HouseStyle,
): Promise<void> {
  const article = await articleRow(client, account, r.articleId);
  const unknownParent = () =>
    new Refusal('bad-request', `The revision continues one the server does not have for article ${r.articleId}.`);
  if (!article.exists && r.parents.length) throw unknownParent();
  if (article.exists && !article.visible)
    throw new Refusal(
      'forbidden',
      `${account.name} may not change article ${r.articleId}: it is neither theirs, nor their desk's, nor assigned to them.`,
    );
  if (article.exists && !r.parents.length)
    throw new Refusal(
      'bad-request',
      `Article ${r.articleId} exists already; a new revision names the one it was made on.`,
    );
  const target = statusOf(style, r.doc.status);
  if (!target)
    throw new Refusal(
      'bad-request',
      `"${r.doc.status}" is not a status in this newsroom's house style (${style.statuses.map((s) => s.id).join(', ')}).`,
    );
  const role = account.role === 'admin' ? 'desk' : account.role;
  if (!r.parents.length && r.doc.status !== style.initialStatus) {
    // A new article starts as a draft; only the desk starts one further on, with what that status needs.
    const initial = statusOf(style, style.initialStatus)?.label ?? style.initialStatus;
    if (role !== 'desk')
      throw new Refusal(
        'forbidden',
        `A new article starts as ${initial}; ${account.name} is ${account.role} and may not start one as ${target.label}.`,
      );
    const missing = missingFor(r.doc, target);
    if (missing.length)
      throw new Refusal(
        'bad-request',
        `The article cannot start as ${target.label}: it needs ${listMissing(missing)}.`,
      );
  }
  let from: string[] = [];
  if (r.parents.length) {
    const { rows } = await client.query<{ status: string }>(
      "SELECT body->'doc'->>'status' AS status FROM records WHERE kind = 'revision' AND article_id = $1 AND id = ANY($2::uuid[])",
      [r.articleId, r.parents],
    );
    if (rows.length !== r.parents.length) throw unknownParent();
    from = rows.map((p) => p.status);
  }
  // A status that differs from every parent's is a step: checked again here, whatever the desktop allowed.
  const step = from.length > 0 && !from.includes(r.doc.status);
  if (!step && target.editMovesTo) {
    // Approval covers the approved text: a changed text in the same status is refused (desktops move it back first).
    const { rows } = await client.query<{ doc: Article }>(
      "SELECT body->'doc' AS doc FROM records WHERE kind = 'revision' AND id = ANY($1::uuid[])",
      [r.parents],
    );
    if (rows.some((p) => !sameText(p.doc, r.doc))) {
      throw new Refusal(
        'forbidden',
        `${target.label} covers the text as it was approved: an edit moves the article to ${statusOf(style, target.editMovesTo)?.label ?? target.editMovesTo} first.`,
      );
    }
  }
  // Editing an approved article moves it back (approved → in review) whoever edits it, as on the desktop.
  const movedByEdit = step && from.some((f) => statusOf(style, f)?.editMovesTo === r.doc.status);
  if (step && !movedByEdit) {
    const problem = transitionProblem({ ...r.doc, status: from[0]! }, r.doc.status, style, r.note, undefined, {
      role,
      isAuthor: article.createdBy === account.id,
    });
    if (problem?.code === 'role') {
      throw new Refusal(
        'forbidden',
        `${target.label} is a step for ${target.roles.join(' or ')}; ${account.name} is ${account.role} on this newsroom server.`,
      );
    }
    if (problem) throw new Refusal('forbidden', problem.message);
  }
  if (!article.exists)
    await client.query('INSERT INTO articles (id, created_by, desk) VALUES ($1, $2, $3)', [
      r.articleId,
      account.id,
      r.desk ?? account.desks[0] ?? null,
    ]);
  if (step)
    await client.query('INSERT INTO audit (account_id, kind, detail) VALUES ($1, $2, $3)', [
      account.id,
      'status-step',
      JSON.stringify({ article: r.articleId, from: from[0], to: r.doc.status, revision: r.id }),
    ]);
}

/**
 * Checks a comment's state and answers it as the server keeps it: who wrote it, who resolved it
 * and when are the server's, never the desktop's word. A new comment is written by the account
 * that sent it, at the server's time; a later state keeps what was written and changes only
 * whether it is resolved, by whom (the sender) and when (now). Order is the server's too: the
 * state stored last is the comment's state, whatever the desktops' clocks say.
 */
async function storeComment(
  client: pg.PoolClient,
  account: Account,
  c: Extract<SyncRecord, { kind: 'comment' }>,
): Promise<Extract<SyncRecord, { kind: 'comment' }>> {
  const article = await articleRow(client, account, c.articleId);
  if (!article.exists)
    throw new Refusal('bad-request', `There is no article ${c.articleId} on the server to comment on.`);
  if (!article.visible) throw new Refusal('forbidden', `${account.name} may not comment on article ${c.articleId}.`);
  const { rows } = await client.query<{ article_id: string; comment: Comment; now: string }>(
    "SELECT article_id, body->'comment' AS comment, to_json(clock_timestamp())#>>'{}' AS now FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT article_id, body FROM records WHERE kind = 'comment' AND body->'comment'->>'id' = $1 ORDER BY seq LIMIT 1) first ON true",
    [c.comment.id],
  );
  const first = rows[0]!;
  if (first.article_id && first.article_id !== c.articleId)
    throw new Refusal('bad-request', `Comment ${c.comment.id} belongs to another article.`);
  if (!first.comment && c.comment.parentId) {
    const { rowCount } = await client.query(
      "SELECT 1 FROM records WHERE kind = 'comment' AND article_id = $1 AND body->'comment'->>'id' = $2 LIMIT 1",
      [c.articleId, c.comment.parentId],
    );
    if (!rowCount)
      throw new Refusal('bad-request', `The reply answers a comment the server does not have (${c.comment.parentId}).`);
  }
  const now = new Date(first.now).toISOString();
  const written = first.comment ?? { ...c.comment, author: account.name, createdAt: now };
  const resolved = c.comment.resolvedAt !== null;
  return {
    ...c,
    comment: {
      ...written,
      resolvedAt: resolved ? now : null,
      resolvedBy: resolved ? account.name : null,
      changedAt: now,
    },
  };
}

async function storeAssignment(
  client: pg.PoolClient,
  account: Account,
  a: Extract<SyncRecord, { kind: 'assignment' }>,
): Promise<void> {
  const article = await articleRow(client, account, a.articleId);
  if (!article.exists) throw new Refusal('bad-request', `There is no article ${a.articleId} on the server to assign.`);
  if (!article.visible) throw new Refusal('forbidden', `${account.name} may not assign article ${a.articleId}.`);
  if (account.role !== 'desk' && account.role !== 'admin')
    throw new Refusal('forbidden', `Only the desk assigns articles; ${account.name} is ${account.role}.`);
  const { rows } = await client.query<{ id: string; name: string }>(
    'SELECT id, name FROM accounts WHERE name = ANY($1::text[]) AND revoked_at IS NULL',
    [a.assignedTo],
  );
  const unknown = a.assignedTo.filter((n) => !rows.some((r) => r.name === n));
  if (unknown.length)
    throw new Refusal('bad-request', `No account ${unknown.map((n) => `"${n}"`).join(', ')} on the server.`);
  await client.query('UPDATE articles SET assigned_to = $2, desk = coalesce($3, desk) WHERE id = $1', [
    a.articleId,
    rows.map((r) => r.id),
    a.desk ?? null,
  ]);
  await client.query('INSERT INTO audit (account_id, kind, detail) VALUES ($1, $2, $3)', [
    account.id,
    'assignment',
    JSON.stringify({ article: a.articleId, assignedTo: a.assignedTo, desk: a.desk ?? null }),
  ]);
}

/** One desktop's push, waiting to be stored with the others that arrived meanwhile. */
interface QueuedPush {
  account: Account;
  records: readonly SyncRecord[];
  style: HouseStyle;
  resolve(result: PushResult): void;
  reject(error: unknown): void;
}

/**
 * Stores one push's records in order, inside the caller's transaction. Each record is checked
 * before anything of it is written, so a refused one is skipped with nothing to undo.
 */
async function storePush(client: pg.PoolClient, { account, records, style }: QueuedPush): Promise<PushResult> {
  const result: PushResult = { accepted: [], duplicates: [], refused: [] };
  const { rows } = await client.query<{ id: string }>('SELECT id FROM records WHERE id = ANY($1::uuid[])', [
    records.map((r) => r.id),
  ]);
  const known = new Set(rows.map((r) => r.id));
  for (const record of records) {
    if (known.has(record.id)) {
      result.duplicates.push(record.id);
      continue;
    }
    let stored: SyncRecord = record;
    try {
      if (hasUnstorableText(record))
        throw new Refusal(
          'bad-request',
          `Record ${record.id} holds a character that is not text (U+0000 or half of a surrogate pair), which the server cannot store.`,
        );
      if (record.kind === 'revision') await storeRevision(client, account, record, style);
      else if (record.kind === 'comment') stored = await storeComment(client, account, record);
      else await storeAssignment(client, account, record);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      result.refused.push({ id: record.id, code: error.code, message: error.message });
      continue;
    }
    const inserted = await client.query<{ seq: string }>(
      'INSERT INTO records (id, article_id, kind, parents, account_id, body) VALUES ($1, $2, $3, $4, $5, $6) RETURNING seq',
      [
        record.id,
        record.articleId,
        record.kind,
        record.kind === 'revision' ? record.parents : [],
        account.id,
        JSON.stringify(stored),
      ],
    );
    known.add(record.id);
    result.accepted.push({ id: record.id, seq: Number(inserted.rows[0]!.seq) });
  }
  return result;
}

/**
 * Pushes that arrive while one is being stored wait, and are then stored together in one
 * transaction: one lock, one durable commit for all of them (group commit), so 500 desktops saving
 * at once wait for a few commits rather than 500. Each push has a savepoint of its own, so a push
 * that fails unexpectedly fails alone; an answer is given only once the commit is durable.
 */
class PushBatcher {
  private readonly waiting: QueuedPush[] = [];
  private running = false;

  constructor(private readonly db: pg.Pool) {}

  push(push: Omit<QueuedPush, 'resolve' | 'reject'>): Promise<PushResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...push, resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length) await this.storeBatch(this.waiting.splice(0, MAX_PUSHES_PER_COMMIT));
    } finally {
      this.running = false;
    }
  }

  private async storeBatch(batch: QueuedPush[]): Promise<void> {
    const done: { push: QueuedPush; result: PushResult }[] = [];
    const failed: { push: QueuedPush; error: unknown }[] = [];
    let client: pg.PoolClient | null = null;
    try {
      client = await this.db.connect();
      await client.query('BEGIN');
      // One transaction at a time takes numbers: a record numbered lower is always committed before
      // one numbered higher, so a pull "since N" can never skip a record that commits late.
      await client.query('SELECT pg_advisory_xact_lock($1)', [SYNC_LOCK]);
      for (const push of batch) {
        await client.query('SAVEPOINT push');
        try {
          done.push({ push, result: await storePush(client, push) });
          await client.query('RELEASE SAVEPOINT push');
        } catch (error) {
          await client.query('ROLLBACK TO SAVEPOINT push');
          failed.push({ push, error });
        }
      }
      const last = Math.max(0, ...done.flatMap(({ result }) => result.accepted.map((a) => a.seq)));
      // Other server instances and their desktops hear of it (LISTEN byline_records).
      if (last) await client.query('SELECT pg_notify($1, $2)', [RECORDS_CHANNEL, String(last)]);
      await client.query('COMMIT');
    } catch (error) {
      await client?.query('ROLLBACK').catch(() => undefined);
      for (const push of batch) push.reject(error);
      return;
    } finally {
      client?.release();
    }
    for (const { push, result } of done) push.resolve(result);
    for (const { push, error } of failed) push.reject(error);
  }
}

/** At most this many pushes share one commit (each carries at most 500 records). */
const MAX_PUSHES_PER_COMMIT = 64;
const batchers = new WeakMap<pg.Pool, PushBatcher>();

/**
 * Stores a push's records in order: a refused record is reported and skipped, a record already
 * stored counts as a duplicate. Answers once the records are durable.
 */
export function push(
  db: pg.Pool,
  account: Account,
  records: readonly SyncRecord[],
  style: HouseStyle = DEFAULT_HOUSE_STYLE,
): Promise<PushResult> {
  let batcher = batchers.get(db);
  if (!batcher) batchers.set(db, (batcher = new PushBatcher(db)));
  return batcher.push({ account, records, style });
}

/** Every record of one article, in order, for an account that may see it now (a catch-up). */
export async function articleHistory(db: pg.Pool, account: Account, articleId: string): Promise<PullResult['records']> {
  const { rows } = await db.query<{ seq: string; body: SyncRecord; name: string; initials: string }>(
    `SELECT r.seq, r.body, u.name, u.initials FROM records r
       JOIN articles a ON a.id = r.article_id JOIN accounts u ON u.id = r.account_id
      WHERE a.id = $4 AND ${VISIBLE}
      ORDER BY r.seq`,
    [...visibilityParams(account), articleId],
  );
  if (!rows.length) throw new ServerError('not-found', `No article ${articleId} that ${account.name} may see.`);
  return rows.map((r) => ({ seq: Number(r.seq), by: { name: r.name, initials: r.initials }, record: r.body }));
}

/**
 * A page of a pull holds at most this many bytes of records (and always one record, however large):
 * 300 revisions of a megabyte each took one desktop's sync to 1.4 GB, and four of them the server to 4 GB.
 */
export const PULL_PAGE_BYTES = 4 * 1024 * 1024;

/** What the account may see, after `since`, in the server's order, at most `limit` records and about PULL_PAGE_BYTES. */
export async function pull(db: pg.Pool, account: Account, since: number, limit: number): Promise<PullResult> {
  // The running size is summed over the page before any record's text is read, and only the
  // records within the budget are read out of the table.
  const { rows } = await db.query<{ seq: string; body: SyncRecord | null; name: string; initials: string }>(
    `SELECT p.seq, CASE WHEN p.before < $6 OR p.n = 1 THEN r.body END AS body, u.name, u.initials
       FROM (SELECT r.seq, r.account_id, row_number() OVER w AS n, coalesce(sum(pg_column_size(r.body)) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
               FROM records r JOIN articles a ON a.id = r.article_id
              WHERE r.seq > $4 AND ${VISIBLE}
             WINDOW w AS (ORDER BY r.seq)
              ORDER BY r.seq LIMIT $5) p
       JOIN records r ON r.seq = p.seq JOIN accounts u ON u.id = p.account_id
      ORDER BY p.seq`,
    [...visibilityParams(account), since, limit + 1, PULL_PAGE_BYTES],
  );
  const within = rows.slice(0, limit).filter((r) => r.body !== null);
  const more = rows.length > within.length;
  const records = within.map((r) => ({
    seq: Number(r.seq),
    by: { name: r.name, initials: r.initials },
    record: r.body!,
  }));
  return { records, cursor: records.at(-1)?.seq ?? since, more };
}
