import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { endExiftool } from '../../src/main/media/exiftool';
import { writeAgencyJpeg } from '../helpers/agencyPhoto';
import { seedArticle } from '../helpers/articles';
import { EditorPage } from './editorPage';
import { launchChromium, startBrowserMode, type RunningApp } from './harness';

// BYLINE_UPDATE_SCREENSHOTS=1 writes the README's pictures into docs/screenshots/; otherwise they
// go to test-results/ so an ordinary test run leaves the repository as it was.
const OUT = process.env.BYLINE_UPDATE_SCREENSHOTS
  ? path.resolve('docs/screenshots')
  : path.resolve('test-results/screenshots');

let app: RunningApp;
test.beforeEach(async () => {
  app = await startBrowserMode();
});
test.afterEach(async () => {
  await app.stop();
});
test.afterAll(() => endExiftool());

test('screenshots of the list, the editor, a picture, the photo desk, right-to-left and the shortcuts', async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium();
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(app.url);
  const editor = new EditorPage(page);
  // First start: who works here (the pictures show the app as it is used, not its first minute).
  const profile = page.getByRole('form', { name: 'Your profile' });
  await profile.getByLabel('Name').fill('Anna Muster');
  await profile.getByLabel('Initials').fill('haz');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(profile).toBeHidden();

  const seed = path.join(app.dataDir, 'seed.json');
  fs.writeFileSync(
    seed,
    JSON.stringify({ ...seedArticle(), kicker: 'Syrien', byline: 'Deutsche Welle', dateline: 'Albu Kamal (afp)' }),
  );
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import or open…' }).click();
  await (await chooser).setFiles([seed]);
  // One file imported: its article opens.
  await expect(editor.field('Headline')).toHaveText('IS-Kämpfer holen Teile von Albu Kamal zurück');
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  await page.getByRole('button', { name: '← Articles' }).click();
  await page.getByRole('button', { name: 'New article' }).click();
  await editor.focusField('Headline');
  await page.keyboard.type('Regierung plant neues Mediengesetz');
  await editor.waitSaved();
  await page.getByRole('button', { name: '← Articles' }).click();
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(2);
  await page.screenshot({ path: path.join(OUT, 'list.png') });

  await page.getByRole('button', { name: 'IS-Kämpfer holen Teile von Albu Kamal zurück', exact: true }).click();
  await expect(editor.field('Headline')).toHaveText('IS-Kämpfer holen Teile von Albu Kamal zurück');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, 'editor.png') });

  await editor.field('Headline').click();
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'shortcuts.png') });
  await page.keyboard.press('Escape');

  // A picture from the agency, with the caption and credit its file gave, then the photo desk.
  await editor.body.locator('p').first().click();
  const chooseFile = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add picture' }).click();
  await (await chooseFile).setFiles(await writeAgencyJpeg(path.join(app.dataDir, 'AFP_Albu-Kamal.jpg'), 1200, 800));
  const figure = editor.body.locator('figure.block-image');
  await expect(figure.locator('img.image-preview')).toBeVisible();
  await figure.getByLabel('Alt text').fill('Bewaffnete Kämpfer auf einem Pick-up');
  // The notice about the added picture goes once the person works on.
  await expect(page.getByRole('button', { name: 'Dismiss' })).toHaveCount(0);
  await editor.waitSaved();
  await figure.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, 'editor-picture.png') });
  await page.getByRole('button', { name: '← Articles' }).click();
  await page.getByRole('button', { name: 'Photo desk' }).click();
  await expect(page.locator('.photo-table img.thumb')).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'photo-desk.png') });

  await page.getByRole('button', { name: '← Articles' }).click();
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByRole('textbox', { name: 'Language' }).fill('ar');
  await editor.focusField('Rubric');
  await page.keyboard.type('سياسة');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('مقاتلو التنظيم يستعيدون أجزاء من البوكمال');
  await page.keyboard.press('Enter');
  await page.keyboard.type('قال المرصد السوري إن التنظيم استعاد نحو 40 في المئة من المدينة.');
  await page.keyboard.press('Enter');
  await page.keyboard.type(
    'قال المرصد السوري لحقوق الإنسان إن التنظيم شن هجوماً مضاداً. Reuters reported the same on Friday.',
  );
  await editor.addSignOff('ha (afp)');
  await editor.waitSaved();
  await page.screenshot({ path: path.join(OUT, 'editor-arabic.png') });

  // History: the seed article after an edit, compared with its first revision.
  await page.getByRole('button', { name: '← Articles' }).click();
  await page.getByRole('button', { name: 'IS-Kämpfer holen Teile von Albu Kamal zurück', exact: true }).click();
  await editor.focusField('Headline');
  await page.keyboard.type(' – Update');
  await editor.waitSaved();
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('region', { name: 'History' })).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'history.png') });
  await page.getByRole('button', { name: 'History' }).click();

  // An 800-pixel window: the side panels are a drawer, opened from the toolbar.
  await page.setViewportSize({ width: 800, height: 900 });
  await page.screenshot({ path: path.join(OUT, 'editor-800.png') });
  await page.getByRole('button', { name: 'Status & details' }).click();
  await expect(page.getByRole('region', { name: 'Status' })).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'editor-800-drawer.png') });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '← Articles' }).click();
  await page.getByRole('button', { name: 'Photo desk' }).click();
  await expect(page.locator('.photo-table img.thumb')).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'photo-desk-800.png') });

  for (const name of [
    'list',
    'editor',
    'shortcuts',
    'editor-picture',
    'photo-desk',
    'editor-arabic',
    'history',
    'editor-800',
    'editor-800-drawer',
    'photo-desk-800',
  ]) {
    expect(fs.statSync(path.join(OUT, `${name}.png`)).size).toBeGreaterThan(10_000);
  }
  await browser.close();
});
