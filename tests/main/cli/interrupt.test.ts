import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../src/main/store/store';
import { tempDir } from '../../helpers/tmp';
import { BIN, byline } from './run';

/** Starts `byline …` and kills it (SIGKILL, as a closed terminal or a crash would) after `ms`. */
function killedAfter(args: string[], ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore', env: { ...process.env, BYLINE_DB: '' } });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const headlines = (db: string) => {
  const store = Store.open(db);
  try {
    return store.articles.list().items.map((a) => a.headline);
  } finally {
    store.close();
  }
};

describe('long commands stopped part-way', () => {
  it(
    'a restore killed at any moment leaves the store either as it was or wholly restored, and the next restore works',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      const db = path.join(dir, 'byline.db');
      const store = Store.open(db);
      store.articles.create({ headline: 'Im Backup' }, 'anna');
      for (let i = 0; i < 60; i++)
        store.assets.add(
          Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(1024 * 1024)]),
          `p${i}.jpg`,
        );
      await store.backup(path.join(dir, 'bak'));
      store.articles.create({ headline: 'Nach dem Backup' }, 'anna');
      store.close();
      const before = headlines(db).sort();

      // Killed early, mid-copy and late: never a store in between.
      for (const ms of [150, 400, 800]) {
        await killedAfter(['--db', db, 'restore-backup', path.join(dir, 'bak')], ms);
        const now = headlines(db).sort();
        expect([before, ['Im Backup']]).toContainEqual(now);
        if (now.length === 1) break; // restored whole; the later kills would test nothing new
      }
      const done = byline(['--db', db, 'restore-backup', path.join(dir, 'bak')]);
      expect(done.stderr).toBe('');
      expect(headlines(db)).toEqual(['Im Backup']);
      expect(fs.readdirSync(dir).filter((f) => f.includes('.restoring'))).toEqual([]);
      expect(byline(['--db', db, 'check']).code).toBe(0);
    },
  );

  it('an import killed while it reads its files stores none of them', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const db = path.join(dir, 'byline.db');
    Store.open(db).close();
    const files = Array.from({ length: 40 }, (_, i) => {
      const file = path.join(dir, `meldung-${i}.md`);
      fs.writeFileSync(file, `# Meldung ${i}\n\n${'Ein Absatz mit Text. '.repeat(100000)}\n`);
      return file;
    });
    await killedAfter(['--db', db, 'import', ...files], 1500);
    const stored = headlines(db);
    // Either it was still reading (nothing stored) or it had reached the one transaction (all stored).
    expect([0, 40]).toContain(stored.length);
  });
});
