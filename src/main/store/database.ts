import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BylineError } from '../../shared/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { translateSqliteError } from './sqliteErrors';
import { assertNoSession } from './sessionLock';

export interface OpenOptions {
  /** Path to the better-sqlite3 addon built for this runtime (Electron needs its own build). */
  nativeBinding?: string;
  /** Migrations to apply; tests pass a longer list to exercise upgrades. */
  migrations?: readonly { version: number; name: string; up(db: Database.Database): void }[];
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Opens (or creates) a Byline database: checks what is on disk before touching it, copies it aside
 * before a migration, applies pending migrations in one transaction and sets the pragmas every
 * connection needs. A file that is not SQLite, is damaged or is from a newer Byline is left as it was.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : LATEST_SCHEMA_VERSION;
  const exists = fs.existsSync(file);
  if (exists && !canWrite(file)) return openReadOnly(file, latest, options);
  if (exists) preflight(file, latest, options);
  else ensureWritableDirectory(file);

  let db: Database.Database | undefined;
  try {
    // Made readable by its user alone before SQLite first opens it (SQLite gives -wal and -shm the same mode).
    if (!exists) fs.closeSync(fs.openSync(file, 'wx', 0o600));
    db = new Database(file, { nativeBinding: options.nativeBinding, timeout: 5000 });
    applyPragmas(db);
    migrate(db, file, migrations);
    keepPrivate(file);
    return db;
  } catch (error) {
    db?.close();
    throw translateSqliteError(error, file);
  }
}

/** A schema from a newer Byline is left untouched: this version cannot know what it means. */
function assertNotNewer(file: string, version: number, latest: number): void {
  if (version > latest) {
    throw new BylineError(
      'store-newer',
      `${file} was written by a newer Byline (schema ${version}; this version understands up to ${latest}). Update Byline to open it; the file was not changed.`,
      { schemaVersion: version, supported: latest },
    );
  }
}

/** SQLite writes the database and, beside it, its -wal and -shm files: both must be writable. */
function canWrite(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A store on a read-only medium or without write permission (an archive, a colleague's copy) is
 * opened for reading: lists, searches, exports and checks work, and every change is refused by
 * SQLite itself, naming the file. It cannot be upgraded, so an older schema is refused.
 */
function openReadOnly(file: string, latest: number, options: OpenOptions): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = openReadOnlyInPlace(file, options) ?? openReadOnlySnapshot(file, options);
    const version = db.pragma('user_version', { simple: true }) as number;
    assertNotNewer(file, version, latest);
    if (version < latest) {
      throw new BylineError(
        'store-readonly',
        `${file} is read-only here and from an older Byline (schema ${version}); upgrading it to schema ${latest} needs write access to the file and its folder. Nothing was changed.`,
      );
    }
    db.pragma('foreign_keys = ON');
    db.pragma('trusted_schema = OFF');
    return db;
  } catch (error) {
    db?.close();
    throw translateSqliteError(error, file);
  }
}

/** Reading a WAL-mode file in place needs its -shm file, which a read-only folder cannot get. */
function openReadOnlyInPlace(file: string, options: OpenOptions): Database.Database | null {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    db.pragma('user_version', { simple: true });
    return db;
  } catch (error) {
    db.close();
    const code = String((error as { code?: unknown }).code ?? '');
    if (code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_CANTOPEN') return null;
    throw error;
  }
}

/**
 * Then the file is read into memory and opened there, read-only (its header marked as a
 * rollback-journal file, as SQLite needs to open it without a -shm). That is only a faithful copy
 * when no changes wait in a -wal file: a store that was not closed cleanly is refused instead.
 */
function openReadOnlySnapshot(file: string, options: OpenOptions): Database.Database {
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    throw new BylineError(
      'store-readonly',
      `${file} is read-only here and was not closed cleanly: its last changes wait in ${path.basename(wal)}, and reading them needs write access to the folder. Nothing was changed.`,
    );
  }
  const bytes = fs.readFileSync(file);
  if (bytes.length >= 20) bytes[18] = bytes[19] = 1;
  return new Database(bytes, { readonly: true, nativeBinding: options.nativeBinding });
}

function applyPragmas(db: Database.Database): void {
  // WAL with FULL sync: a commit returns only after the WAL is on disk.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('trusted_schema = OFF');
}

/**
 * The store holds the newsroom server's device token and unpublished copy: readable by its user
 * only. A store made readable to others (by an older Byline, a copy, a umask) is closed up on open.
 */
function keepPrivate(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if (fs.statSync(f).mode & 0o077) fs.chmodSync(f, 0o600);
    } catch {
      // Not there (yet), or not ours to change: nothing to close up.
    }
  }
}

function ensureWritableDirectory(file: string): void {
  const dir = path.dirname(path.resolve(file));
  try {
    // A folder Byline makes for its store is its user's alone; a folder someone chose keeps its mode.
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    throw new BylineError(
      'store-readonly',
      `Byline cannot create its database in ${dir}: the folder is not writable.`,
      undefined,
      { cause: error },
    );
  }
}

/**
 * The header's own record of how long the file should be (SQLite file format, offsets 16, 24, 28, 92).
 * Null when the header does not vouch for it (files written by very old SQLite versions).
 */
export function expectedFileSize(header: Buffer): number | null {
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const changeCounter = header.readUInt32BE(24);
  const pages = header.readUInt32BE(28);
  const validFor = header.readUInt32BE(92);
  return pages > 0 && validFor === changeCounter ? pages * pageSize : null;
}

function preflight(file: string, latest: number, options: OpenOptions): void {
  const fd = fs.openSync(file, 'r');
  const header = Buffer.alloc(100);
  let size: number;
  try {
    size = fs.fstatSync(fd).size;
    fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (size === 0) return; // SQLite treats an empty file as an empty database.
  if (size < 100 || !header.subarray(0, 16).equals(SQLITE_HEADER)) {
    throw new BylineError(
      'store-not-sqlite',
      `${file} is not a Byline database (it is not an SQLite file). Nothing was changed.`,
    );
  }
  // A WAL left behind means the last session did not close cleanly (or another process has the
  // store open). Its pages are part of the database, and a checkpoint cut short (a full disk) can
  // leave the main file shorter than its header says while the WAL still holds the rest: so then
  // check every page, reading through the WAL. Without a WAL the header alone tells a truncated
  // file, which keeps opening a large store fast; `byline check` runs the full check on demand.
  const walPath = `${file}-wal`;
  const walPending = fs.existsSync(walPath) && fs.statSync(walPath).size > 0;
  const expected = expectedFileSize(header);
  if (!walPending && expected !== null && size < expected) {
    throw new BylineError(
      'store-corrupt',
      `${file} is damaged (it is ${size} bytes but should be ${expected}; it was probably cut short). Restore it from a backup; Byline did not change it.`,
    );
  }
  const needsCheck = walPending || expected === null;

  let ro: Database.Database | undefined;
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    const version = ro.pragma('user_version', { simple: true }) as number;
    assertNotNewer(file, version, latest);
    if (needsCheck) {
      const check = ro.pragma('quick_check', { simple: true });
      if (check !== 'ok') {
        throw new BylineError(
          'store-corrupt',
          `${file} is damaged (${String(check)}). Restore it from a backup; Byline did not change it.`,
        );
      }
    }
    if (version > 0 && version < latest) {
      // A running app would go on with the old schema under its feet: the upgrade waits until it quits.
      assertNoSession(file, `Upgrading the store to schema ${latest}`);
      copyBeforeMigration(ro, file, version);
    }
  } catch (error) {
    throw translateSqliteError(error, file);
  } finally {
    ro?.close();
  }
}

/** A consistent copy next to the database, so a failed or unwanted upgrade can be undone by hand. */
function copyBeforeMigration(db: Database.Database, file: string, version: number): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const copy = `${file}.before-v${version + 1}-${stamp}.bak`;
  db.prepare('VACUUM INTO ?').run(copy);
}

function migrate(db: Database.Database, file: string, migrations: NonNullable<OpenOptions['migrations']>): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current);
  if (!pending.length) return;
  db.transaction(() => {
    for (const m of pending) {
      try {
        m.up(db);
      } catch (error) {
        throw new BylineError(
          'internal',
          `Upgrading ${file} failed at migration ${m.version} (${m.name}): ${(error as Error).message}. The database was left at schema ${current}.`,
          undefined,
          { cause: error },
        );
      }
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}
