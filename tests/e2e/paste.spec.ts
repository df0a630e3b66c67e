import crypto from 'node:crypto';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { fixture, SKIP_NO_FIXTURES, tinyPng } from '../helpers/fixtures';
import { EditorPage } from './editorPage';
import { launchChromium, startBrowserMode, type RunningApp } from './harness';

let app: RunningApp;
test.beforeEach(async () => {
  app = await startBrowserMode();
});
test.afterEach(async () => {
  await app.stop();
});

test('paste from Word, an embedded picture, and plain text into a field', async () => {
  const word = fixture('clipboard/word/cke5__basic-styles_multiple-styles-multiline_input.word2016.html');
  test.skip(!word, SKIP_NO_FIXTURES);
  const browser = await launchChromium();
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.base.replace(/\/$/, '') });
  const page = await context.newPage();
  await page.goto(app.url);
  const editor = new EditorPage(page);
  await page.getByRole('button', { name: 'New article' }).click();

  // Plain text with line breaks into the headline: one line.
  await editor.focusField('Headline');
  await editor.paste(null, 'IS-Kämpfer holen\nTeile zurück');
  await expect(editor.field('Headline')).toHaveText('IS-Kämpfer holen Teile zurück');

  // Word's HTML into the body: paragraphs with bold and italic, Word's markup gone.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await editor.paste(fs.readFileSync(word!, 'utf8'), 'Line bold and italics');
  await expect(editor.body.locator('p')).toHaveText([
    'Line bold and italics',
    'Line foo bar',
    'Third line styling, space on end',
  ]);
  await expect(editor.body.locator('strong').first()).toHaveText('bold');
  await expect(editor.body.locator('em').first()).toHaveText('italics');

  // An embedded picture becomes an image block awaiting a credit.
  const png = `data:image/png;base64,${tinyPng(7).toString('base64')}`;
  await editor.paste(
    `<p>Vor dem Bild</p><img src="${png}" alt="Rauch über Albu Kamal"><p>Nach dem Bild</p>`,
    'Vor dem Bild',
  );
  await expect(page.getByRole('status').filter({ hasText: '1 pasted picture added' })).toBeVisible();
  await expect(page.locator('.block-image .credit-line.missing')).toHaveText('No credit yet');
  // The editor shows the WebP rendition; the store keeps the pasted bytes as they were (checked below).
  await expect(page.locator('.block-image img.image-preview')).toHaveAttribute('src', /^data:image\/webp;base64,/);
  await expect(page.locator('.block-image').getByLabel('Alt text')).toHaveValue('Rauch über Albu Kamal');

  await editor.waitSaved();
  const db = new Database(app.dbPath, { readonly: true });
  const doc = JSON.parse(db.prepare('SELECT doc FROM articles').pluck().get() as string);
  const assets = db.prepare('SELECT id, mime FROM assets').all() as { id: string; mime: string }[];
  db.close();
  expect(doc.headline).toBe('IS-Kämpfer holen Teile zurück');
  expect(doc.body[1]).toEqual({
    type: 'paragraph',
    children: [{ text: 'Line ' }, { text: 'foo', bold: true }, { text: ' bar' }],
  });
  expect(assets).toEqual([{ id: crypto.createHash('sha256').update(tinyPng(7)).digest('hex'), mime: 'image/png' }]);
  expect(doc.body.find((b: { type: string }) => b.type === 'image')).toEqual({
    type: 'image',
    assetId: assets[0]!.id,
    caption: '',
    credit: {},
    alt: 'Rauch über Albu Kamal',
  });
  await browser.close();
});
