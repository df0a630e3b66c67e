import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Becomes PRAGMA user_version once applied; numbers are consecutive from 1. */
  version: number;
  name: string;
  up(db: Database): void;
}
