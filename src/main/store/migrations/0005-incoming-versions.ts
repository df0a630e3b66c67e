import type { Migration } from './types';

/**
 * Versions that arrived in a package after this machine had changed the same base revision. They
 * wait here, with every revision the sender made, until a person chooses; nothing is dropped.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'incoming-versions',
  up(db) {
    db.exec(`
      CREATE TABLE incoming_versions (
        id INTEGER PRIMARY KEY,
        article_pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
        received_at TEXT NOT NULL,
        sender TEXT NOT NULL,
        package_name TEXT NOT NULL,
        base_revision INTEGER NOT NULL,
        revisions BLOB NOT NULL,
        resolved_at TEXT,
        resolved_by TEXT,
        resolution TEXT
      ) STRICT;
      CREATE INDEX incoming_by_article ON incoming_versions (article_pk, resolved_at);
    `);
  },
};
