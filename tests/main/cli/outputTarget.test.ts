import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unusedName } from '../../../src/main/ipc/handlers';
import { Store } from '../../../src/main/store/store';
import { seedArticle } from '../../helpers/articles';
import { tempDir } from '../../helpers/tmp';
import { byline } from './run';

/** A store with the seed article, closed again: the CLI opens it as a person's shell would. */
function seededStore() {
  const dir = tempDir();
  const db = path.join(dir, 'byline.db');
  const store = Store.open(db);
  const id = store.articles.create(seedArticle(), 'anna').id;
  store.close();
  return { dir, db, id };
}

describe('where commands may write', () => {
  it("never writes a package over the store's own files, even with --force, and the store stays whole", () => {
    const { dir, db, id } = seededStore();
    const before = fs.readFileSync(db);
    for (const target of [db, `${db}-wal`, `${db}-shm`]) {
      for (const force of [[], ['--force']]) {
        const r = byline(['--db', db, 'pack', id, '--out', target, ...force]);
        expect(r.code, target).toBe(1);
        expect(r.stderr).toContain(
          "is one of the store's own files; Byline never writes over it. Nothing was written.",
        );
        expect(r.stderr).not.toMatch(/\\n\\s+at /); // a sentence, not a stack trace
      }
    }
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    expect(byline(['--db', db, 'list']).stdout).toContain('IS-Kämpfer holen Teile von Albu Kamal zurück');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces an existing file only with --force, and takes a folder as a folder', () => {
    const { dir, db, id } = seededStore();
    const pkg = path.join(dir, 'albu.byline');
    fs.writeFileSync(pkg, 'a file someone keeps');
    const refused = byline(['--db', db, 'pack', id, '--out', pkg]);
    expect(refused).toMatchObject({ code: 1 });
    expect(refused.stderr).toContain('exists already; add --force to replace it. Nothing was written.');
    expect(fs.readFileSync(pkg, 'utf8')).toBe('a file someone keeps');
    expect(byline(['--db', db, 'pack', id, '--out', pkg, '--force']).code).toBe(0);
    expect(fs.readFileSync(pkg).subarray(0, 2).toString('latin1')).toBe('PK');

    // A new folder written with a trailing slash, and an existing folder: the package goes inside.
    expect(byline(['--db', db, 'pack', id, '--out', path.join(dir, 'neu') + path.sep]).code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'neu'))).toHaveLength(1);
    expect(byline(['--db', db, 'pack', id, '--out', dir]).code).toBe(0);
  });

  it('refuses a file as the export folder with a sentence, and an export over an earlier one without --force', () => {
    const { dir, db, id } = seededStore();
    const file = path.join(dir, 'not-a-folder.txt');
    fs.writeFileSync(file, 'x');
    const r = byline(['--db', db, 'export', id, '--format', 'json', '--out', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`--out must be a folder, and ${file} is a file. Nothing was written.`);
    expect(r.stderr).not.toMatch(/\\n\\s+at /);
    const out = path.join(dir, 'out');
    expect(byline(['--db', db, 'export', id, '--format', 'json', '--out', out]).code).toBe(0);
    const again = byline(['--db', db, 'export', id, '--format', 'json', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists already; add --force to replace it.');
    expect(byline(['--db', db, 'export', id, '--format', 'json', '--out', out, '--force']).code).toBe(0);
  });

  it("gives browser mode's exports a free name instead of replacing an earlier one", () => {
    const dir = tempDir();
    const file = path.join(dir, 'albu-kamal.xml');
    expect(unusedName(file)).toBe(file);
    fs.writeFileSync(file, '1');
    fs.writeFileSync(path.join(dir, 'albu-kamal (2).xml'), '2');
    expect(unusedName(file)).toBe(path.join(dir, 'albu-kamal (3).xml'));
  });
});

describe('rough paths are answered with a sentence', () => {
  it('a backup into /proc ends at once with a sentence (a recursive mkdir there retried for ever)', () => {
    const { db } = seededStore();
    const r = byline(['--db', db, 'backup', '/proc/self/x'], { timeout: 15_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'byline: /proc/self/x.partial does not exist, or its folder cannot hold new files; choose another place. The store is unchanged.\n',
    );
    const missing = byline(['--db', db, 'backup', '/nonexistent-byline/backup']);
    expect(missing.stderr).toBe(
      'byline: The folder /nonexistent-byline does not exist; create it, or choose another place for the backup.\n',
    );
  });

  it('an export into a folder that cannot hold files names the file it meant, not its temp file, and leaves nothing', () => {
    const { db, id } = seededStore();
    const r = byline(['--db', db, 'export', id, '--format', 'nitf', '--out', '/proc/self/']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^byline: [0-9a-f-]{36}: \/proc\/self\/[^ ]+\.xml does not exist, or its folder cannot hold new files; choose another place\. The store is unchanged\.\n/,
    );
    expect(r.stderr).not.toContain('.tmp');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
