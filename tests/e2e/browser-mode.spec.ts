import fs from 'node:fs';
import path from 'node:path';
import { EditorPage } from './editorPage';
import { expect, test } from './fixtures';

/**
 * Browser mode's server can stop under an open tab (a closed terminal, a crash). Text typed
 * meanwhile must not be lost: the page keeps it, the server comes back on the same address, and
 * the tab saves by itself or offers the text back.
 */

test('the server stops and comes back: the open tab saves what was typed meanwhile by itself', async ({
  app,
  appPage: page,
}) => {
  const editor = new EditorPage(page);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.keyboard.type('Vor dem Ausfall');
  // The keys may have gone to the type-ahead while the article opened: wait for them in the text.
  await expect(editor.field('Headline')).toHaveText('Vor dem Ausfall');
  await editor.waitSaved();

  await app.kill();
  await page.keyboard.type(' und danach');
  await expect(editor.saveState).toHaveText(/^Not saved/);

  // Same data folder, same address: the tab needs nothing from the person.
  expect(await app.restart()).toBe(app.url);
  await expect(editor.saveState).toHaveText(/^Saved \d/, { timeout: 20_000 });
  expect(EditorPage.storedArticle(app.dbPath).headline).toBe('Vor dem Ausfall und danach');
});

test('text typed while the server was down survives the tab being closed, and is offered back', async ({
  app,
  appPage: page,
}) => {
  const editor = new EditorPage(page);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.keyboard.type('Waldbrand');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Die Feuerwehr');
  await expect(editor.body.locator('p').first()).toHaveText('Die Feuerwehr');
  await editor.waitSaved();
  const id = new URL(page.url()).hash.replace('#/article/', '');

  await app.kill();
  await page.keyboard.type(' kämpft seit Stunden gegen die Flammen.');
  await expect(editor.saveState).toHaveText(/^Not saved/);
  // The page has kept the text in its own journal (IndexedDB) before the tab goes.
  const journal = () =>
    page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('byline-journal');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('entries')) return resolve('');
            const all = db.transaction('entries').objectStore('entries').getAll();
            all.onsuccess = () => resolve(JSON.stringify(all.result));
            all.onerror = () => reject(all.error);
          };
        }),
    );
  await expect.poll(journal).toContain('kämpft seit Stunden gegen die Flammen.');
  await page.close();

  await app.restart();
  const again = await page.context().newPage();
  await again.goto(`${app.base}#/article/${id}`);
  const offer = again.getByRole('alert', { name: 'Unsaved text found' });
  await expect(offer).toContainText('never saved');
  await expect(offer.locator('ins')).toContainText('kämpft seit Stunden gegen die Flammen.');
  await offer.getByRole('button', { name: 'Restore the unsaved text' }).click();
  const editor2 = new EditorPage(again);
  await expect(editor2.body.locator('p').first()).toHaveText('Die Feuerwehr kämpft seit Stunden gegen die Flammen.');
  await editor2.waitSaved();
  expect(EditorPage.storedArticle(app.dbPath).body).toEqual([
    { type: 'paragraph', children: [{ text: 'Die Feuerwehr kämpft seit Stunden gegen die Flammen.' }] },
  ]);

  // Once restored, nothing is offered again.
  await again.reload();
  await expect(editor2.body.locator('p').first()).toHaveText('Die Feuerwehr kämpft seit Stunden gegen die Flammen.');
  await expect(again.getByRole('alert', { name: 'Unsaved text found' })).toHaveCount(0);
});

test('an export is offered to the browser as a download, byte for byte the file written', async ({
  app,
  appPage: page,
}) => {
  const editor = new EditorPage(page);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.keyboard.type('Zum Herunterladen');
  await expect(editor.field('Headline')).toHaveText('Zum Herunterladen');
  await editor.waitSaved();
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByRole('form', { name: 'Export' }).getByLabel('Format').selectOption({ label: 'Byline JSON' });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  const notice = page.getByRole('status').filter({ hasText: 'Exported to' });
  await expect(notice).toContainText('Your browser downloads it as well.');
  const written = /Exported to (\S+)/.exec((await notice.textContent()) ?? '')![1]!;
  expect(file.suggestedFilename()).toBe(path.basename(written));
  expect(fs.readFileSync(await file.path())).toEqual(fs.readFileSync(written));
  expect(written.startsWith(path.join(app.dataDir, 'exports'))).toBe(true);
});
