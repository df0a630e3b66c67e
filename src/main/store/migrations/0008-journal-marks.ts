import type { Migration } from './types';

/**
 * Which editor wrote a journal entry and how far it had got (a count of its changes), so a save
 * from that editor clears every entry it covers, also one holding an older, shorter text.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'journal-marks',
  up(db) {
    db.exec(`
      ALTER TABLE journal ADD COLUMN session TEXT NOT NULL DEFAULT '';
      ALTER TABLE journal ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
