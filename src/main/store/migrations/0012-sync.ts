import type { Migration } from './types';

/**
 * The desktop's side of the newsroom server: where it signed in (and its device token), how far it
 * has pulled, and each local revision's record id on the server with the revisions it was made
 * on. A row with `pushed = 0` waits to go out: the outbox survives restarts and upgrades.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_server (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        url TEXT NOT NULL,
        account TEXT NOT NULL,
        device TEXT NOT NULL,
        token TEXT,
        cursor INTEGER NOT NULL DEFAULT 0,
        last_synced_at TEXT
      ) STRICT;
      CREATE TABLE sync_revisions (
        article_pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        record_id TEXT NOT NULL UNIQUE,
        parents TEXT NOT NULL,
        pushed INTEGER NOT NULL DEFAULT 0,
        refused TEXT,
        PRIMARY KEY (article_pk, revision)
      ) STRICT;
      -- Revisions from the server made on an older revision than this machine's: kept as a version
      -- to choose, like a diverged package.
      CREATE TABLE sync_incoming (
        record_id TEXT PRIMARY KEY,
        article_pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
        incoming_id INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
