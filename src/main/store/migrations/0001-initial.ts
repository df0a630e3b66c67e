import type { Migration } from './types';

/** Articles with their current text, every revision compressed, assets, and the search index. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE articles (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        revision INTEGER NOT NULL,
        status TEXT NOT NULL,
        language TEXT NOT NULL,
        headline TEXT NOT NULL,
        rubric TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        doc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX articles_by_updated ON articles (deleted_at, updated_at DESC);
      CREATE INDEX articles_by_status ON articles (status, updated_at DESC);

      CREATE TABLE revisions (
        article_pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL,
        status TEXT NOT NULL,
        headline TEXT NOT NULL,
        doc BLOB NOT NULL,
        PRIMARY KEY (article_pk, revision)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE assets (
        id TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        byte_size INTEGER NOT NULL,
        original_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        metadata TEXT NOT NULL DEFAULT '{}'
      ) STRICT;

      CREATE TABLE article_assets (
        article_pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
        asset_id TEXT NOT NULL REFERENCES assets (id),
        PRIMARY KEY (article_pk, asset_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX article_assets_by_asset ON article_assets (asset_id);

      CREATE VIRTUAL TABLE article_fts USING fts5 (
        headline, teaser, body, keywords, credits,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
    `);
  },
};
