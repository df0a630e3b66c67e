import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { BylineError, describeIssues } from '../../shared/errors';
import {
  ArticleInputSchema,
  ArticleSchema,
  bodyText,
  isBlankArticle,
  type Article,
  type ArticleInput,
  type ArticleSummary,
} from '../../shared/model/article';
import { attachedImages } from '../../shared/model/blocks';
import { withoutUnstorableText } from '../../shared/model/storableText';
import type { HouseStyle } from '../../shared/houseStyle';
import type { ProfileRole } from '../../shared/model/profile';
import {
  imageProblems,
  listMissing,
  missingFor,
  statusOf,
  transitionProblem,
  type PhotoLookup,
  type StepContext,
} from '../../shared/workflow';
import type { RevisionRecord } from '../../shared/model/handoff';
import type { ListQuery, QueueFacets, QueueSort } from '../../shared/model/queue';
import type { ListResult, RevisionInfo, SaveResult } from '../../shared/model/storeReports';
import { decodeRevision, encodeRevision } from './revisionCodec';
import { indexArticle, queryWords, toFtsQuery, unindexArticle } from './searchIndex';
import { searchSnippet } from './searchSnippet';
import { NO_JOB, type Job } from '../jobs/jobs';

export type ListOptions = ListQuery;

const ORDER: Record<QueueSort, string> = {
  updated: 'a.updated_at DESC',
  created: 'a.created_at DESC',
  headline: 'a.headline COLLATE NOCASE ASC, a.updated_at DESC',
  status: '', // in the house style's order of statuses: see orderBy()
  rubric: "a.rubric = '' ASC, a.rubric COLLATE NOCASE ASC, a.updated_at DESC",
};

/** Open comment threads on the article in the row `a`. */
const OPEN_COMMENTS =
  '(SELECT count(*) FROM comments c WHERE c.article_pk = a.pk AND c.parent_id IS NULL AND c.resolved_at IS NULL)';
/** The reason given when the article entered its present status ('' when none): the step is the latest revision whose predecessor had another status. */
const STATUS_NOTE = `coalesce((SELECT r.note FROM revisions r WHERE r.article_pk = a.pk AND r.status = a.status
  AND NOT EXISTS (SELECT 1 FROM revisions p WHERE p.article_pk = r.article_pk AND p.revision = r.revision - 1 AND p.status = r.status)
  ORDER BY r.revision DESC LIMIT 1), '')`;

interface ArticleRow {
  pk: number;
  id: string;
  revision: number;
  deleted_at: string | null;
  doc: string;
}

/** Fields compared to decide whether a save changes anything. */
function contentKey(a: Omit<Article, 'id' | 'revision' | 'createdAt' | 'updatedAt'> & Partial<Article>): string {
  const { id: _i, revision: _r, createdAt: _c, updatedAt: _u, ...content } = a;
  return JSON.stringify(content);
}

export class ArticleRepository {
  constructor(
    private readonly db: Database,
    private readonly style: HouseStyle,
    private readonly now: () => string = () => new Date().toISOString(),
    /** Runs inside each save's transaction once the new revision is written (comments follow the text). */
    private readonly afterSave: (pk: number, before: Article, after: Article) => void = () => {},
    /** What each picture's file said, so a workflow step can refuse a credit that contradicts it. */
    private readonly photos?: PhotoLookup,
  ) {}

  /** Creates a new article from the given fields (revision 1). */
  create(fields: Omit<ArticleInput, 'id' | 'revision'>, actor: string): Article {
    return this.save({ status: this.style.initialStatus, ...fields, id: randomUUID() }, actor).article;
  }

  /**
   * Saves an article. For an existing article `input.revision` must name the revision the edit was
   * based on; if someone saved since, this throws a conflict naming who and when, and stores nothing.
   */
  save(input: ArticleInput, actor: string, options: { allowStatusChange?: boolean; note?: string } = {}): SaveResult {
    const parsed = ArticleInputSchema.safeParse(input);
    if (!parsed.success) {
      throw new BylineError(
        'invalid-input',
        `The article is not valid: ${describeIssues(parsed.error.issues)}. Nothing was saved.`,
      );
    }
    // Characters nobody can see or type (U+0000, half a surrogate pair, from an imported file) are
    // not kept: the newsroom server could not store them, and they would hold up the article's sync.
    const fields = withoutUnstorableText(parsed.data);
    if (!this.style.statuses.some((s) => s.id === fields.status)) {
      throw new BylineError(
        'invalid-input',
        `Unknown status "${fields.status}"; the house style allows ${this.style.statuses.map((s) => s.id).join(', ')}.`,
      );
    }
    const chars = articleChars(fields);
    if (chars > this.style.limits.articleChars) {
      throw new BylineError(
        'invalid-input',
        `The article holds ${chars.toLocaleString('en')} characters; the house style allows at most ${this.style.limits.articleChars.toLocaleString('en')} (limits.articleChars). Nothing was saved, and nothing was cut: split it into several articles.`,
      );
    }
    const id = fields.id ?? randomUUID();

    return this.db.transaction((): SaveResult => {
      const row = this.db.prepare('SELECT pk, id, revision, deleted_at, doc FROM articles WHERE id = ?').get(id) as
        ArticleRow | undefined;
      let previous: Article | undefined;
      if (row) {
        if (row.deleted_at) {
          throw new BylineError('in-trash', `The article "${id}" is in the trash; restore it before saving.`);
        }
        if (fields.revision === undefined) {
          throw new BylineError(
            'invalid-input',
            `The article ${id} already exists: a save must name the revision it was based on (field "revision").`,
          );
        }
        if (fields.revision !== row.revision) throw this.conflict(row, fields.revision);
        const current = ArticleSchema.parse(JSON.parse(row.doc));
        if (fields.status !== current.status && !options.allowStatusChange) {
          throw new BylineError(
            'invalid-input',
            `A save cannot change the status (${current.status} → ${fields.status}); status changes go through the workflow (byline status, or the status menu).`,
          );
        }
        if (contentKey({ ...fields, id }) === contentKey(current)) return { article: current, changed: false };
        previous = current;
        // Editing an approved article takes it back to review (the house style says where), as a
        // step the history names: approval covers the text that was approved, not what came after.
        const from = statusOf(this.style, current.status);
        if (!options.allowStatusChange && from?.editMovesTo) {
          fields.status = from.editMovesTo;
          options = { ...options, note: [options.note, `edited while ${from.label}`].filter(Boolean).join('; ') };
        }
      } else if (fields.status !== this.style.initialStatus) {
        // A new article may arrive in any status (from another desk), but only with what that status requires.
        const arriving = statusOf(this.style, fields.status)!;
        const missing = missingFor(fields, arriving);
        if (missing.length)
          throw new BylineError(
            'invalid-input',
            `The article cannot arrive as ${arriving.label}: it needs ${listMissing(missing)}. Nothing was saved.`,
            { missing },
          );
      }

      const now = this.now();
      const article = ArticleSchema.parse({
        ...fields,
        id,
        revision: row ? row.revision + 1 : 1,
        createdAt: row ? (JSON.parse(row.doc) as Article).createdAt : (fields.createdAt ?? now),
        updatedAt: now,
      });
      const pk = this.writeHead(row, article, actor);
      this.writeRevision(pk, {
        revision: article.revision,
        savedAt: article.updatedAt,
        savedBy: actor,
        status: article.status,
        note: options.note ?? '',
        doc: article,
      });
      this.linkAssets(pk, article);
      indexArticle(this.db, pk, article);
      if (previous) this.afterSave(pk, previous, article);
      return { article, changed: true };
    })();
  }

  /**
   * Moves an article to another status, if the house style allows that step and the article has
   * what the status requires; a refusal says why. `revision` is the revision the person saw: a
   * change by someone else since is a conflict, as with a save. The step is a revision of its own.
   */
  setStatus(
    id: string,
    to: string,
    actor: string,
    options: { reason?: string; revision?: number; role?: ProfileRole } = {},
  ): Article {
    return this.db.transaction((): Article => {
      const current = this.get(id);
      if (options.revision !== undefined && options.revision !== current.revision) {
        throw this.conflict(
          this.db.prepare('SELECT pk, id, revision, deleted_at, doc FROM articles WHERE id = ?').get(id) as ArticleRow,
          options.revision,
        );
      }
      if (current.status === to) return current;
      const problem = transitionProblem(
        current,
        to,
        this.style,
        options.reason,
        this.photos,
        this.stepContext(id, actor, options.role),
      );
      if (problem)
        throw new BylineError('invalid-input', `${problem.message} The status was not changed.`, {
          refusal: problem.code,
          lead: problem.lead,
          missing: problem.missing ?? [],
        });
      return this.save({ ...current, status: to }, actor, {
        allowStatusChange: true,
        note: options.reason?.trim() ?? '',
      }).article;
    })();
  }

  /**
   * Brings back an earlier revision's text as a new revision on top of the current one; nothing
   * is discarded, and the status stays where the workflow put it. `base` is the revision the
   * person was looking at, so a restore over someone else's newer save is a conflict.
   */
  restoreRevision(id: string, revision: number, actor: string, options: { base?: number } = {}): Article {
    return this.db.transaction((): Article => {
      const current = this.get(id);
      const old = this.getRevision(id, revision);
      const { article } = this.save(
        {
          ...old,
          id,
          revision: options.base ?? current.revision,
          status: current.status,
          createdAt: current.createdAt,
        },
        actor,
        { note: `restored revision ${revision}` },
      );
      return article;
    })();
  }

  /**
   * Articles (not in the trash) that hold a picture (`assetId`, or any), newest change first, as
   * stored: each was checked against the model when it was saved, and the photo desk reads many.
   */
  withImages(assetId?: string): Article[] {
    const rows = this.db
      .prepare(
        `SELECT a.doc FROM articles a WHERE a.deleted_at IS NULL
           AND (EXISTS (SELECT 1 FROM article_assets l WHERE l.article_pk = a.pk ${assetId ? 'AND l.asset_id = ?' : ''})${assetId ? '' : ' OR a.image_problems > 0'}) ORDER BY a.updated_at DESC, a.pk DESC`,
      )
      .pluck()
      .all(...(assetId ? [assetId] : [])) as string[];
    return rows.map((doc) => JSON.parse(doc) as Article);
  }

  /** Whether an article is here, in the list or in the trash. */
  presence(id: string): 'absent' | 'listed' | 'trashed' {
    const row = this.db.prepare('SELECT deleted_at FROM articles WHERE id = ?').get(id) as
      { deleted_at: string | null } | undefined;
    return !row ? 'absent' : row.deleted_at ? 'trashed' : 'listed';
  }

  /** Every revision with its text, oldest first: what a package carries. */
  revisionRecords(id: string): RevisionRecord[] {
    const pk = this.pkOf(id, false);
    const rows = this.db
      .prepare(
        'SELECT revision, saved_at AS savedAt, saved_by AS savedBy, status, note, doc FROM revisions WHERE article_pk = ? ORDER BY revision',
      )
      .all(pk) as (Omit<RevisionRecord, 'doc'> & { doc: Buffer })[];
    return rows.map((r) => ({ ...r, doc: decodeRevision(r.doc) }));
  }

  /**
   * Adds revisions made on another machine exactly as they were (numbers, who, when, notes): the
   * whole history of an article new here, or the revisions that continue this machine's latest.
   * The caller has checked they continue it; this checks again and refuses anything else.
   */
  adopt(records: readonly RevisionRecord[]): Article {
    if (!records.length) throw new BylineError('invalid-input', 'No revisions to add.');
    const head = records.at(-1)!.doc;
    return this.db.transaction((): Article => {
      const row = this.db
        .prepare('SELECT pk, id, revision, deleted_at, doc FROM articles WHERE id = ?')
        .get(head.id) as ArticleRow | undefined;
      if (row?.deleted_at)
        throw new BylineError(
          'in-trash',
          `The article "${head.id}" is in the trash here; restore it before opening the package again. Nothing was changed.`,
        );
      const first = row ? row.revision + 1 : 1;
      records.forEach((r, i) => {
        if (r.revision !== first + i || r.doc.id !== head.id) {
          throw new BylineError(
            'invalid-input',
            `The revisions do not continue article ${head.id} at revision ${first}. Nothing was changed.`,
          );
        }
        const unknown = [r.status, r.doc.status].find((st) => !statusOf(this.style, st));
        if (unknown !== undefined) {
          throw new BylineError(
            'invalid-input',
            `Revision ${r.revision} has the status "${unknown}", which this house style does not know (${this.style.statuses.map((s) => s.id).join(', ')}). Nothing was changed.`,
          );
        }
      });
      const pk = this.writeHead(row, head, records[0]!.savedBy);
      for (const r of records) this.writeRevision(pk, r);
      this.linkAssets(pk, head);
      indexArticle(this.db, pk, head);
      if (row) this.afterSave(pk, ArticleSchema.parse(JSON.parse(row.doc)), head);
      return head;
    })();
  }

  get(id: string, options: { includeTrashed?: boolean } = {}): Article {
    const row = this.db.prepare('SELECT pk, id, revision, deleted_at, doc FROM articles WHERE id = ?').get(id) as
      ArticleRow | undefined;
    if (!row || (row.deleted_at && !options.includeTrashed)) {
      throw new BylineError('not-found', row ? `The article ${id} is in the trash.` : `No article with id ${id}.`);
    }
    return ArticleSchema.parse(JSON.parse(row.doc));
  }

  /**
   * What the workflow needs to know of the person asking: their role, whether they created the
   * article, its open comments. Without a role (no profile) roles and the author rule do not apply.
   */
  private stepContext(id: string, actor: string, role: ProfileRole | undefined): StepContext {
    const row = this.db
      .prepare(`SELECT a.created_by AS createdBy, ${OPEN_COMMENTS} AS openComments FROM articles a WHERE a.id = ?`)
      .get(id) as { createdBy: string; openComments: number };
    return role
      ? { role, isAuthor: row.createdBy === actor, openComments: row.openComments }
      : { openComments: row.openComments };
  }

  /** The article list and desk queue: filters combine; search results come best match first. */
  list(options: ListOptions = {}): ListResult {
    const limit = Math.min(Math.max(options.limit ?? 200, 1), 1000);
    const offset = Math.max(options.offset ?? 0, 0);
    const where: string[] = [options.trashed ? 'a.deleted_at IS NOT NULL' : 'a.deleted_at IS NULL'];
    const params: unknown[] = [];
    const filter = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (options.status) filter('a.status = ?', options.status);
    if (options.rubric) filter('a.rubric = ? COLLATE NOCASE', options.rubric);
    if (options.language)
      filter("(a.language = ? COLLATE NOCASE OR a.language LIKE ? || '-%')", options.language, options.language);
    if (options.updatedSince) filter('a.updated_at >= ?', new Date(options.updatedSince).toISOString());
    if (options.agency)
      filter(
        "EXISTS (SELECT 1 FROM json_each(a.doc, '$.signOff.agencies') WHERE value = ? COLLATE NOCASE)",
        options.agency,
      );
    if (options.author) {
      filter(
        "(EXISTS (SELECT 1 FROM json_each(a.doc, '$.signOff.authors') WHERE value = ? COLLATE NOCASE) OR a.created_by = ? COLLATE NOCASE)",
        options.author,
        options.author,
      );
    }
    if (options.openComments) filter(`${OPEN_COMMENTS} > 0`);
    if (options.imageProblems) filter('a.image_problems > 0');
    const fts = options.query ? toFtsQuery(options.query) : null;
    if (options.query && !fts) return { items: [], total: 0 };

    const select = `a.id, a.revision, a.headline, a.rubric, a.status, a.language, a.updated_at AS updatedAt, a.deleted_at AS deletedAt,
      a.created_by AS createdBy, a.image_problems AS imageProblems, ${OPEN_COMMENTS} AS openComments, ${STATUS_NOTE} AS statusNote,
      (SELECT count(*) FROM incoming_versions i WHERE i.article_pk = a.pk AND i.resolved_at IS NULL) AS waiting`;
    if (fts) {
      const from = `article_fts f JOIN articles a ON a.pk = f.rowid WHERE article_fts MATCH ? AND ${where.join(' AND ')}`;
      const total = (this.db.prepare(`SELECT count(*) AS n FROM ${from}`).get(fts, ...params) as { n: number }).n;
      const order = options.sort ? this.orderBy(options.sort) : 'bm25(article_fts, 10, 4, 1, 6, 2)';
      const rows = this.db
        .prepare(
          `SELECT ${select}, f.headline AS fHeadline, f.teaser AS fTeaser, f.body AS fBody, f.keywords AS fKeywords, f.credits AS fCredits FROM ${from} ORDER BY ${order} LIMIT ? OFFSET ?`,
        )
        .all(fts, ...params, limit, offset) as (ArticleSummary &
        Record<'fHeadline' | 'fTeaser' | 'fBody' | 'fKeywords' | 'fCredits', string | null>)[];
      const words = queryWords(options.query!);
      const items = rows.map(({ fHeadline, fTeaser, fBody, fKeywords, fCredits, ...summary }) => ({
        ...summary,
        snippet: searchSnippet([fBody, fTeaser, fHeadline, fKeywords, fCredits], words),
      }));
      return { items, total };
    }
    const from = `articles a WHERE ${where.join(' AND ')}`;
    const total = (this.db.prepare(`SELECT count(*) AS n FROM ${from}`).get(...params) as { n: number }).n;
    const order = options.trashed ? 'a.deleted_at DESC' : this.orderBy(options.sort ?? 'updated');
    const items = this.db
      .prepare(`SELECT ${select} FROM ${from} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as ArticleSummary[];
    return { items, total };
  }

  private orderBy(sort: QueueSort): string {
    if (sort !== 'status') return ORDER[sort];
    // Status ids are checked against /^[a-z][a-z0-9-]*$/ by the house style, so they are safe inline.
    const cases = this.style.statuses.map((st, i) => `WHEN '${st.id}' THEN ${i}`).join(' ');
    return `CASE a.status ${cases} ELSE ${this.style.statuses.length} END, a.updated_at DESC`;
  }

  /** How many articles (not in the trash) are in each status: the desk queue's counts. */
  statusCounts(): Record<string, number> {
    const rows = this.db
      .prepare('SELECT status, count(*) AS n FROM articles WHERE deleted_at IS NULL GROUP BY status')
      .all() as { status: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  /** The values the queue's filters offer, from the articles not in the trash. */
  facets(): QueueFacets {
    const values = (sql: string) => this.db.prepare(sql).pluck().all() as string[];
    return {
      counts: this.statusCounts(),
      rubrics: values(
        "SELECT DISTINCT rubric FROM articles WHERE deleted_at IS NULL AND rubric <> '' ORDER BY rubric COLLATE NOCASE",
      ),
      authors: values(`SELECT DISTINCT v FROM (
          SELECT lower(j.value) AS v FROM articles a, json_each(a.doc, '$.signOff.authors') j WHERE a.deleted_at IS NULL
          UNION SELECT created_by FROM articles WHERE deleted_at IS NULL AND created_by <> '') ORDER BY v COLLATE NOCASE`),
      agencies: values(
        "SELECT DISTINCT lower(j.value) FROM articles a, json_each(a.doc, '$.signOff.agencies') j WHERE a.deleted_at IS NULL ORDER BY 1",
      ),
      languages: values('SELECT DISTINCT language FROM articles WHERE deleted_at IS NULL ORDER BY language'),
    };
  }

  history(id: string): RevisionInfo[] {
    const pk = this.pkOf(id, true);
    return this.db
      .prepare(
        `SELECT r.revision, r.saved_at AS savedAt, r.saved_by AS savedBy, r.status, r.headline, r.note, coalesce(v.name, '') AS name
         FROM revisions r LEFT JOIN version_names v ON v.article_pk = r.article_pk AND v.revision = r.revision
         WHERE r.article_pk = ? ORDER BY r.revision DESC`,
      )
      .all(pk) as RevisionInfo[];
  }

  /** Names a version ("Print edition"); an empty name takes the name away. The revision itself is not touched. */
  nameVersion(id: string, revision: number, name: string, actor: string): RevisionInfo[] {
    const pk = this.pkOf(id, true);
    const text = name.trim();
    if (text.length > 100)
      throw new BylineError('invalid-input', 'A version name is at most 100 characters; nothing was changed.');
    this.db.transaction(() => {
      if (!this.db.prepare('SELECT 1 FROM revisions WHERE article_pk = ? AND revision = ?').get(pk, revision)) {
        throw new BylineError('not-found', `Article ${id} has no revision ${revision}.`);
      }
      if (!text) this.db.prepare('DELETE FROM version_names WHERE article_pk = ? AND revision = ?').run(pk, revision);
      else {
        this.db
          .prepare(
            'INSERT INTO version_names (article_pk, revision, name, named_by, named_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_pk, revision) DO UPDATE SET name = excluded.name, named_by = excluded.named_by, named_at = excluded.named_at',
          )
          .run(pk, revision, text, actor, this.now());
      }
    })();
    return this.history(id);
  }

  getRevision(id: string, revision: number): Article {
    const pk = this.pkOf(id, true);
    const row = this.db.prepare('SELECT doc FROM revisions WHERE article_pk = ? AND revision = ?').get(pk, revision) as
      { doc: Buffer } | undefined;
    if (!row) throw new BylineError('not-found', `Article ${id} has no revision ${revision}.`);
    return decodeRevision(row.doc);
  }

  /** Moves an article to the trash; it stays searchable there and can be restored. */
  trash(id: string): void {
    const info = this.db
      .prepare('UPDATE articles SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL')
      .run(this.now(), id);
    if (info.changes === 0) this.explainNoChange(id, 'trash');
  }

  restore(id: string): Article {
    const info = this.db
      .prepare('UPDATE articles SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL')
      .run(id);
    if (info.changes === 0) this.explainNoChange(id, 'list');
    return this.get(id);
  }

  /**
   * Forgets an article that was made and left without anything typed (revision 1, blank, no
   * comments): "New article" then Back does not leave an empty row behind. Anything else is kept.
   */
  discardIfBlank(id: string): boolean {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT pk, revision, deleted_at, doc FROM articles WHERE id = ?').get(id) as
        { pk: number; revision: number; deleted_at: string | null; doc: string } | undefined;
      if (!row || row.revision !== 1 || row.deleted_at || !isBlankArticle(JSON.parse(row.doc) as Article)) return false;
      const others = this.db
        .prepare(
          'SELECT (SELECT count(*) FROM comments WHERE article_pk = ?) + (SELECT count(*) FROM incoming_versions WHERE article_pk = ?)',
        )
        .pluck()
        .get(row.pk, row.pk) as number;
      if (others > 0) return false;
      unindexArticle(this.db, row.pk);
      this.db.prepare('DELETE FROM articles WHERE pk = ?').run(row.pk);
      return true;
    })();
  }

  /**
   * Deletes every trashed article with its history for good, one at a time so that a job can be
   * cancelled between them (the transaction then takes them all back). Returns how many went.
   */
  emptyTrash(job: Job = NO_JOB): number {
    return this.db.transaction(() => {
      const pks = this.db.prepare('SELECT pk FROM articles WHERE deleted_at IS NOT NULL').pluck().all() as number[];
      const remove = this.db.prepare('DELETE FROM articles WHERE pk = ?');
      for (const [i, pk] of pks.entries()) {
        job.progress('articles', i, pks.length);
        job.checkpoint();
        unindexArticle(this.db, pk);
        remove.run(pk);
      }
      job.progress('articles', pks.length, pks.length);
      return pks.length;
    })();
  }

  private writeRevision(pk: number, r: RevisionRecord): void {
    this.db
      .prepare(
        'INSERT INTO revisions (article_pk, revision, saved_at, saved_by, status, headline, doc, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(pk, r.revision, r.savedAt, r.savedBy, r.status, r.doc.headline, encodeRevision(r.doc), r.note);
    // The one place revisions are written, so the record of pictures in use cannot miss one.
    const uses = this.db.prepare('INSERT OR IGNORE INTO revision_assets (article_pk, asset_id) VALUES (?, ?)');
    for (const block of r.doc.body) if (block.type === 'image' && block.assetId) uses.run(pk, block.assetId);
  }

  /** Writes the article's current text and the columns the list sorts and filters on; returns its pk. */
  private writeHead(row: ArticleRow | undefined, article: Article, createdBy: string): number {
    const doc = JSON.stringify(article);
    const problems = imageProblems(article, this.photos);
    if (row) {
      this.db
        .prepare(
          'UPDATE articles SET revision = ?, status = ?, language = ?, headline = ?, rubric = ?, updated_at = ?, doc = ?, image_problems = ? WHERE pk = ?',
        )
        .run(
          article.revision,
          article.status,
          article.language,
          article.headline,
          article.rubric,
          article.updatedAt,
          doc,
          problems,
          row.pk,
        );
      return row.pk;
    }
    return Number(
      this.db
        .prepare(
          'INSERT INTO articles (id, revision, status, language, headline, rubric, created_at, updated_at, doc, created_by, image_problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          article.id,
          article.revision,
          article.status,
          article.language,
          article.headline,
          article.rubric,
          article.createdAt,
          article.updatedAt,
          doc,
          createdBy,
          problems,
        ).lastInsertRowid,
    );
  }

  private linkAssets(pk: number, article: Article): void {
    this.db.prepare('DELETE FROM article_assets WHERE article_pk = ?').run(pk);
    const ids = new Set(attachedImages(article.body).map((b) => b.assetId));
    const known = this.db.prepare('SELECT 1 FROM assets WHERE id = ?').pluck();
    const link = this.db.prepare('INSERT INTO article_assets (article_pk, asset_id) VALUES (?, ?)');
    for (const assetId of ids) {
      if (!known.get(assetId)) {
        throw new BylineError(
          'invalid-input',
          `The article refers to image ${assetId.slice(0, 12)}…, which is not in the store. Add the image first; nothing was saved.`,
        );
      }
      link.run(pk, assetId);
    }
  }

  private conflict(row: ArticleRow, basedOn: number): BylineError {
    const latest = this.db
      .prepare('SELECT saved_at AS savedAt, saved_by AS savedBy FROM revisions WHERE article_pk = ? AND revision = ?')
      .get(row.pk, row.revision) as { savedAt: string; savedBy: string };
    return new BylineError(
      'conflict',
      `Conflict: ${latest.savedBy} saved revision ${row.revision} at ${latest.savedAt}, after the revision ${basedOn} this edit was based on. Nothing was overwritten.`,
      { id: row.id, currentRevision: row.revision, basedOn, savedBy: latest.savedBy, savedAt: latest.savedAt },
    );
  }

  private pkOf(id: string, includeTrashed: boolean): number {
    const row = this.db.prepare('SELECT pk, deleted_at FROM articles WHERE id = ?').get(id) as
      { pk: number; deleted_at: string | null } | undefined;
    if (!row || (row.deleted_at && !includeTrashed)) throw new BylineError('not-found', `No article with id ${id}.`);
    return row.pk;
  }

  /** Called when trash/restore changed nothing: either the id is unknown or it is already there. */
  private explainNoChange(id: string, where: 'trash' | 'list'): never {
    this.pkOf(id, true);
    throw new BylineError(
      'invalid-input',
      where === 'trash' ? `The article ${id} is already in the trash.` : `The article ${id} is not in the trash.`,
    );
  }
}

/** The characters an article holds in its fields and body: what limits.articleChars bounds. */
function articleChars(a: Pick<Article, 'rubric' | 'kicker' | 'headline' | 'teaser' | 'body'>): number {
  return a.rubric.length + a.kicker.length + a.headline.length + a.teaser.length + bodyText(a.body).length;
}
