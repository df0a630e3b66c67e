import type { Migration } from './types';

/**
 * The typing journal: the latest text of an open article as the editor sends it a few times a
 * second, so a renderer crash loses at most that interval instead of the autosave delay. One row
 * per article, gone with the article.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'journal',
  up(db) {
    db.exec(`
      CREATE TABLE journal (
        article_pk INTEGER PRIMARY KEY REFERENCES articles (pk) ON DELETE CASCADE,
        written_at TEXT NOT NULL,
        doc TEXT NOT NULL
      ) STRICT;
    `);
  },
};
