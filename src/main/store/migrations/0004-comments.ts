import type { Migration } from './types';

/** Comment threads: a first comment with its anchor, replies pointing at it. */
export const migration0004: Migration = {
  version: 4,
  name: 'comments',
  up(db) {
    db.exec(`
      CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        article_pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
        parent_id TEXT REFERENCES comments (id) ON DELETE CASCADE,
        anchor TEXT,
        detached INTEGER NOT NULL DEFAULT 0,
        body TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revision INTEGER NOT NULL,
        resolved_at TEXT,
        resolved_by TEXT,
        changed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX comments_by_article ON comments (article_pk, created_at);
      CREATE INDEX comments_by_parent ON comments (parent_id);
    `);
  },
};
