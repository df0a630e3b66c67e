import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Store } from '../../src/main/store/store';
import { launchChromium, startBrowserMode } from './harness';

// Long jobs show how far they got and stop on Cancel, leaving the store as it was.

test('a backup shows its progress and, cancelled, writes no backup folder; the next one completes', async () => {
  const app = await startBrowserMode((dbPath) => {
    // 200 MB of pictures: long enough to press Cancel while they are copied.
    const store = Store.open(dbPath);
    for (let i = 0; i < 200; i++)
      store.assets.add(
        Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(1024 * 1024)]),
        `p${i}.jpg`,
      );
    store.close();
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(app.url);
    await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
    await page.getByRole('button', { name: 'Back up now' }).click();
    const bar = page.getByTestId('job-bar');
    await expect(bar).toContainText(/Backing up/);
    await expect(bar.getByRole('progressbar')).toBeVisible();
    await page.screenshot({ path: 'test-results/job-bar.png' });
    await bar.getByRole('button', { name: 'Cancel' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'The backup was cancelled; no backup folder was written.' }),
    ).toBeVisible();
    await expect(bar).toBeHidden();
    const backups = path.join(app.dataDir, 'backups');
    expect(fs.existsSync(backups) ? fs.readdirSync(backups) : []).toEqual([]);

    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Backed up 0 articles and 200 images/ })).toBeVisible({
      timeout: 60_000,
    });
    expect(fs.readdirSync(backups)).toHaveLength(1);
  } finally {
    await browser.close();
    await app.stop();
  }
});

test('an import of many files shows its progress and, cancelled, stores none of them', async () => {
  const app = await startBrowserMode();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(app.url);
    await expect(page.locator('.app[data-ready="true"]')).toBeVisible();

    const drop = async (files: { name: string; text: string; repeat: number }[]) => {
      const dataTransfer = await page.evaluateHandle((list) => {
        const dt = new DataTransfer();
        for (const f of list) dt.items.add(new File([f.text.repeat(f.repeat)], f.name, { type: 'text/markdown' }));
        return dt;
      }, files);
      const list = page.getByRole('main');
      await list.dispatchEvent('dragover', { dataTransfer });
      await list.dispatchEvent('drop', { dataTransfer });
    };
    // 30 files of about 2 MB each: read and checked one after another.
    await drop(
      Array.from({ length: 30 }, (_, i) => ({
        name: `meldung-${i}.md`,
        text: `# Meldung ${i}\n\n${'Ein Absatz mit Text. '.repeat(50)}\n\n`,
        repeat: 2000,
      })),
    );
    const bar = page.getByTestId('job-bar');
    await expect(bar).toContainText(/Reading files to import \(\d+ of 30\)/);
    await bar.getByRole('button', { name: 'Cancel' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'The import was cancelled; nothing from it was stored.' }),
    ).toBeVisible({ timeout: 30_000 });
    await page.reload();
    await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(0);

    // Not cancelled, a batch comes in whole.
    await drop([
      { name: 'eins.md', text: '# Erste Meldung\n\nText.\n', repeat: 1 },
      { name: 'zwei.md', text: '# Zweite Meldung\n\nText.\n', repeat: 1 },
    ]);
    await expect(page.getByRole('status').filter({ hasText: 'Imported 2 articles' })).toContainText(
      'Erste Meldung, Zweite Meldung',
    );
    await page.reload();
    await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(2);
  } finally {
    await browser.close();
    await app.stop();
  }
});
