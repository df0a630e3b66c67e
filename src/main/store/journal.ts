import type { Database } from 'better-sqlite3';
import { BylineError } from '../../shared/errors';
import { ArticleInputSchema, type Article, type ParsedArticleInput } from '../../shared/model/article';
import { editedText, sameEditedText, type JournalMark } from '../../shared/model/journal';

export interface Recovery {
  /** The stored article with the journal's text on it: what to load and save again. */
  article: Article;
  writtenAt: string;
}

/**
 * The typing journal: the editor sends the text it has not saved yet a few times a second, and a
 * durable row per article keeps the latest, with the editor's mark (session and change count).
 * A save clears it when it covers it: the same text, or a save from the same editor at or after
 * the entry's mark (which holds everything the entry held, and more). When the article is opened
 * again and the journal still holds text the store does not, the editor offers it back. So a
 * crashed window loses at most the last fraction of a second, not the autosave delay, and a
 * save never leaves an older text behind to be offered as if the window had crashed.
 */
export class JournalRepository {
  constructor(
    private readonly db: Database,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** Keeps `article` (already checked against the model at the IPC boundary) as the latest unsaved text. */
  write(article: ParsedArticleInput, mark: JournalMark): void {
    if (!article.id) throw new BylineError('invalid-input', 'The journal takes an article with its id.');
    const pk = this.pkOf(article.id);
    // An entry of the same editor is only ever replaced by a later one.
    this.db
      .prepare(
        `INSERT INTO journal (article_pk, written_at, doc, session, seq) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (article_pk) DO UPDATE SET written_at = excluded.written_at, doc = excluded.doc, session = excluded.session, seq = excluded.seq
         WHERE journal.session <> excluded.session OR journal.seq < excluded.seq`,
      )
      .run(pk, this.now(), JSON.stringify(article), mark.session, mark.seq);
  }

  /** After a save: clears the journal when the store now holds its text, or the save's mark covers it. */
  settle(saved: Article, mark?: JournalMark): void {
    const entry = this.entry(saved.id);
    if (!entry) return;
    const covered = !!mark && entry.session === mark.session && entry.seq <= mark.seq;
    if (covered || !entry.doc || sameEditedText(entry.doc, saved)) this.discard(saved.id);
  }

  /** Text typed but not saved, on top of the stored article; null when there is none. */
  recovery(current: Article): Recovery | null {
    const entry = this.entry(current.id);
    if (!entry) return null;
    if (!entry.doc || sameEditedText(entry.doc, current)) {
      this.discard(current.id);
      return null;
    }
    return { article: { ...current, ...editedText(entry.doc) }, writtenAt: entry.writtenAt };
  }

  discard(id: string): void {
    this.db.prepare('DELETE FROM journal WHERE article_pk = (SELECT pk FROM articles WHERE id = ?)').run(id);
  }

  private entry(
    id: string,
  ): { writtenAt: string; session: string; seq: number; doc: ParsedArticleInput | null } | null {
    const row = this.db
      .prepare(
        'SELECT j.written_at AS writtenAt, j.session, j.seq, j.doc FROM journal j JOIN articles a ON a.pk = j.article_pk WHERE a.id = ?',
      )
      .get(id) as { writtenAt: string; session: string; seq: number; doc: string } | undefined;
    if (!row) return null;
    // A journal row that no longer reads as an article (a schema change) offers nothing.
    let doc: ParsedArticleInput | null = null;
    try {
      const parsed = ArticleInputSchema.safeParse(JSON.parse(row.doc));
      if (parsed.success) doc = parsed.data;
    } catch {
      // stays null
    }
    return { writtenAt: row.writtenAt, session: row.session, seq: row.seq, doc };
  }

  private pkOf(id: string): number {
    const row = this.db.prepare('SELECT pk, deleted_at FROM articles WHERE id = ?').get(id) as
      { pk: number; deleted_at: string | null } | undefined;
    if (!row) throw new BylineError('not-found', `No article with id ${id}.`);
    if (row.deleted_at) throw new BylineError('not-found', `The article ${id} is in the trash.`);
    return row.pk;
  }
}
