import type { Migration } from './types';

/**
 * Comments over the newsroom server: the state of each comment (its `changed_at`) last exchanged
 * with the server. A comment changed here since then (written, resolved, reopened) waits to go out.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'sync-comments',
  up(db) {
    db.exec(`
      CREATE TABLE sync_comments (
        comment_id TEXT PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
        changed_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
