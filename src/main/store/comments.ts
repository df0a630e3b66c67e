import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { fieldText, followEdits } from '../../shared/comments/anchoring';
import { BylineError, describeIssues } from '../../shared/errors';
import { ArticleSchema, type Article } from '../../shared/model/article';
import {
  AnchorSchema,
  CommentBodySchema,
  CommentSchema,
  NewAnchorSchema,
  type Anchor,
  isLaterState,
  type Comment,
  type CommentThread,
} from '../../shared/model/comment';

interface CommentRow {
  id: string;
  parent_id: string | null;
  anchor: string | null;
  detached: number;
  body: string;
  author: string;
  created_at: string;
  revision: number;
  resolved_at: string | null;
  resolved_by: string | null;
  changed_at: string;
}

function fromRow(r: CommentRow): Comment {
  return CommentSchema.parse({
    id: r.id,
    parentId: r.parent_id,
    anchor: r.anchor === null ? null : (JSON.parse(r.anchor) as unknown),
    detached: r.detached === 1,
    body: r.body,
    author: r.author,
    createdAt: r.created_at,
    revision: r.revision,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
    changedAt: r.changed_at,
  });
}

/** Groups comments into threads, oldest first; replies under their first comment. */
export function threadsOf(comments: readonly Comment[]): CommentThread[] {
  const threads = new Map<string, CommentThread>();
  for (const c of comments) if (c.parentId === null) threads.set(c.id, { ...c, replies: [] });
  for (const c of comments) if (c.parentId !== null) threads.get(c.parentId)?.replies.push(c);
  return [...threads.values()];
}

/**
 * Comments on articles. They live beside the article, never in it, so no export can carry them;
 * a `.byline` package does, on purpose. Every save moves open anchors along with the text.
 */
export class CommentRepository {
  constructor(
    private readonly db: Database,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** An article's threads, oldest first. */
  threads(articleId: string): CommentThread[] {
    return threadsOf(this.all(this.article(articleId).pk));
  }

  /** Every comment of an article, flat, oldest first (what a package carries). */
  list(articleId: string): Comment[] {
    return this.all(this.article(articleId).pk);
  }

  private all(articlePk: number): Comment[] {
    const rows = this.db
      .prepare('SELECT * FROM comments WHERE article_pk = ? ORDER BY created_at, id')
      .all(articlePk) as CommentRow[];
    return rows.map(fromRow);
  }

  /** Starts a thread on a field, a range of saved text, or an image's caption, credit or alt text. */
  add(articleId: string, input: { anchor: unknown; body: string }, actor: string): CommentThread {
    const { pk, article, trashed } = this.article(articleId);
    if (trashed)
      throw new BylineError('in-trash', `The article ${articleId} is in the trash; restore it to comment on it.`);
    const parsed = NewAnchorSchema.safeParse(input.anchor);
    if (!parsed.success)
      throw new BylineError(
        'invalid-input',
        `The comment's place is not valid: ${describeIssues(parsed.error.issues)}. Nothing was saved.`,
      );
    const anchor = this.resolveAnchor(article, parsed.data);
    const id = randomUUID();
    this.insert(pk, {
      id,
      parentId: null,
      anchor,
      detached: false,
      body: this.body(input.body),
      author: actor,
      revision: article.revision,
    });
    return this.thread(id);
  }

  reply(commentId: string, body: string, actor: string): CommentThread {
    const target = this.get(commentId);
    const rootId = target.comment.parentId ?? target.comment.id;
    const { article } = this.articleByPk(target.articlePk);
    this.insert(target.articlePk, {
      id: randomUUID(),
      parentId: rootId,
      anchor: null,
      detached: false,
      body: this.body(body),
      author: actor,
      revision: article.revision,
    });
    // A reply to a resolved thread reopens it: someone still has something to say.
    this.db
      .prepare(
        'UPDATE comments SET resolved_at = NULL, resolved_by = NULL, changed_at = ? WHERE id = ? AND resolved_at IS NOT NULL',
      )
      .run(this.now(), rootId);
    return this.thread(rootId);
  }

  /** Resolves or reopens a thread (given any comment in it). */
  setResolved(commentId: string, resolved: boolean, actor: string): CommentThread {
    const target = this.get(commentId);
    const rootId = target.comment.parentId ?? target.comment.id;
    const now = this.now();
    this.db
      .prepare('UPDATE comments SET resolved_at = ?, resolved_by = ?, changed_at = ? WHERE id = ?')
      .run(resolved ? now : null, resolved ? actor : null, now, rootId);
    return this.thread(rootId);
  }

  /** Open threads per article, for the queue. */
  openCount(articlePk: number): number {
    return this.db
      .prepare('SELECT count(*) FROM comments WHERE article_pk = ? AND parent_id IS NULL AND resolved_at IS NULL')
      .pluck()
      .get(articlePk) as number;
  }

  /** Called inside every article save: anchors follow the edit, or are marked detached. */
  followSave(articlePk: number, before: Article, after: Article): void {
    const rows = this.db
      .prepare('SELECT id, anchor, detached FROM comments WHERE article_pk = ? AND anchor IS NOT NULL')
      .all(articlePk) as Pick<CommentRow, 'id' | 'anchor' | 'detached'>[];
    const update = this.db.prepare('UPDATE comments SET anchor = ?, detached = ? WHERE id = ?');
    for (const row of rows) {
      const anchor = AnchorSchema.parse(JSON.parse(row.anchor!));
      const next = followEdits(anchor, row.detached === 1, before, after);
      const json = JSON.stringify(next.anchor);
      if (json !== row.anchor || Number(next.detached) !== row.detached)
        update.run(json, Number(next.detached), row.id);
    }
  }

  /** Adds comments from another copy of the article; for one already here, the later state wins. */
  merge(articleId: string, incoming: readonly Comment[]): { added: number; updated: number } {
    const articlePk = this.article(articleId).pk;
    let added = 0;
    let updated = 0;
    const existing = new Map(this.all(articlePk).map((c) => [c.id, c]));
    // Threads first, so replies find their parent.
    const ordered = [...incoming].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
    for (const c of ordered) {
      const mine = existing.get(c.id);
      if (!mine) {
        const owner = this.db.prepare('SELECT article_pk FROM comments WHERE id = ?').pluck().get(c.id) as
          number | undefined;
        if (owner !== undefined)
          throw new BylineError(
            'invalid-input',
            `Comment ${c.id} belongs to another article here; the package is not consistent.`,
          );
        this.insert(articlePk, c, c.createdAt, c.changedAt, c.resolvedAt, c.resolvedBy);
        added++;
      } else if (isLaterState(c, mine)) {
        this.db
          .prepare('UPDATE comments SET resolved_at = ?, resolved_by = ?, changed_at = ? WHERE id = ?')
          .run(c.resolvedAt, c.resolvedBy, c.changedAt, c.id);
        updated++;
      }
    }
    return { added, updated };
  }

  /**
   * Takes a comment as the newsroom server keeps it (its author, times and state are the server's):
   * added when it is new here, its state and names replaced otherwise. Answers whether anything
   * changed. The caller keeps a state made here that has not gone out yet.
   */
  takeServerState(articleId: string, c: Comment): boolean {
    const articlePk = this.article(articleId).pk;
    const mine = this.all(articlePk).find((x) => x.id === c.id);
    if (!mine) {
      const owner = this.db.prepare('SELECT article_pk FROM comments WHERE id = ?').pluck().get(c.id) as
        number | undefined;
      if (owner !== undefined)
        throw new BylineError('invalid-input', `Comment ${c.id} belongs to another article here.`);
      this.insert(articlePk, c, c.createdAt, c.changedAt, c.resolvedAt, c.resolvedBy);
      return true;
    }
    if (
      mine.author === c.author &&
      mine.createdAt === c.createdAt &&
      mine.resolvedAt === c.resolvedAt &&
      mine.resolvedBy === c.resolvedBy &&
      mine.changedAt === c.changedAt
    )
      return false;
    this.db
      .prepare(
        'UPDATE comments SET author = ?, created_at = ?, resolved_at = ?, resolved_by = ?, changed_at = ? WHERE id = ?',
      )
      .run(c.author, c.createdAt, c.resolvedAt, c.resolvedBy, c.changedAt, c.id);
    return true;
  }

  private thread(rootId: string): CommentThread {
    const { articlePk } = this.get(rootId);
    const thread = threadsOf(this.all(articlePk)).find((t) => t.id === rootId);
    if (!thread) throw new BylineError('not-found', `No comment thread ${rootId}.`);
    return thread;
  }

  private insert(
    articlePk: number,
    c: Pick<Comment, 'id' | 'parentId' | 'anchor' | 'detached' | 'body' | 'author' | 'revision'>,
    createdAt = this.now(),
    changedAt = createdAt,
    resolvedAt: string | null = null,
    resolvedBy: string | null = null,
  ): void {
    this.db
      .prepare(
        `INSERT INTO comments (id, article_pk, parent_id, anchor, detached, body, author, created_at, revision, resolved_at, resolved_by, changed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        c.id,
        articlePk,
        c.parentId,
        c.anchor ? JSON.stringify(c.anchor) : null,
        Number(c.detached),
        c.body,
        c.author,
        createdAt,
        c.revision,
        resolvedAt,
        resolvedBy,
        changedAt,
      );
  }

  private body(text: string): string {
    const parsed = CommentBodySchema.safeParse(text);
    if (!parsed.success)
      throw new BylineError(
        'invalid-input',
        `The comment is not valid: ${describeIssues(parsed.error.issues)}. Nothing was saved.`,
      );
    return parsed.data;
  }

  /** The quote comes from the saved text, so a comment can only point at words that are stored. */
  private resolveAnchor(article: Article, anchor: ReturnType<typeof NewAnchorSchema.parse>): Anchor {
    if (anchor.kind === 'field') return anchor;
    if (anchor.kind === 'image') {
      if (!article.body.some((b) => b.type === 'image' && b.assetId === anchor.assetId)) {
        throw new BylineError(
          'invalid-input',
          `The article has no image ${anchor.assetId.slice(0, 12)}…; nothing was saved.`,
        );
      }
      return anchor;
    }
    const text = fieldText(article, anchor.field);
    if (anchor.end > text.length) {
      throw new BylineError(
        'invalid-input',
        `The selected text (characters ${anchor.start}–${anchor.end}) is not in the saved ${anchor.field}; save the article and select again. Nothing was saved.`,
      );
    }
    return { ...anchor, quote: text.slice(anchor.start, anchor.end) };
  }

  private get(commentId: string): { comment: Comment; articlePk: number } {
    const row = this.db.prepare('SELECT * FROM comments WHERE id = ?').get(commentId) as
      (CommentRow & { article_pk: number }) | undefined;
    if (!row) throw new BylineError('not-found', `No comment ${commentId}.`);
    return { comment: fromRow(row), articlePk: row.article_pk };
  }

  private article(id: string): { pk: number; article: Article; trashed: boolean } {
    const row = this.db.prepare('SELECT pk, doc, deleted_at FROM articles WHERE id = ?').get(id) as
      { pk: number; doc: string; deleted_at: string | null } | undefined;
    if (!row) throw new BylineError('not-found', `No article with id ${id}.`);
    return { pk: row.pk, article: ArticleSchema.parse(JSON.parse(row.doc)), trashed: row.deleted_at !== null };
  }

  private articleByPk(pk: number): { article: Article } {
    const doc = this.db.prepare('SELECT doc FROM articles WHERE pk = ?').pluck().get(pk) as string;
    return { article: ArticleSchema.parse(JSON.parse(doc)) };
  }
}
