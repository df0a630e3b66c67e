import Database from 'better-sqlite3';
import { EditorPage } from './editorPage';
import { expect, test } from './fixtures';

/**
 * The window crashes between two autosaves. Timers run on Playwright's clock, so the test decides
 * that the journal (every 250 ms) has run and the autosave (a second after typing) has not.
 */
test('text typed after the last save survives a crashed window and is offered back when the article opens', async ({
  app,
  blankPage: page,
}) => {
  await page.clock.install();
  await page.goto(app.url);
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  await page.getByRole('button', { name: 'New article' }).click();
  const editor = new EditorPage(page);
  await editor.focusField('Headline');
  await page.keyboard.type('Kämpfe um Albu Kamal');
  await page.clock.runFor(300); // the journal's interval, not the autosave's delay

  const db = new Database(app.dbPath, { readonly: true });
  const journal = () => db.prepare('SELECT doc FROM journal').pluck().get() as string | undefined;
  await expect.poll(() => JSON.parse(journal() ?? '{}').headline).toBe('Kämpfe um Albu Kamal');
  expect(db.prepare('SELECT headline FROM articles').pluck().get()).toBe('');

  const id = new URL(page.url()).hash.replace('#/article/', '');
  const cdp = await page.context().newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  cdp.send('Page.crash').catch(() => undefined);
  await crashed;

  // The app is opened again (a new window), with real timers.
  const again = await page.context().newPage();
  await again.goto(`${app.url.split('#')[0]}#/article/${id}`);
  const offer = again.getByRole('alert', { name: 'Unsaved text found' });
  await expect(offer).toContainText('never saved');
  await expect(offer).toContainText('Kämpfe um Albu Kamal');
  await offer.getByRole('button', { name: 'Restore the unsaved text' }).click();
  const editor2 = new EditorPage(again);
  await expect(editor2.field('Headline')).toHaveText('Kämpfe um Albu Kamal');
  await editor2.waitSaved();
  expect(db.prepare('SELECT headline, revision FROM articles').get()).toEqual({
    headline: 'Kämpfe um Albu Kamal',
    revision: 2,
  });
  expect(journal()).toBeUndefined();
  db.close();

  // Opened once more: nothing is offered.
  await again.reload();
  await expect(editor2.field('Headline')).toHaveText('Kämpfe um Albu Kamal');
  await expect(again.getByRole('alert', { name: 'Unsaved text found' })).toHaveCount(0);
});
