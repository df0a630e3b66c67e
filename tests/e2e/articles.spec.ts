import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { EditorPage } from './editorPage';
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
  // The token leaves the address bar once the page has kept it.
  expect(page.url()).not.toContain('token=');
  const editor = new EditorPage(page);

  await page.getByRole('button', { name: 'New article' }).click();
  await editor.focusField('Headline');
  await page.keyboard.type('IS-Kämpfer holen Teile von Albu Kamal zurück');
  await page.keyboard.press('Enter'); // Enter moves on to the teaser
  await page.keyboard.type('Erst war von Militärerfolgen die Rede, jetzt folgt die Ernüchterung.');
  await page.keyboard.press('Enter'); // … and on into the body
  await page.keyboard.type('Die Dschihadistenmiliz habe einen Gegenangriff gestartet.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('## Kampf um die letzte Bastion'); // markdown shortcut: a subhead
  await page.keyboard.press('Enter');
  await page.keyboard.type('Albu Kamal ist die letzte Bastion.');
  await editor.addSignOff('haz/qu (afp, dpa)');
  await expect(editor.signOffPreview).toHaveText('haz/qu (afp, dpa)');

  await editor.waitSaved();
  await page.reload();
  await expect(editor.field('Headline')).toHaveText('IS-Kämpfer holen Teile von Albu Kamal zurück');
  await expect(editor.field('Teaser')).toHaveText(
    'Erst war von Militärerfolgen die Rede, jetzt folgt die Ernüchterung.',
  );
  await expect(editor.body.locator('p')).toHaveText([
    'Die Dschihadistenmiliz habe einen Gegenangriff gestartet.',
    'Albu Kamal ist die letzte Bastion.',
  ]);
  await expect(editor.body.locator('h2')).toHaveText('Kampf um die letzte Bastion');
  await expect(editor.signOffPreview).toHaveText('haz/qu (afp, dpa)');

  // What the page shows is what the store holds: read the SQLite file directly.
  const db = new Database(app.dbPath, { readonly: true });
  const doc = JSON.parse(db.prepare('SELECT doc FROM articles').pluck().get() as string);
  db.close();
  expect(doc.headline).toBe('IS-Kämpfer holen Teile von Albu Kamal zurück');
  expect(doc.body).toEqual([
    { type: 'paragraph', children: [{ text: 'Die Dschihadistenmiliz habe einen Gegenangriff gestartet.' }] },
    { type: 'subhead', children: [{ text: 'Kampf um die letzte Bastion' }] },
    { type: 'paragraph', children: [{ text: 'Albu Kamal ist die letzte Bastion.' }] },
  ]);
  expect(doc.signOff).toEqual({ authors: ['haz', 'qu'], agencies: ['afp', 'dpa'] });

  // Back to the list, search, delete, find it in the trash, restore.
  await page.getByRole('button', { name: '← Articles' }).click();
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('kampfer');
  const rows = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  await expect(rows).toHaveCount(1);
  // Delete on a row moves it to the trash at once; the notice offers Undo (focused), which brings it back.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Delete');
  await expect(page.getByText('Nothing matches.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'was moved to the trash' })).toContainText(
    '“IS-Kämpfer holen Teile von Albu Kamal zurück” was moved to the trash.',
  );
  await page.keyboard.press('Enter'); // Undo
  await expect(rows).toHaveCount(1);
  // The row menu does the same for the mouse.
  await rows.getByRole('button', { name: /^More for/ }).click();
  await page.getByRole('menuitem', { name: 'Move to trash (Delete)' }).click();
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

test('marks, links and undo/redo in the body', async () => {
  const browser = await launchChromium();
  const page = await browser.newPage();
  const problems: string[] = [];
  await openApp(page, problems);
  const editor = new EditorPage(page);
  await page.getByRole('button', { name: 'New article' }).click();
  await editor.focusField('Headline');
  await page.keyboard.type('Formatierung');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('normal ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('fett');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' und ');
  await page.keyboard.press('Control+i');
  await page.keyboard.type('kursiv');
  await page.keyboard.press('Control+i');
  await page.keyboard.type(' DW');

  // Select "DW" and link it: a javascript: address is refused with a message, https is taken.
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Control+k');
  const address = page.getByRole('textbox', { name: 'Link address' });
  await address.fill('javascript:alert(1)');
  await address.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Links may use http, https or mailto only' })).toBeVisible();
  await address.fill('www.dw.com');
  await address.press('Enter');
  await expect(editor.body.locator('a')).toHaveAttribute('href', 'https://www.dw.com');

  // Undo takes the link off again, redo puts it back.
  await editor.body.locator('p').click();
  await page.keyboard.press('Control+z');
  await expect(editor.body.locator('a')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(editor.body.locator('a')).toHaveText('DW');

  await editor.waitSaved();
  await page.reload();
  await expect(editor.body.locator('strong')).toHaveText('fett');
  await expect(editor.body.locator('em')).toHaveText('kursiv');
  await expect(editor.body.locator('a')).toHaveAttribute('href', 'https://www.dw.com');
  expect(problems).toEqual([]);
  await browser.close();
});

test('the token reaches only Byline: no cookie for other local services, and a page without it is told to open the full address', async () => {
  // Another service on 127.0.0.1 that the same browser visits: it records the Cookie header.
  const seen: (string | undefined)[] = [];
  const other = http.createServer((req, res) => {
    seen.push(req.headers.cookie);
    res.end('other service');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`;

  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(app.url);
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  await page.goto(otherUrl);
  await expect(page.locator('body')).toHaveText('other service');
  expect(seen).toEqual([undefined]);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(
    new URL(app.url).searchParams.get('token')!,
  );
  // Back on Byline's own origin without the token in the address: the kept token still works.
  await page.goto(app.base);
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  await browser.close();
  await new Promise<void>((resolve) => other.close(() => resolve()));

  // A browser that never had the launch address gets the page's code but no data, and is told why.
  const stranger = await launchChromium();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(app.base);
  await expect(strangerPage.getByRole('alert')).toContainText(
    'This page does not have Byline’s token. Open the full address',
  );
  expect((await fetch(`${app.base}download/x.xml`)).status).toBe(403);

  // A page from another origin (about:blank here) cannot open the app's socket.
  const blank = await stranger.newPage();
  const result = await blank.evaluate(async (base) => {
    return await new Promise<string>((resolve) => {
      const ws = new WebSocket(base.replace('http', 'ws') + 'ipc');
      ws.onopen = () => resolve('open');
      ws.onerror = () => resolve('refused');
    });
  }, app.base);
  expect(result).toBe('refused');
  await stranger.close();
});
