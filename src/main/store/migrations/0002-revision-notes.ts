import type { Migration } from './types';

/** A revision can carry a note: the reason given for a status change (back to the author, spiked). */
export const migration0002: Migration = {
  version: 2,
  name: 'revision-notes',
  up(db) {
    db.exec(`ALTER TABLE revisions ADD COLUMN note TEXT NOT NULL DEFAULT ''`);
  },
};
