import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { ArticleSchema } from '../../shared/model/article';
import { describeIssues } from '../../shared/errors';
import type { IntegrityReport } from '../../shared/model/storeReports';
import { sha256File, type AssetStore } from './assets';

/**
 * Everything that can be verified without a person: SQLite's own page check, foreign keys, the
 * search index, every current article against the model, and every image file against its hash.
 */
export function checkIntegrity(db: Database, assets: AssetStore): IntegrityReport {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  for (const row of integrity) if (row.integrity_check !== 'ok') problems.push(`SQLite: ${row.integrity_check}`);

  const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const row of fk) problems.push(`Foreign key: ${row.table} row ${row.rowid} points to a missing ${row.parent} row`);

  try {
    db.prepare(`INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)`).run();
  } catch (error) {
    problems.push(`Search index: ${(error as Error).message}`);
  }
  const ftsRows = db.prepare('SELECT count(*) FROM article_fts').pluck().get() as number;
  const articleCount = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  if (ftsRows !== articleCount) problems.push(`Search index: ${ftsRows} entries for ${articleCount} articles`);

  const rows = db
    .prepare(`SELECT a.id, a.revision, a.doc, (SELECT max(revision) FROM revisions r WHERE r.article_pk = a.pk) AS latest FROM articles a`)
    .iterate() as IterableIterator<{ id: string; revision: number; doc: string; latest: number | null }>;
  for (const row of rows) {
    let parsed;
    try {
      parsed = ArticleSchema.safeParse(JSON.parse(row.doc));
    } catch (error) {
      problems.push(`Article ${row.id}: stored text is not JSON (${(error as Error).message})`);
      continue;
    }
    if (!parsed.success) problems.push(`Article ${row.id}: ${describeIssues(parsed.error.issues)}`);
    else if (parsed.data.revision !== row.revision) problems.push(`Article ${row.id}: revision column ${row.revision} but document says ${parsed.data.revision}`);
    if (row.latest !== row.revision) problems.push(`Article ${row.id}: current revision ${row.revision} but latest stored revision is ${row.latest ?? 'none'}`);
  }

  const ids = assets.ids();
  for (const id of ids) {
    const file = assets.pathOf(id);
    if (!fs.existsSync(file)) problems.push(`Image ${id}: file missing (${file})`);
    else if (sha256File(file) !== id) problems.push(`Image ${id}: file content does not match its hash`);
  }

  return {
    ok: problems.length === 0,
    problems,
    articles: articleCount,
    revisions: db.prepare('SELECT count(*) FROM revisions').pluck().get() as number,
    assets: ids.length,
  };
}
