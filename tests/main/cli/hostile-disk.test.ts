import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../../src/main/store/store';
import { tempDir } from '../../helpers/tmp';
import { byline } from './run';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** Permissions do not bind root, so as root the CLI runs as `nobody` for the read-only tests. */
function asUnprivileged(): { uid?: number; gid?: number } {
  return isRoot ? { uid: NOBODY, gid: NOBODY } : {};
}

function readOnlyDir(): string {
  const base = tempDir();
  fs.chmodSync(base, 0o755);
  const ro = path.join(base, 'readonly');
  fs.mkdirSync(ro);
  return ro;
}

describe('a read-only folder', () => {
  it('creating a store there fails with a clear message', () => {
    const ro = readOnlyDir();
    fs.chmodSync(ro, 0o555);
    const r = byline(['--db', path.join(ro, 'byline.db'), 'new', '--headline', 'x'], asUnprivileged());
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`byline: Byline cannot create its database in ${ro}: the folder is not writable.\n`);
  });

  it('saving to an existing store there fails clearly and changes nothing', () => {
    const ro = readOnlyDir();
    const db = path.join(ro, 'byline.db');
    const store = Store.open(db);
    store.articles.create({ headline: 'Schon da' }, 'test');
    store.close();
    fs.chmodSync(db, 0o444);
    fs.chmodSync(ro, 0o555);
    const r = byline(['--db', db, 'new', '--headline', 'Neu'], asUnprivileged());
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `byline: ${db} is read-only here (the file or its folder is not writable): reading works, changes are refused.\nbyline: Byline cannot write to ${db} (attempt to write a readonly database). Check that the folder is writable.\n`,
    );
    fs.chmodSync(ro, 0o755);
    const check = Store.open(db);
    expect(check.articles.list().items.map((i) => i.headline)).toEqual(['Schon da']);
    check.close();
  });

  it('a store there opens read-only, says so, lists, searches and checks truthfully; repair is refused', () => {
    const ro = readOnlyDir();
    const db = path.join(ro, 'byline.db');
    const store = Store.open(db);
    const a = store.articles.create({ headline: 'Flüchtlinge in Albu Kamal' }, 'test');
    store.close();
    fs.chmodSync(db, 0o444);
    fs.chmodSync(ro, 0o555);
    const note = `byline: ${db} is read-only here (the file or its folder is not writable): reading works, changes are refused.\n`;
    const list = byline(['--db', db, 'list', '--query', 'Fluchtlinge'], asUnprivileged());
    expect(list).toMatchObject({ code: 0, stderr: note });
    expect(list.stdout).toContain(a.id);
    expect(byline(['--db', db, 'check'], asUnprivileged())).toMatchObject({
      code: 0,
      stderr: note,
      stdout:
        'ok: 1 articles, 1 revisions, 0 images\n  (read-only: the search index was compared by its entries, not checked itself)\n',
    });
    expect(byline(['--db', db, 'check', '--repair'], asUnprivileged())).toMatchObject({
      code: 1,
      stderr: `${note}byline: ${db} is read-only here, so it cannot be repaired; nothing was changed.\n`,
    });
    expect(fs.readdirSync(ro)).toEqual(['byline.db']);
  });
});

const canMount = isRoot && process.platform === 'linux';

/**
 * A real full disk: a 2 MB tmpfs where we may mount one (root on Linux); and everywhere a file-size
 * limit (RLIMIT_FSIZE, with SIGXFSZ ignored) under which writes past 2 MB fail as on a full disk.
 */
function smallDisk(kind: 'tmpfs' | 'file-size limit'): {
  dir: string;
  command: (args: string[]) => [string, string[]];
  cleanup(): void;
} {
  const dir = tempDir();
  if (kind === 'tmpfs') {
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir]);
    if (mounted.status !== 0) throw new Error(`mount failed: ${mounted.stderr}`);
    return { dir, command: (args) => [process.execPath, args], cleanup: () => void spawnSync('umount', ['-l', dir]) };
  }
  return {
    dir,
    command: (args) => ['/bin/bash', ['-c', 'trap "" XFSZ; ulimit -f 4096; exec "$0" "$@"', process.execPath, ...args]],
    cleanup: () => undefined,
  };
}

describe('a full disk', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it.each([
    ['tmpfs', canMount],
    ['file-size limit', process.platform !== 'win32'],
  ] as const)(
    '%s: a save that does not fit fails clearly; earlier saves are kept and the store checks out',
    (kind, possible) => {
      if (!possible) {
        console.log(`skipped ${kind}: needs root on Linux to mount a tmpfs`);
        return;
      }
      const disk = smallDisk(kind);
      cleanups.push(disk.cleanup);
      const db = path.join(disk.dir, 'byline.db');
      const big = 'Langer Text, der die kleine Platte füllt. '.repeat(4000); // ~170 KB per article
      const saved: string[] = [];
      let failure = '';
      for (let i = 0; i < 40 && !failure; i++) {
        const file = path.join(tempDir(), 'a.json');
        fs.writeFileSync(
          file,
          JSON.stringify({ headline: `Artikel ${i}`, body: [{ type: 'paragraph', children: [{ text: big + i }] }] }),
        );
        const [cmd, args] = disk.command([path.resolve('bin/byline.cjs'), '--db', db, '--json', 'save', file]);
        const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, BYLINE_DB: '' } });
        if (r.status === 0) saved.push(JSON.parse(r.stdout).article.id);
        else failure = r.stderr;
      }
      // A full tmpfs is ENOSPC, which SQLite reports as SQLITE_FULL; a size limit is EFBIG, which it
      // reports only as a write error. Each gets a message that says what is safe.
      expect(JSON.parse(failure)).toEqual({
        error:
          kind === 'tmpfs'
            ? {
                code: 'disk-full',
                message: `The disk holding ${db} is full: the change was not saved and the store is unchanged. Free some space and save again.`,
              }
            : {
                code: 'io',
                message: `Writing to ${db} failed (disk I/O error); the disk may be full, over a size limit or failing. The change was not saved; the last acknowledged save is safe.`,
              },
      });
      expect(saved.length).toBeGreaterThan(2);

      const store = Store.open(db);
      try {
        expect(store.check().problems).toEqual([]);
        expect(
          store.articles
            .list({ limit: 1000 })
            .items.map((i) => i.id)
            .sort(),
        ).toEqual([...saved].sort());
      } finally {
        store.close();
      }
    },
  );
});
