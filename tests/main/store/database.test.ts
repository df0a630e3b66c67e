import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/store/database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src/main/store/migrations';
import { Store } from '../../../src/main/store/store';
import { BylineError } from '../../../src/shared/errors';
import { seedArticle } from '../../helpers/articles';
import { sha256, tempDir } from '../../helpers/tmp';

function expectError(fn: () => unknown, code: string, text: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BylineError);
    expect((error as BylineError).code).toBe(code);
    expect((error as BylineError).message).toMatch(text);
    return;
  }
  throw new Error('expected an error');
}

describe('openDatabase', () => {
  it('creates a database with WAL, full sync, foreign keys and the latest schema', () => {
    const file = path.join(tempDir(), 'nested', 'byline.db');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('keeps the store (it holds the device token) readable by its user only: the file, its -wal and -shm, and a folder it makes', () => {
    const dir = path.join(tempDir(), 'neu');
    const file = path.join(dir, 'byline.db');
    const store = Store.open(file);
    store.articles.create({ ...seedArticle(), body: [] }, 'Anna');
    const mode = (f: string) => fs.statSync(f).mode & 0o777;
    expect([mode(file), mode(`${file}-wal`), mode(`${file}-shm`), mode(dir)]).toEqual([0o600, 0o600, 0o600, 0o700]);
    store.close();
    // A store left readable by others (a copy, an older Byline) is closed up when opened.
    fs.chmodSync(file, 0o644);
    Store.open(file).close();
    expect(mode(file)).toBe(0o600);
  });

  it('refuses a database from a newer Byline and leaves it byte-identical', () => {
    const file = path.join(tempDir(), 'newer.db');
    const db = new Database(file);
    db.exec('CREATE TABLE future (x)');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const before = sha256(file);
    expectError(() => openDatabase(file), 'store-newer', /newer Byline .*not changed/);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['newer.db']);
  });

  it('refuses a file that is not SQLite and leaves it alone', () => {
    const file = path.join(tempDir(), 'notes.db');
    fs.writeFileSync(
      file,
      'Dies ist keine Datenbank, sondern ein Text, der lang genug ist, um wie eine Datei auszusehen.'.repeat(5),
    );
    const before = sha256(file);
    expectError(() => Store.open(file), 'store-not-sqlite', /not a Byline database/);
    expect(sha256(file)).toBe(before);
  });

  it('refuses a truncated database', () => {
    const dir = tempDir();
    const file = path.join(dir, 'full.db');
    const store = Store.open(file);
    for (let i = 0; i < 40; i++) store.articles.create({ ...seedArticle(), headline: `Artikel ${i}` }, 'test');
    store.close(); // a clean close checkpoints the WAL into the main file
    const truncated = path.join(dir, 'truncated.db');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const before = sha256(truncated);
    expectError(() => Store.open(truncated), 'store-corrupt', /damaged.*Restore it from a backup/);
    expect(sha256(truncated)).toBe(before);
  });

  it('accepts an empty file as a new database', () => {
    const file = path.join(tempDir(), 'empty.db');
    fs.writeFileSync(file, '');
    const store = Store.open(file);
    expect(store.articles.list().total).toBe(0);
    store.close();
  });
});

describe('migrations', () => {
  const NEXT = LATEST_SCHEMA_VERSION + 1;
  const v2 = {
    version: NEXT,
    name: 'test-add-column',
    up(db: Database.Database) {
      db.exec(`ALTER TABLE articles ADD COLUMN test_flag INTEGER NOT NULL DEFAULT 0`);
    },
  };

  it('upgrades in a transaction after copying the database aside', () => {
    const dir = tempDir();
    const file = path.join(dir, 'byline.db');
    const store = Store.open(file);
    const article = store.articles.create(seedArticle(), 'anna');
    store.close();

    const db = openDatabase(file, { migrations: [...MIGRATIONS, v2] });
    expect(db.pragma('user_version', { simple: true })).toBe(NEXT);
    expect(db.prepare('SELECT test_flag FROM articles WHERE id = ?').pluck().get(article.id)).toBe(0);
    db.close();

    const copies = fs.readdirSync(dir).filter((f) => f.includes(`.before-v${NEXT}-`));
    expect(copies).toHaveLength(1);
    const copy = new Database(path.join(dir, copies[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(copy.prepare('SELECT headline FROM articles').pluck().get()).toBe(article.headline);
    copy.close();
  });

  it('rolls a failing migration back completely', () => {
    const file = path.join(tempDir(), 'byline.db');
    const store = Store.open(file);
    store.articles.create(seedArticle(), 'anna');
    store.close();
    const broken = {
      version: NEXT,
      name: 'broken',
      up(db: Database.Database) {
        db.exec('ALTER TABLE articles ADD COLUMN half_done INTEGER');
        db.exec('THIS IS NOT SQL');
      },
    };
    expectError(
      () => openDatabase(file, { migrations: [...MIGRATIONS, broken] }),
      'internal',
      new RegExp(`migration ${NEXT} \\(broken\\).*left at schema ${LATEST_SCHEMA_VERSION}`),
    );
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const columns = (db.pragma('table_info(articles)') as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('half_done');
    db.close();
  });
});

describe('damage found when opening', () => {
  it('checks every page after an unclean shutdown and refuses a damaged store', () => {
    const dir = tempDir();
    const file = path.join(dir, 'byline.db');
    const store = Store.open(file);
    for (let i = 0; i < 30; i++) store.articles.create({ ...seedArticle(), headline: `Artikel ${i}` }, 'test');
    store.close();
    // Damage a page in the middle (not the header), then leave a WAL behind as a crash would.
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0x5a, pageSize * 3, pageSize * 4);
    fs.writeFileSync(file, bytes);
    fs.writeFileSync(`${file}-wal`, Buffer.from('left behind by a crash'));
    const damaged = sha256(file);
    expectError(() => Store.open(file), 'store-corrupt', /damaged/);
    expect(sha256(file)).toBe(damaged);
  });
});
