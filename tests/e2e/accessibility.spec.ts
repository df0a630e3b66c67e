import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe';
import { EditorPage } from './editorPage';
import { launchChromium, startBrowserMode, type RunningApp } from './harness';

let app: RunningApp;
test.beforeEach(async () => {
  app = await startBrowserMode();
});
test.afterEach(async () => {
  await app.stop();
});

test('no serious or critical axe violations in the list, the editor and the shortcuts overlay', async () => {
  const browser = await launchChromium();
  const page = await (await browser.newContext()).newPage();
  await page.goto(app.url);
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  await page.getByRole('button', { name: 'New article' }).click();
  const editor = new EditorPage(page);
  await editor.focusField('Headline');
  await page.keyboard.type('Barrierefreiheit');
  await editor.addSignOff('haz (dpa)');
  await editor.waitSaved();
  expect(await seriousViolations(page)).toEqual([]);

  // The shortcuts overlay opens with F1 and closes with Escape, keyboard only.
  await editor.field('Headline').click();
  await page.keyboard.press('F1');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // "?" outside the text opens it too; inside the text it is just a question mark.
  await page.getByRole('button', { name: 'Save', exact: true }).focus();
  await page.keyboard.press('Shift+Slash');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await editor.focusField('Headline');
  await page.keyboard.type('?');
  await expect(dialog).toBeHidden();
  await expect(editor.field('Headline')).toHaveText('Barrierefreiheit?');

  await page.getByRole('button', { name: '← Articles' }).click();
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);
  await browser.close();
});

test('the list works from the keyboard alone', async () => {
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(app.url);
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  // Tab to "New article" and press Enter: the editor opens with a visible focus ring on what is focused.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent)) === 'New article') break;
  }
  await expect(page.getByRole('button', { name: 'New article' })).toBeFocused();
  const outline = await page
    .getByRole('button', { name: 'New article' })
    .evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Headline', exact: true })).toBeVisible();
  await browser.close();
});
