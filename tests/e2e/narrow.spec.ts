import { seriousViolations } from './axe';
import { EditorPage } from './editorPage';
import { expect, test } from './fixtures';

test('in an 800-pixel window the side panels are a drawer: closed over the text, opened from the toolbar, Escape closes it', async ({
  appPage: page,
}) => {
  await page.setViewportSize({ width: 800, height: 800 });
  const editor = new EditorPage(page);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.keyboard.type('Schmal');
  const status = page.getByRole('region', { name: 'Status' });
  await expect(status).toBeHidden();
  // The text keeps the whole width.
  const width = await editor.field('Headline').evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBeGreaterThan(600);

  await page.getByRole('button', { name: 'Status & details' }).click();
  await expect(status).toBeVisible();
  await expect(status.getByRole('button', { name: 'Submit for review' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('textbox', { name: 'Keywords' }).click();
  await page.keyboard.type('Test');
  await page.keyboard.press('Escape');
  await expect(status).toBeHidden();

  // Comments open the drawer with the comment box focused.
  await editor.focusField('Headline');
  await page.keyboard.press('Control+Alt+m');
  await expect(page.getByRole('region', { name: 'Comments' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Comment', exact: true })).toBeFocused();
});
