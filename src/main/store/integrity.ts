import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { ArticleSchema } from '../../shared/model/article';
import { describeIssues } from '../../shared/errors';
import type { IntegrityReport } from '../../shared/model/storeReports';
import { sha256File, sniffImageType, type AssetStore } from './assets';
import { picturesInUse, scanAssetFolder } from './unusedPictures';
import { NO_JOB, type Job } from '../jobs/jobs';

/**
 * Everything that can be verified without a person: SQLite's own page check, foreign keys, the
 * search index, every current article against the model, every image file against its hash, and
 * the image folder against the image rows both ways. With `repair`, what is safe is fixed: a
 * picture file without its row gets the row back when an article uses it and is removed when
 * nothing does; renditions of pictures no longer listed and temp files a crash left are removed.
 * A row whose file is gone cannot be fixed here (a backup holds the file) and stays a problem.
 */
export function checkIntegrity(
  db: Database,
  assets: AssetStore,
  options: { repair?: boolean } = {},
  job: Job = NO_JOB,
): IntegrityReport {
  const problems: string[] = [];
  const repaired: string[] = [];
  // SQLite's page check is one call: the job can be cancelled before and after it, not during.
  job.progress('database', 0, 1);
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  for (const row of integrity) if (row.integrity_check !== 'ok') problems.push(`SQLite: ${row.integrity_check}`);

  const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const row of fk)
    problems.push(`Foreign key: ${row.table} row ${row.rowid} points to a missing ${row.parent} row`);

  // FTS5's own check is spelled as an INSERT, which a read-only store refuses: there the index is
  // compared by its entries alone (below), and the report says so.
  if (!db.readonly) {
    try {
      db.prepare(`INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)`).run();
    } catch (error) {
      problems.push(`Search index: ${(error as Error).message}`);
    }
  }
  const ftsRows = db.prepare('SELECT count(*) FROM article_fts').pluck().get() as number;
  const articleCount = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  if (ftsRows !== articleCount) problems.push(`Search index: ${ftsRows} entries for ${articleCount} articles`);

  job.progress('database', 1, 1);
  job.checkpoint();
  let checked = 0;
  const rows = db
    .prepare(
      `SELECT a.id, a.revision, a.doc, (SELECT max(revision) FROM revisions r WHERE r.article_pk = a.pk) AS latest FROM articles a`,
    )
    .iterate() as IterableIterator<{ id: string; revision: number; doc: string; latest: number | null }>;
  for (const row of rows) {
    if (++checked % 100 === 0) {
      job.progress('articles', checked, articleCount);
      job.checkpoint();
    }
    let parsed;
    try {
      parsed = ArticleSchema.safeParse(JSON.parse(row.doc));
    } catch (error) {
      problems.push(`Article ${row.id}: stored text is not JSON (${(error as Error).message})`);
      continue;
    }
    if (!parsed.success) problems.push(`Article ${row.id}: ${describeIssues(parsed.error.issues)}`);
    else if (parsed.data.revision !== row.revision)
      problems.push(`Article ${row.id}: revision column ${row.revision} but document says ${parsed.data.revision}`);
    if (row.latest !== row.revision)
      problems.push(
        `Article ${row.id}: current revision ${row.revision} but latest stored revision is ${row.latest ?? 'none'}`,
      );
  }

  const folder = scanAssetFolder(db, assets);
  const missing = new Set(folder.rowsWithoutFiles);
  const ids = assets.ids();
  for (const [i, id] of ids.entries()) {
    job.progress('pictures', i, ids.length);
    // Repairs come after this loop, so a check cancelled here has changed nothing.
    job.checkpoint();
    const file = assets.pathOf(id);
    if (missing.has(id)) problems.push(`Image ${id}: file missing (${file}); restore it from a backup`);
    else if (sha256File(file) !== id) problems.push(`Image ${id}: file content does not match its hash`);
  }
  job.progress('pictures', ids.length, ids.length);
  const used = folder.filesWithoutRows.length ? picturesInUse(db) : new Set<string>();
  for (const file of folder.filesWithoutRows) {
    const id = file.slice(-64);
    const inUse = used.has(id);
    if (!options.repair) {
      problems.push(`Image file ${file} has no row in the store (${inUse ? 'an article uses it' : 'nothing uses it'})`);
      continue;
    }
    const bytes = fs.readFileSync(file);
    const mime = sniffImageType(bytes);
    if (inUse && mime && crypto.createHash('sha256').update(bytes).digest('hex') === id) {
      db.prepare('INSERT INTO assets (id, mime, byte_size, original_name, created_at) VALUES (?, ?, ?, ?, ?)').run(
        id,
        mime,
        bytes.byteLength,
        `recovered-${id.slice(0, 12)}`,
        new Date().toISOString(),
      );
      repaired.push(`Image file ${file}: row restored (an article uses it)`);
    } else if (inUse) {
      problems.push(
        `Image file ${file} has no row, an article uses it, but it is not the picture its name says; restore it from a backup`,
      );
    } else {
      fs.rmSync(file, { force: true });
      repaired.push(`Image file ${file}: removed (no row, nothing uses it)`);
    }
  }
  for (const file of folder.strayFiles) {
    if (!options.repair) {
      problems.push(`Stray file ${file} (a rendition of a picture no longer stored, or a temp file a crash left)`);
      continue;
    }
    fs.rmSync(file, { force: true });
    repaired.push(`Stray file ${file}: removed`);
  }

  return {
    ok: problems.length === 0,
    problems,
    ...(options.repair ? { repaired } : {}),
    ...(db.readonly ? { readOnly: true } : {}),
    articles: articleCount,
    revisions: db.prepare('SELECT count(*) FROM revisions').pluck().get() as number,
    assets: assets.ids().length,
  };
}
