import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Electron's package downloads its binary on first use; where that fails there is nothing to drive. */
function electronBinary(): { path?: string; reason?: string } {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const binary = probe.stdout?.trim();
  if (probe.status === 0 && binary && fs.existsSync(binary)) return { path: binary };
  return { reason: "Electron's binary is not available on this machine (it downloads from outside the npm registry)" };
}

const found = electronBinary();

test.describe('desktop app (Electron)', () => {
  test.skip(!found.path, found.reason);

  test('opens the article list with the secure preload bridge', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-electron-'));
    const app = await electron.launch({
      executablePath: found.path,
      args: [root],
      env: { ...process.env, BYLINE_DB: path.join(dataDir, 'byline.db') },
    });
    const page = await app.firstWindow();
    await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
    // No Node in the page: contextIsolation + sandbox leave only the bridge.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys((window as unknown as { byline: object }).byline).sort())).toEqual([
      'invoke',
      'onMenuCommand',
      'onProgress',
    ]);
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByRole('textbox', { name: 'Headline', exact: true }).click();
    await page.keyboard.type('Aus Electron');
    await expect(page.getByTestId('save-state')).toHaveText(/^Saved \d/);
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
