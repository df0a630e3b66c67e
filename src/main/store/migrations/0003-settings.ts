import type { Migration } from './types';

/** Small per-store settings as JSON values; the first is the local profile. */
export const migration0003: Migration = {
  version: 3,
  name: 'settings',
  up(db) {
    db.exec(`CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`);
  },
};
