import type { Migration } from './types';

/**
 * Comments and pictures over the newsroom server: the state of each comment (its `changed_at`)
 * last exchanged with the server (a comment changed here since then waits to go out), and the
 * pictures the server has (sent from here or fetched from there), so each is sent once; and
 * which refusals have been answered.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'sync-comments-and-pictures',
  up(db) {
    db.exec(`
      CREATE TABLE sync_comments (
        comment_id TEXT PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
        changed_at TEXT NOT NULL
      ) STRICT;
      -- A refusal the person has answered (went back to the server's version): no longer shown.
      ALTER TABLE sync_revisions ADD COLUMN settled INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE sync_assets (
        asset_id TEXT PRIMARY KEY
      ) STRICT;
    `);
  },
};
