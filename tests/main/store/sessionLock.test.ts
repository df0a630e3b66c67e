import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertNoSession, holdSession, sessionHolder } from '../../../src/main/store/sessionLock';
import { Store } from '../../../src/main/store/store';
import { seedArticle } from '../../helpers/articles';
import { tempDir } from '../../helpers/tmp';
import { byline } from '../cli/run';

const WEB = path.resolve(import.meta.dirname, '..', '..', '..', 'dist', 'main', 'web.cjs');

/** Browser mode as `npm run web` runs it, on the given database; resolves once it prints its address. */
function startWeb(db: string) {
  const child = spawn(process.execPath, [WEB, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = new Promise<void>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('?token=')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`browser mode exited (${code}): ${out}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) =>
      child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')),
    );
  return { ready, stop, pid: child.pid! };
}

describe('the store while an app holds it', () => {
  it('refuses restore-backup and empty-trash while browser mode runs, naming it, and allows them after', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'byline.db');
    const store = Store.open(db);
    const a = store.articles.create(seedArticle(), 'anna');
    store.articles.trash(a.id);
    store.close();
    expect(byline(['--db', db, 'backup', path.join(dir, 'backup')]).code).toBe(0);

    const web = startWeb(db);
    try {
      await web.ready;
      const restore = byline(['--db', db, 'restore-backup', path.join(dir, 'backup')]);
      expect(restore.code).toBe(3); // a conflict, as with a stale save
      expect(restore.stderr).toContain(
        `Restoring a backup is not possible while browser mode (process ${web.pid}) has this store open`,
      );
      const empty = byline(['--db', db, 'empty-trash']);
      expect(empty.code).toBe(3);
      expect(empty.stderr).toContain('Emptying the trash from the command line is not possible while browser mode');
      // Reading and ordinary saves still work beside it.
      expect(byline(['--db', db, 'list', '--trashed']).stdout).toContain('IS-Kämpfer');
      // A second browser mode on the same store does not start.
      const second = startWeb(db);
      await expect(second.ready).rejects.toThrow(/Starting browser mode is not possible while browser mode/);
    } finally {
      await web.stop();
    }
    expect(sessionHolder(db)).toBeNull();
    expect(byline(['--db', db, 'empty-trash']).code).toBe(0);
    expect(byline(['--db', db, 'restore-backup', path.join(dir, 'backup')]).code).toBe(0);
  }, 60_000);

  it('takes no notice of a session file left by a process that is gone', () => {
    const db = path.join(tempDir(), 'byline.db');
    fs.writeFileSync(
      `${db}.session`,
      JSON.stringify({
        kind: 'browser mode',
        pid: 2 ** 22 + 12345,
        host: os.hostname(),
        since: '2026-12-01T10:00:00Z',
      }),
    );
    expect(sessionHolder(db)).toBeNull();
    expect(() => assertNoSession(db, 'Restoring a backup')).not.toThrow();
    const release = holdSession(db, 'test');
    expect(JSON.parse(fs.readFileSync(`${db}.session`, 'utf8'))).toMatchObject({ kind: 'test', pid: process.pid });
    release();
    expect(fs.existsSync(`${db}.session`)).toBe(false);
  });
});
