import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startStoreWorker } from '../../../src/main/ipc/storeWorkerClient';
import { Store } from '../../../src/main/store/store';
import { DEFAULT_HOUSE_STYLE } from '../../../src/shared/houseStyle';
import { seedArticle } from '../../helpers/articles';
import { tempDir } from '../../helpers/tmp';

const browserHost = {
  mode: 'browser' as const,
  chooseBackupDestination: async (p: string) => p,
  chooseExportPath: async (p: string) => p,
};

describe('the store worker', () => {
  it('runs the handlers on its own thread against the real store', async () => {
    const dbPath = path.join(tempDir(), 'byline.db');
    const worker = await startStoreWorker({ dbPath, houseStyle: DEFAULT_HOUSE_STYLE }, browserHost);
    try {
      const created = await worker.invoke('articles.create', { headline: 'Aus dem Thread' });
      expect(created).toMatchObject({ ok: true, value: { headline: 'Aus dem Thread', revision: 1 } });
      const id = (created as { value: { id: string } }).value.id;
      expect(await worker.invoke('articles.save', { article: { ...seedArticle(), id, revision: 1 } })).toMatchObject({
        ok: true,
        value: { changed: true, article: { revision: 2 } },
      });
      expect(await worker.invoke('articles.list', { query: 'Albu' })).toMatchObject({ ok: true, value: { total: 1 } });
      expect(await worker.invoke('articles.get', { id: '../etc' })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    } finally {
      await worker.close();
    }
    // Closed cleanly: the store opens again, with what the thread saved.
    const store = Store.open(dbPath);
    expect(store.articles.list().items.map((i) => i.revision)).toEqual([2]);
    store.close();
  });

  it('asks the host on the main thread (a dialog) and honours its answer', async () => {
    const dbPath = path.join(tempDir(), 'byline.db');
    const asked: string[] = [];
    const worker = await startStoreWorker(
      { dbPath, houseStyle: DEFAULT_HOUSE_STYLE },
      {
        mode: 'desktop',
        chooseBackupDestination: async (p) => (asked.push(p), null),
        chooseExportPath: async (p) => (asked.push(p), path.join(path.dirname(dbPath), 'chosen.json')),
        setSpellcheckLanguage: (l) => [`${l}-DE`],
      },
    );
    try {
      const { value } = (await worker.invoke('articles.create', { headline: 'Export' })) as { value: { id: string } };
      expect(await worker.invoke('articles.export', { id: value.id, format: 'json' })).toMatchObject({
        ok: true,
        value: { path: path.join(path.dirname(dbPath), 'chosen.json') },
      });
      expect(await worker.invoke('store.backup', {})).toMatchObject({ ok: true, value: { path: null } });
      expect(await worker.invoke('app.spellcheck', { language: 'de' })).toEqual({
        ok: true,
        value: { languages: ['de-DE'] },
      });
      expect(asked).toHaveLength(2);
    } finally {
      await worker.close();
    }
  });

  it('keeps the main thread free while it works: timers run during a backup of 60 MB of pictures', async () => {
    const dbPath = path.join(tempDir(), 'byline.db');
    const store = Store.open(dbPath);
    for (let i = 0; i < 30; i++) {
      const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(2 * 1024 * 1024)]);
      store.assets.add(jpeg, `p${i}.jpg`);
    }
    store.close();
    const worker = await startStoreWorker({ dbPath, houseStyle: DEFAULT_HOUSE_STYLE }, browserHost);
    try {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      const started = performance.now();
      const backup = await worker.invoke('store.backup', {});
      const ms = performance.now() - started;
      clearInterval(timer);
      expect(backup).toMatchObject({ ok: true, value: { assets: 30 } });
      // Were the copy on this thread, no timer could fire until it ended.
      expect(ticks).toBeGreaterThan(Math.min(10, ms / 20));
    } finally {
      await worker.close();
    }
  });

  it("refuses a store it cannot open with the store's own message", async () => {
    const dbPath = path.join(tempDir(), 'byline.db');
    Store.open(dbPath).close();
    const raw = new Database(dbPath);
    raw.pragma('user_version = 999');
    raw.close();
    await expect(startStoreWorker({ dbPath, houseStyle: DEFAULT_HOUSE_STYLE }, browserHost)).rejects.toThrow(
      /was written by a newer Byline \(schema 999/,
    );
    expect(fs.existsSync(dbPath)).toBe(true);
  });
});
