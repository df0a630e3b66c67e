import zlib from 'node:zlib';
import type { Migration } from './types';

/**
 * Which pictures each article's revisions use, any revision, not only the current one (that is
 * article_assets). A picture no row here names is unused, so emptying the trash can remove it
 * without reading every revision again. Filled from the existing revisions once.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'revision-assets',
  up(db) {
    db.exec(`
      CREATE TABLE revision_assets (
        article_pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
        asset_id TEXT NOT NULL,
        PRIMARY KEY (asset_id, article_pk)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX revision_assets_by_article ON revision_assets (article_pk);
    `);
    const add = db.prepare('INSERT OR IGNORE INTO revision_assets (article_pk, asset_id) VALUES (?, ?)');
    // A page at a time: SQLite cannot write on a connection while a query on it is still being read.
    const page = db.prepare(
      'SELECT article_pk, revision, doc FROM revisions WHERE (article_pk, revision) > (?, ?) ORDER BY article_pk, revision LIMIT 500',
    );
    for (let after = { article_pk: 0, revision: 0 }; ;) {
      const rows = page.all(after.article_pk, after.revision) as {
        article_pk: number;
        revision: number;
        doc: Buffer;
      }[];
      if (!rows.length) break;
      for (const row of rows) {
        // Read as plain JSON, not through today's article schema, which an old revision need not meet.
        const doc = JSON.parse(zlib.inflateRawSync(row.doc).toString('utf8')) as {
          body?: { type?: unknown; assetId?: unknown }[];
        };
        for (const block of doc.body ?? [])
          if (block.type === 'image' && typeof block.assetId === 'string') add.run(row.article_pk, block.assetId);
      }
      after = rows.at(-1)!;
    }
  },
};
