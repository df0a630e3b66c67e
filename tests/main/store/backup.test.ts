import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/store/migrations';
import { Store, restoreStore } from '../../../src/main/store/store';
import { seedArticle } from '../../helpers/articles';
import { tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

describe('backup and restore', () => {
  it('backs up while open, and restores exactly that state', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'live', 'byline.db');
    const store = Store.open(dbPath);
    const asset = store.assets.add(tinyPng(1), 'bild.png');
    const a = store.articles.create(seedArticle(asset.id), 'anna');
    const manifest = await store.backup(path.join(dir, 'backup-1'));
    expect(manifest).toMatchObject({
      format: 'byline-backup',
      articles: 1,
      assets: 1,
      schemaVersion: LATEST_SCHEMA_VERSION,
    });
    expect(fs.existsSync(path.join(dir, 'backup-1.partial'))).toBe(false);
    // A closed backup is one file: no journal beside it.
    expect(fs.readdirSync(path.join(dir, 'backup-1')).sort()).toEqual(['assets', 'byline-backup.json', 'byline.db']);
    // It holds the device token too: its user's alone.
    expect(fs.statSync(path.join(dir, 'backup-1')).mode & 0o777).toBe(0o700);

    // Work goes on after the backup…
    store.articles.save({ ...a, headline: 'Nach dem Backup' }, 'anna');
    store.articles.create({ headline: 'Neu nach dem Backup' }, 'anna');
    store.close();

    // …and restoring brings back the backed-up state, keeping the replaced store aside.
    const { previous } = restoreStore(path.join(dir, 'backup-1'), dbPath);
    const restored = Store.open(dbPath);
    expect(restored.articles.list().items.map((i) => i.headline)).toEqual([a.headline]);
    expect(restored.articles.get(a.id)).toEqual(a);
    expect(restored.assets.read(asset.id).equals(tinyPng(1))).toBe(true);
    expect(restored.check().ok).toBe(true);
    restored.close();

    const old = Store.open(path.join(previous!, 'byline.db'));
    expect(old.articles.list().total).toBe(2);
    old.close();
  });

  it('refuses to overwrite a non-empty folder', async () => {
    const dir = tempDir();
    const store = Store.open(path.join(dir, 'byline.db'));
    fs.mkdirSync(path.join(dir, 'taken'));
    fs.writeFileSync(path.join(dir, 'taken', 'x'), 'x');
    await expect(store.backup(path.join(dir, 'taken'))).rejects.toThrow(/not empty/);
    store.close();
  });

  it('refuses to restore a damaged backup and leaves the store untouched', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'byline.db');
    const store = Store.open(dbPath);
    const asset = store.assets.add(tinyPng(2), 'bild.png');
    store.articles.create(seedArticle(asset.id), 'anna');
    await store.backup(path.join(dir, 'bak'));
    store.articles.create({ headline: 'Nur im Live-Store' }, 'anna');
    store.close();

    fs.writeFileSync(path.join(dir, 'bak', 'assets', asset.id.slice(0, 2), asset.id), 'manipuliert');
    expect(() => restoreStore(path.join(dir, 'bak'), dbPath)).toThrow(/failed its check.*does not match its hash/);
    expect(() => restoreStore(path.join(dir, 'nothing-here'), dbPath)).toThrow(/not a Byline backup/);
    expect(fs.readdirSync(dir).filter((f) => f.includes('restoring'))).toEqual([]);
    const after = Store.open(dbPath);
    expect(after.articles.list().total).toBe(2);
    after.close();
  });
});

describe('integrity check', () => {
  it('passes on a healthy store and reports missing or altered images', () => {
    const dir = tempDir();
    const store = Store.open(path.join(dir, 'byline.db'));
    const one = store.assets.add(tinyPng(3), 'a.png');
    const two = store.assets.add(tinyPng(4), 'b.png');
    store.articles.create(seedArticle(one.id), 'anna');
    expect(store.check()).toMatchObject({ ok: true, problems: [], articles: 1, revisions: 1, assets: 2 });

    fs.writeFileSync(store.assets.pathOf(one.id), 'verändert');
    fs.rmSync(store.assets.pathOf(two.id));
    const report = store.check();
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(2);
    expect(report.problems).toContainEqual(
      expect.stringMatching(new RegExp(`Image ${one.id}: file content does not match`)),
    );
    expect(report.problems).toContainEqual(expect.stringMatching(new RegExp(`Image ${two.id}: file missing`)));
    store.close();
  });

  it('reports a document that no longer matches the model or its revision', () => {
    const store = Store.open(path.join(tempDir(), 'byline.db'));
    const a = store.articles.create(seedArticle(), 'anna');
    store.db
      .prepare('UPDATE articles SET doc = ? WHERE id = ?')
      .run(JSON.stringify({ ...a, body: [{ type: 'video' }] }), a.id);
    store.db.prepare('UPDATE articles SET revision = 7 WHERE id = ?').run(a.id);
    const problems = store.check().problems.join('\n');
    expect(problems).toMatch(/body\.0\.type/);
    expect(problems).toMatch(/current revision 7 but latest stored revision is 1/);
    store.close();
  });
});
