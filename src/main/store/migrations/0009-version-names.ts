import type { Migration } from './types';

/**
 * Names for versions ("Print edition", "As sent to AFP"): kept beside the revisions, never in
 * them, because a revision's saved text does not change once another machine may have seen it.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'version-names',
  up(db) {
    db.exec(`
      CREATE TABLE version_names (
        article_pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        name TEXT NOT NULL,
        named_by TEXT NOT NULL,
        named_at TEXT NOT NULL,
        PRIMARY KEY (article_pk, revision)
      ) STRICT;
    `);
  },
};
