import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { launchChromium, startBrowserMode, type RunningApp } from './harness';

let app: RunningApp;
test.beforeEach(async () => {
  app = await startBrowserMode();
});
test.afterEach(async () => {
  await app.stop();
});

async function openApp(page: Page, problems: string[]): Promise<void> {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(app.url);
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
}

test('create an article, type, reload: the text is there; delete and restore', async () => {
  const browser = await launchChromium();
  const page = await browser.newPage();
  const problems: string[] = [];
  await openApp(page, problems);
  // The token leaves the address bar once the session cookie is set.
  expect(page.url()).not.toContain('token=');

  await page.getByRole('button', { name: 'New article' }).click();
  const headline = page.getByLabel('Headline');
  await expect(headline).toBeFocused({ timeout: 1 }).catch(() => undefined);
  await headline.fill('IS-Kämpfer holen Teile von Albu Kamal zurück');
  await headline.press('Enter'); // Enter moves on to the teaser
  await expect(page.getByLabel('Teaser')).toBeFocused();
  await page.keyboard.type('Erst war von Militärerfolgen die Rede, jetzt folgt die Ernüchterung.');

  const body = page.getByRole('textbox', { name: 'Body' });
  await body.click();
  await page.keyboard.type('Die Dschihadistenmiliz habe einen Gegenangriff gestartet.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Albu Kamal ist die letzte Bastion.');

  await expect(page.getByTestId('save-state')).toHaveText(/^Saved \d/, { timeout: 10_000 });

  await page.reload();
  await expect(page.getByLabel('Headline')).toHaveValue('IS-Kämpfer holen Teile von Albu Kamal zurück');
  await expect(page.getByLabel('Teaser')).toHaveValue('Erst war von Militärerfolgen die Rede, jetzt folgt die Ernüchterung.');
  await expect(body.locator('p')).toHaveText(['Die Dschihadistenmiliz habe einen Gegenangriff gestartet.', 'Albu Kamal ist die letzte Bastion.']);

  // What the page shows is what the store holds: read the SQLite file directly.
  const db = new Database(app.dbPath, { readonly: true });
  const doc = JSON.parse(db.prepare('SELECT doc FROM articles').pluck().get() as string);
  db.close();
  expect(doc.headline).toBe('IS-Kämpfer holen Teile von Albu Kamal zurück');
  expect(doc.body).toEqual([
    { type: 'paragraph', children: [{ text: 'Die Dschihadistenmiliz habe einen Gegenangriff gestartet.' }] },
    { type: 'paragraph', children: [{ text: 'Albu Kamal ist die letzte Bastion.' }] },
  ]);

  // Back to the list, search, delete, find it in the trash, restore.
  await page.getByRole('button', { name: '← Articles' }).click();
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('kampfer');
  const rows = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  await expect(rows).toHaveCount(1);
  await rows.getByRole('button', { name: /Move .* to trash/ }).click();
  await expect(page.getByText('Nothing matches.')).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search articles' }).fill('');
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  const trashed = page.getByRole('list', { name: 'Articles in the trash' }).getByRole('listitem');
  await expect(trashed).toHaveCount(1);
  await trashed.getByRole('button', { name: /Restore/ }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await page.getByRole('button', { name: '← Articles' }).click();
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);

  // The strict CSP blocked nothing the app needs, and nothing failed.
  expect(problems).toEqual([]);
  await browser.close();
});

test('bold and italic survive a save and reload', async () => {
  const browser = await launchChromium();
  const page = await browser.newPage();
  const problems: string[] = [];
  await openApp(page, problems);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').fill('Formatierung');
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type('normal ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('fett');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' und ');
  await page.keyboard.press('Control+i');
  await page.keyboard.type('kursiv');
  await expect(page.getByTestId('save-state')).toHaveText(/^Saved \d/);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Body' }).locator('strong')).toHaveText('fett');
  await expect(page.getByRole('textbox', { name: 'Body' }).locator('em')).toHaveText('kursiv');
  expect(problems).toEqual([]);
  await browser.close();
});

test('the server refuses requests without the token and sockets from other origins', async () => {
  const noToken = await fetch(app.base);
  expect(noToken.status).toBe(403);
  expect(await noToken.text()).toMatch(/needs the token/);

  const browser = await launchChromium();
  const page = await browser.newPage();
  // A page from another origin (about:blank here) cannot open the app's socket.
  const result = await page.evaluate(async (base) => {
    return await new Promise<string>((resolve) => {
      const ws = new WebSocket(base.replace('http', 'ws') + 'ipc');
      ws.onopen = () => resolve('open');
      ws.onerror = () => resolve('refused');
    });
  }, app.base);
  expect(result).toBe('refused');
  await browser.close();
});
