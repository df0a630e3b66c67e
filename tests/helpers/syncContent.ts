// Sync judged by what people wrote, not by record ids: each store's revisions, versions waiting
// for a choice and comments, compared with the server's records and with a log of what each
// desktop saved. Texts are compared as hashes of the stored document and note, so a revision that
// arrives with another revision's text, or with a field emptied on the way, is named.
import crypto from 'node:crypto';
import type pg from 'pg';
import type { Store } from '../../src/main/store/store';
import type { Article } from '../../src/shared/model/article';
import { canonicalJson } from '../../src/shared/model/articleContent';
import type { Comment } from '../../src/shared/model/comment';
import type { SyncRecord } from '../../src/shared/server/sync';

/** A short hash of any JSON value, the same whatever order its keys come in (PostgreSQL's jsonb reorders them). */
export const hash = (value: unknown) =>
  crypto.createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);

/** A revision's content: its document without the revision number (each machine numbers its own line) and its note. */
export function revisionHash(doc: Article, note: string): string {
  const { revision: _numberedHere, ...content } = doc;
  return hash({ content, note });
}

/** A comment's state: what it says and whether it is resolved. Its anchor is left out: each machine moves it with its own edits. */
export const commentHash = ({ anchor: _movedHere, detached: _followsEdits, ...state }: Comment): string => hash(state);

export interface StoreArticle {
  /** This machine's own line of revisions, oldest first: record id (null before it was pushed) and content. */
  line: { revision: number; recordId: string | null; hash: string }[];
  /** Versions from the server kept to choose, by record id: content, and whether a choice is still waited for. */
  versions: Map<string, { hash: string; waiting: boolean }>;
  /** Each comment's state here, by comment id. */
  comments: Map<string, string>;
}

/** What one desktop store holds of every article in it (trashed ones left out). */
export function storeContent(store: Store): Map<string, StoreArticle> {
  const out = new Map<string, StoreArticle>();
  const ids = store.db
    .prepare('SELECT id FROM articles WHERE deleted_at IS NULL ORDER BY id')
    .pluck()
    .all() as string[];
  const recordOf = store.db
    .prepare(
      'SELECT s.record_id FROM sync_revisions s JOIN articles a ON a.pk = s.article_pk WHERE a.id = ? AND s.revision = ?',
    )
    .pluck();
  const versionsOf = store.db.prepare(
    `SELECT i.record_id AS recordId, v.id AS incomingId, v.resolved_at IS NULL AS waiting FROM sync_incoming i
       JOIN incoming_versions v ON v.id = i.incoming_id JOIN articles a ON a.pk = i.article_pk WHERE a.id = ?`,
  );
  for (const id of ids) {
    const line = store.articles.revisionRecords(id).map((r) => ({
      revision: r.revision,
      recordId: (recordOf.get(id, r.revision) as string | undefined) ?? null,
      hash: revisionHash(r.doc, r.note),
    }));
    const versions = new Map<string, { hash: string; waiting: boolean }>();
    for (const v of versionsOf.all(id) as { recordId: string; incomingId: number; waiting: number }[]) {
      const last = store.incoming.records(id, v.incomingId).at(-1)!;
      versions.set(v.recordId, { hash: revisionHash(last.doc, last.note), waiting: v.waiting === 1 });
    }
    const comments = new Map(store.comments.list(id).map((c) => [c.id, commentHash(c)]));
    out.set(id, { line, versions, comments });
  }
  return out;
}

export interface ServerArticle {
  /** Every revision record, in the server's order: content and parents. */
  revisions: Map<string, { hash: string; parents: string[] }>;
  /** Revisions nothing was made on: more than one means versions wait for a choice. */
  heads: string[];
  /** Each comment's state: the one the server stored last. */
  comments: Map<string, string>;
}

/** What the server holds of the given articles (every article when none are given). */
export async function serverContent(db: pg.Pool, articleIds?: readonly string[]): Promise<Map<string, ServerArticle>> {
  const { rows } = await db.query<{ article_id: string; body: SyncRecord }>(
    `SELECT article_id, body FROM records WHERE kind IN ('revision', 'comment') AND ($1::uuid[] IS NULL OR article_id = ANY($1::uuid[])) ORDER BY seq`,
    [articleIds ?? null],
  );
  const out = new Map<string, ServerArticle>();
  for (const { article_id: id, body } of rows) {
    const article = out.get(id) ?? { revisions: new Map(), heads: [], comments: new Map() };
    out.set(id, article);
    if (body.kind === 'revision')
      article.revisions.set(body.id, { hash: revisionHash(body.doc, body.note), parents: body.parents });
    // The state the server stored last is the comment's state (its order, not the desktops' clocks).
    else if (body.kind === 'comment') article.comments.set(body.comment.id, commentHash(body.comment));
  }
  for (const article of out.values()) {
    const parents = new Set([...article.revisions.values()].flatMap((r) => r.parents));
    article.heads = [...article.revisions.keys()].filter((id) => !parents.has(id));
  }
  return out;
}

/** One save a test made on a desktop: the store's revision number and the content it saved. */
export interface Saved {
  desktop: string;
  articleId: string;
  revision: number;
  hash: string;
}

/** Keeps what a test saved on each desktop, to check later that every one of them reached everyone. */
export class SaveLog {
  readonly saves: Saved[] = [];
  note(desktop: string, article: Article, note = ''): void {
    this.saves.push({ desktop, articleId: article.id, revision: article.revision, hash: revisionHash(article, note) });
  }
}

/**
 * What is not whole between the stores and the server, in words (empty when whole): every
 * revision a store has is on the server with the same text, and every revision on the server is
 * on every store (in its line or as a version); where the server has several heads, each store
 * waits for a choice on every head but its own; comments are in their latest state everywhere;
 * every logged save is in its store's line and on the server, with the text that was saved.
 */
export function syncProblems(
  stores: ReadonlyMap<string, Map<string, StoreArticle>>,
  server: Map<string, ServerArticle>,
  log?: SaveLog,
): string[] {
  const problems: string[] = [];
  for (const [name, content] of stores) {
    const missing = [...server.keys()].filter((id) => !content.has(id));
    if (missing.length)
      problems.push(`${name} lacks ${missing.length} article(s) the server has: ${missing.slice(0, 3).join(', ')}`);
    for (const [id, mine] of content) {
      const theirs = server.get(id);
      if (!theirs) {
        problems.push(`${name} has article ${id}, which the server does not`);
        continue;
      }
      for (const r of mine.line) {
        if (!r.recordId) problems.push(`${name}: revision ${r.revision} of ${id} never went out`);
        else if (!theirs.revisions.has(r.recordId))
          problems.push(`${name}: revision ${r.revision} of ${id} (${r.recordId}) is not on the server`);
        else if (theirs.revisions.get(r.recordId)!.hash !== r.hash)
          problems.push(`${name}: revision ${r.revision} of ${id} has other text on the server than here`);
      }
      const here = new Map(mine.line.filter((r) => r.recordId).map((r) => [r.recordId!, r.hash]));
      for (const [recordId, v] of mine.versions) here.set(recordId, v.hash);
      for (const [recordId, r] of theirs.revisions) {
        if (!here.has(recordId)) problems.push(`${name} lacks revision ${recordId} of ${id}`);
        else if (here.get(recordId) !== r.hash)
          problems.push(`${name} has revision ${recordId} of ${id} with other text than the server`);
      }
      const ownHead = mine.line.at(-1)?.recordId;
      for (const head of theirs.heads) {
        if (head !== ownHead && !mine.versions.get(head)?.waiting)
          problems.push(
            `${name} is not asked to choose version ${head} of ${id}, though the server has it as a head beside ${ownHead}`,
          );
      }
      for (const [commentId, state] of theirs.comments) {
        if (!mine.comments.has(commentId)) problems.push(`${name} lacks comment ${commentId} on ${id}`);
        else if (mine.comments.get(commentId) !== state)
          problems.push(`${name} has comment ${commentId} on ${id} in another state than the server's latest`);
      }
      for (const commentId of mine.comments.keys())
        if (!theirs.comments.has(commentId))
          problems.push(`${name}: comment ${commentId} on ${id} is not on the server`);
    }
  }
  for (const save of log?.saves ?? []) {
    const at = stores
      .get(save.desktop)
      ?.get(save.articleId)
      ?.line.find((r) => r.revision === save.revision);
    if (!at)
      problems.push(`${save.desktop}: the save of ${save.articleId} as revision ${save.revision} is not in its store`);
    else if (at.hash !== save.hash)
      problems.push(`${save.desktop}: revision ${save.revision} of ${save.articleId} holds other text than was saved`);
    else if (!at.recordId || server.get(save.articleId)?.revisions.get(at.recordId)?.hash !== save.hash)
      problems.push(
        `${save.desktop}: the save of ${save.articleId} as revision ${save.revision} is not on the server with its text`,
      );
  }
  return problems;
}
