import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/ipc/handlers';
import { startStoreWorker } from '../../../src/main/ipc/storeWorkerClient';
import { Jobs } from '../../../src/main/jobs/jobs';
import { Store } from '../../../src/main/store/store';
import { BylineError } from '../../../src/shared/errors';
import { DEFAULT_HOUSE_STYLE } from '../../../src/shared/houseStyle';
import type { JobProgress } from '../../../src/shared/jobs';
import { ArticleInputSchema } from '../../../src/shared/model/article';
import { seedArticle } from '../../helpers/articles';
import { tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

const browserHost = {
  mode: 'browser' as const,
  chooseBackupDestination: async (p: string) => p,
  chooseExportPath: async (p: string) => p,
};

/** Jobs that cancel themselves once they have reported `after` steps of `phase`: a person pressing Cancel mid-way. */
function cancellingJobs(phase: JobProgress['phase'], after = 1): { jobs: Jobs; seen: JobProgress[] } {
  const seen: JobProgress[] = [];
  const jobs: Jobs = new Jobs(
    (p) => {
      seen.push(p);
      if (!p.ended && p.phase === phase && p.done >= after) jobs.cancel(p.job);
    },
    undefined,
    0, // every step reported, so the cancel comes exactly where the test says
  );
  return { jobs, seen };
}

/** Everything a store holds, to compare before and after a cancelled job. */
function snapshot(store: Store) {
  return {
    articles: store.articles.list({ trashed: true }).items.map((a) => [a.id, a.revision]),
    listed: store.articles.list().total,
    revisions: store.db.prepare('SELECT count(*) FROM revisions').pluck().get(),
    assets: store.assets.ids().sort(),
    files: store.assets.ids().filter((id) => fs.existsSync(store.assets.pathOf(id))).length,
  };
}

describe('long jobs: progress and cancel', () => {
  it('a backup on the store thread reports its progress and, cancelled mid-copy, leaves no folder behind', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'byline.db');
    const store = Store.open(dbPath);
    for (let i = 0; i < 40; i++)
      store.assets.add(
        Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(1024 * 1024)]),
        `p${i}.jpg`,
      );
    store.close();
    const seen: JobProgress[] = [];
    let cancelled = false;
    const worker = await startStoreWorker(
      { dbPath, houseStyle: DEFAULT_HOUSE_STYLE },
      { ...browserHost, chooseBackupDestination: async () => path.join(dir, 'backup') },
      {
        onProgress: (p) => {
          seen.push(p);
          // Pressed while the pictures are copied: the flag reaches the busy thread.
          if (!cancelled && p.phase === 'pictures') {
            cancelled = true;
            void worker.invoke('jobs.cancel', { job: p.job });
          }
        },
      },
    );
    try {
      const result = await worker.invoke('store.backup', {});
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'cancelled', message: expect.stringMatching(/backup was cancelled/) },
      });
      expect(seen[0]).toMatchObject({ kind: 'backup', phase: 'database', ended: false });
      expect(seen.at(-1)).toMatchObject({ kind: 'backup', ended: true });
      expect(fs.readdirSync(dir).filter((f) => f.startsWith('backup'))).toEqual([]);

      // The next backup is not cancelled by the old flag, and reports every picture.
      seen.length = 0;
      cancelled = true;
      expect(await worker.invoke('store.backup', {})).toMatchObject({ ok: true, value: { assets: 40 } });
      expect(seen.filter((p) => p.phase === 'pictures').at(-1)).toMatchObject({ done: 40, total: 40 });
    } finally {
      await worker.close();
    }
  });

  it('refuses a malformed cancel at the main thread, before it reaches any job', async () => {
    const worker = await startStoreWorker(
      { dbPath: path.join(tempDir(), 'byline.db'), houseStyle: DEFAULT_HOUSE_STYLE },
      browserHost,
    );
    try {
      expect(await worker.invoke('jobs.cancel', { job: 'all' })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
      expect(await worker.invoke('jobs.cancel', { job: 7 })).toEqual({ ok: true, value: null });
    } finally {
      await worker.close();
    }
  });

  it('emptying the trash, cancelled after the first article, keeps every article and picture', async () => {
    const store = Store.open(path.join(tempDir(), 'byline.db'), { clock: () => '2027-01-01T00:00:00.000Z' });
    for (let i = 0; i < 5; i++) {
      const asset = store.assets.add(tinyPng(i + 1), `p${i}.png`);
      store.articles.trash(store.articles.create(seedArticle(asset.id), 'anna').id);
    }
    const before = snapshot(store);
    const { jobs, seen } = cancellingJobs('articles');
    const handlers = createHandlers(store, browserHost, 'desk', jobs);
    await expect(handlers['articles.emptyTrash']({})).rejects.toMatchObject({ code: 'cancelled' });
    expect(snapshot(store)).toEqual(before);
    expect(seen.some((p) => p.kind === 'empty-trash' && p.total === 5)).toBe(true);
    // Not cancelled, the same job deletes them all.
    expect(await createHandlers(store, browserHost, 'desk')['articles.emptyTrash']({})).toEqual({
      deleted: 5,
      pictures: 5,
    });
    store.close();
  });

  it('a credit change on many pictures, cancelled part-way, changes no article', async () => {
    const store = Store.open(path.join(tempDir(), 'byline.db'));
    const ids = Array.from({ length: 4 }, (_, i) => store.assets.add(tinyPng(i + 10), `p${i}.png`).id);
    for (const id of ids) store.articles.create(seedArticle(id), 'anna');
    const before = snapshot(store);
    const { jobs } = cancellingJobs('pictures', 2);
    const handlers = createHandlers(store, browserHost, 'desk', jobs);
    await expect(handlers['photos.setCredit']({ assetIds: ids, parts: { agency: 'dpa' } })).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(snapshot(store)).toEqual(before);
    store.close();
  });

  it('a check, cancelled while it reads the pictures, changes nothing and says so', async () => {
    const store = Store.open(path.join(tempDir(), 'byline.db'));
    for (let i = 0; i < 3; i++) store.assets.add(tinyPng(i + 20), `p${i}.png`);
    const { jobs } = cancellingJobs('pictures');
    await expect(createHandlers(store, browserHost, 'desk', jobs)['store.check']({})).rejects.toThrow(
      /check was cancelled.*nothing was changed/,
    );
    store.close();
  });
});

describe('import batches', () => {
  const nitf = (headline: string) =>
    Buffer.from(
      `<?xml version="1.0"?><nitf><head><title>${headline}</title></head><body><body.head><hedline><hl1>${headline}</hl1></hedline></body.head><body.content><p>Text von ${headline}.</p></body.content></body></nitf>`,
    ).toString('base64');

  it('stores nothing until the batch is committed, then every file at once; a discarded batch stores nothing', async () => {
    const store = Store.open(path.join(tempDir(), 'byline.db'));
    const handlers = createHandlers(store, browserHost, 'desk');
    const batch = crypto.randomUUID();
    for (const h of ['Eins', 'Zwei', 'Drei'])
      expect(await handlers['imports.stage']({ batch, fileName: `${h}.xml`, dataBase64: nitf(h) })).toEqual({
        fileName: `${h}.xml`,
        format: 'nitf',
      });
    expect(store.articles.list().total).toBe(0);
    const result = await handlers['imports.commit']({ batch });
    expect(result.imported.map((r) => [r.fileName, r.headline])).toEqual([
      ['Eins.xml', 'Eins'],
      ['Zwei.xml', 'Zwei'],
      ['Drei.xml', 'Drei'],
    ]);
    expect(store.articles.list().total).toBe(3);

    const dropped = crypto.randomUUID();
    await handlers['imports.stage']({ batch: dropped, fileName: 'Vier.xml', dataBase64: nitf('Vier') });
    handlers['imports.discard']({ batch: dropped });
    expect(await handlers['imports.commit']({ batch: dropped })).toEqual({ imported: [], refused: [] });
    expect(store.articles.list().total).toBe(3);
    store.close();
  });

  it('a file the parser refuses is refused at once, naming it; the rest of the batch goes on', async () => {
    const store = Store.open(path.join(tempDir(), 'byline.db'));
    const handlers = createHandlers(store, browserHost, 'desk');
    const batch = crypto.randomUUID();
    await expect(
      handlers['imports.stage']({
        batch,
        fileName: 'kaputt.docx',
        dataBase64: Buffer.from('PK\u0003\u0004 kaputt').toString('base64'),
      }),
    ).rejects.toThrow(/kaputt\.docx/);
    await handlers['imports.stage']({ batch, fileName: 'Gut.xml', dataBase64: nitf('Gut') });
    expect((await handlers['imports.commit']({ batch })).imported).toHaveLength(1);
    store.close();
  });

  it('a commit cancelled part-way takes back the articles and the picture files it had stored', async () => {
    const store = Store.open(path.join(tempDir(), 'byline.db'));
    const { jobs } = cancellingJobs('saving', 2);
    const handlers = createHandlers(store, browserHost, 'desk', jobs);
    const batch = crypto.randomUUID();
    for (let i = 0; i < 4; i++) {
      const png = `data:image/png;base64,${tinyPng(i + 30).toString('base64')}`;
      const html = `<html><head><title>Bild ${i}</title></head><body><h1>Bild ${i}</h1><p>Die Stadt hat am Freitag die neue Brücke über den Fluss für den Verkehr freigegeben.</p><figure><img src="${png}" alt="Bild"><figcaption>Bild ${i}</figcaption></figure></body></html>`;
      await handlers['imports.stage']({
        batch,
        fileName: `bild-${i}.html`,
        dataBase64: Buffer.from(html).toString('base64'),
      });
    }
    await expect(handlers['imports.commit']({ batch })).rejects.toMatchObject({ code: 'cancelled' });
    expect(store.articles.list().total).toBe(0);
    expect(store.assets.ids()).toEqual([]);
    expect(
      fs.readdirSync(store.assets.dir, { recursive: true }).filter((f) => /[0-9a-f]{64}$/.test(String(f))),
    ).toEqual([]);
    store.close();
  });

  it('a file the store refuses at commit is reported by name and the others are stored', async () => {
    const store = Store.open(path.join(tempDir(), 'byline.db'));
    const handlers = createHandlers(store, browserHost, 'desk');
    const a = store.articles.create({ headline: 'Hier geändert' }, 'anna');
    // A Byline JSON file of this article at revision 1, while this machine has saved revision 2.
    const stale = Buffer.from(JSON.stringify({ ...a, headline: 'Alt' })).toString('base64');
    store.articles.save({ ...a, headline: 'Hier weiter' }, 'anna');
    const batch = crypto.randomUUID();
    await handlers['imports.stage']({ batch, fileName: 'alt.json', dataBase64: stale });
    await handlers['imports.stage']({ batch, fileName: 'Neu.xml', dataBase64: nitf('Neu') });
    const result = await handlers['imports.commit']({ batch });
    expect(result.refused).toEqual([
      {
        fileName: 'alt.json',
        error: expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/alt\.json/) }),
      },
    ]);
    expect(result.imported.map((r) => r.headline)).toEqual(['Neu']);
    expect(store.articles.get(a.id).headline).toBe('Hier weiter');
    store.close();
  });

  it('refuses a batch past its size limit with a sentence, keeping what it holds', async () => {
    const { ImportBatches, MAX_BATCH_BYTES } = await import('../../../src/main/import/importBatches');
    const batches = new ImportBatches();
    const prepared = {
      kind: 'article' as const,
      fileName: 'gross.xml',
      imported: { article: ArticleInputSchema.parse(seedArticle()), format: 'nitf' as const, warnings: [] },
    };
    batches.stage('b', prepared, MAX_BATCH_BYTES - 10);
    expect(() => batches.stage('b', { ...prepared, fileName: 'zuviel.xml' }, 11)).toThrow(BylineError);
    expect(() => batches.stage('b', { ...prepared, fileName: 'zuviel.xml' }, 11)).toThrow(
      /zuviel\.xml was not added: one import may bring in at most 1 GB/,
    );
  });
});
