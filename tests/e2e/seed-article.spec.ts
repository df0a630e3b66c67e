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

/**
 * The article Byline started from (DW, 10 November 2017), built as a journalist would: typing the
 * fields, pasting the body text and the picture, adding the credit and the sign-off. After a reload
 * the stored model holds every part of the page.
 */
test('build the seed article by typing and pasting; the saved model holds it all', async () => {
  const file = fixture('articles/dw-2017-11-10-albu-kamal.txt');
  test.skip(!file, SKIP_NO_FIXTURES);
  const lines = fs
    .readFileSync(file!, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  // The page as the fixture has it, after the three "skip to" links.
  const [rubric, headline, , teaser, caption, creditLine, p1, p2, subhead, p3, p4, signOff] = lines.slice(3);
  expect(creditLine).toBe('Bild: Getty Images/AFP/A. al-Rubaye');
  expect(signOff).toBe('haz/qu (afp, dpa)');

  const browser = await launchChromium();
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.base.replace(/\/$/, '') });
  const page = await context.newPage();
  await page.goto(app.url);
  const editor = new EditorPage(page);
  await page.getByRole('button', { name: 'New article' }).click();

  await editor.focusField('Rubric');
  await page.keyboard.type(rubric!);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // no kicker on this page
  await page.keyboard.type(headline!);
  await page.keyboard.press('Enter');
  await page.keyboard.type(teaser!);
  await page.keyboard.press('Enter');

  // The picture and the first two paragraphs, pasted from a web page; then the subhead typed.
  const png = `data:image/png;base64,${tinyPng(42).toString('base64')}`;
  await editor.paste(
    `<figure><img src="${png}" alt="Kämpfer in al-Qaim"></figure><p>${p1}</p><p>${p2}</p>`,
    `${p1}\n\n${p2}`,
  );
  await expect(page.getByRole('status').filter({ hasText: '1 pasted picture added' })).toBeVisible();
  // A person waits for the picture to show before reaching for what is below it (the layout moves).
  await expect(page.locator('.block-image .image-preview')).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type(`## ${subhead}`);
  await page.keyboard.press('Enter');
  await editor.paste(null, `${p3}\n\n${p4}`);

  // Caption and credit on the picture, in house style.
  const image = page.locator('.block-image');
  await image.getByLabel('Caption').fill(caption!);
  await image.getByLabel('Provider').fill('Getty Images');
  await image.getByLabel('Agency').fill('AFP');
  await image.getByLabel('Photographer').fill('Ali al-Rubaye');
  await expect(image.locator('.credit-line')).toHaveText(creditLine!);

  await editor.addSignOff(signOff!);
  await page.getByRole('textbox', { name: 'Keywords' }).fill('Syrien, IS, Albu Kamal');
  await page.getByLabel('Published').fill('2017-11-10T12:00');
  await editor.waitSaved();

  await page.reload();
  await expect(editor.field('Headline')).toHaveText(headline!);
  await expect(editor.signOffPreview).toHaveText(signOff!);
  await expect(page.locator('.block-image .credit-line')).toHaveText(creditLine!);

  const db = new Database(app.dbPath, { readonly: true });
  const doc = JSON.parse(db.prepare('SELECT doc FROM articles').pluck().get() as string);
  const assetId = db.prepare('SELECT id FROM assets').pluck().get() as string;
  db.close();
  expect(doc).toMatchObject({
    language: 'de',
    rubric,
    kicker: '',
    headline,
    teaser,
    keywords: ['Syrien', 'IS', 'Albu Kamal'],
    signOff: { authors: ['haz', 'qu'], agencies: ['afp', 'dpa'] },
  });
  expect(new Date(doc.publishedAt).getFullYear()).toBe(2017);
  expect(doc.body).toEqual([
    {
      type: 'image',
      assetId,
      caption,
      credit: { provider: 'Getty Images', agency: 'AFP', creator: 'Ali al-Rubaye' },
      alt: 'Kämpfer in al-Qaim',
    },
    { type: 'paragraph', children: [{ text: p1 }] },
    { type: 'paragraph', children: [{ text: p2 }] },
    { type: 'subhead', children: [{ text: subhead }] },
    { type: 'paragraph', children: [{ text: p3 }] },
    { type: 'paragraph', children: [{ text: p4 }] },
  ]);
  await browser.close();
});
