import type { Migration } from './types';

/**
 * The page an article was read from by guesswork (copied page text), with the corrections a
 * person made to how its lines were read: so the mapping can be shown beside the article and run
 * again, today or after a restart. One source an article; it goes with the article.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'import-sources',
  up(db) {
    db.exec(`
      CREATE TABLE import_sources (
        article_pk INTEGER PRIMARY KEY REFERENCES articles (pk) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        source BLOB NOT NULL,
        fixes TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
    `);
  },
};
