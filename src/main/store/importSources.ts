import zlib from 'node:zlib';
import type { Database } from 'better-sqlite3';
import { BylineError } from '../../shared/errors';
import { LineFixSchema, type LineFix } from '../../shared/model/pageMapping';

export interface ImportSource {
  fileName: string;
  importedAt: string;
  bytes: Buffer;
  fixes: LineFix[];
}

interface Row {
  file_name: string;
  imported_at: string;
  source: Buffer;
  fixes: string;
}

/** The pages articles were read from, kept for the import review (migration 0011). */
export class ImportSourceRepository {
  constructor(
    private readonly db: Database,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  keep(articleId: string, fileName: string, bytes: Uint8Array): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO import_sources (article_pk, file_name, imported_at, source, fixes) VALUES (?, ?, ?, ?, ?)',
      )
      .run(this.pk(articleId), fileName, this.now(), zlib.deflateRawSync(bytes), '[]');
  }

  /** The page and its corrections, or null when the article was not read from one. */
  get(articleId: string): ImportSource | null {
    const row = this.db
      .prepare('SELECT file_name, imported_at, source, fixes FROM import_sources WHERE article_pk = ?')
      .get(this.pk(articleId)) as Row | undefined;
    if (!row) return null;
    return {
      fileName: row.file_name,
      importedAt: row.imported_at,
      bytes: zlib.inflateRawSync(row.source),
      fixes: LineFixSchema.array().parse(JSON.parse(row.fixes)),
    };
  }

  setFixes(articleId: string, fixes: readonly LineFix[]): void {
    this.db
      .prepare('UPDATE import_sources SET fixes = ? WHERE article_pk = ?')
      .run(JSON.stringify(fixes), this.pk(articleId));
  }

  private pk(articleId: string): number {
    const pk = this.db.prepare('SELECT pk FROM articles WHERE id = ?').pluck().get(articleId) as number | undefined;
    if (pk === undefined) throw new BylineError('not-found', `No article with id ${articleId}.`);
    return pk;
  }
}
