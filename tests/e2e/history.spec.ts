import { expect, test } from './fixtures';
import { EditorPage } from './editorPage';

test('history: every revision with who and status, a word diff inline and side by side, restore as a new revision', async ({ appPage: page }) => {
  const editor = new EditorPage(page);

  await page.getByRole('button', { name: 'New article' }).click();
  await editor.focusField('Headline');
  await page.keyboard.type('Waffenruhe hält');
  await editor.waitSaved();
  await page.keyboard.type(' im Norden');
  await editor.waitSaved();

  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('region', { name: 'History' });
  // r1 is the new, empty article; r2 and r3 are the two autosaves.
  const revisions = history.locator('table.revisions tbody tr');
  await expect(revisions).toHaveCount(3);
  await expect(revisions.first()).toContainText('Draft');
  const changes = history.locator('[aria-label="Changes from r2 to r3"]');
  await expect(changes.locator('.diff-fields')).toContainText('headline');
  await expect(changes.locator('.diff-fields del')).toHaveText('Waffenruhe hält');
  await expect(changes.locator('.diff-fields ins')).toHaveText('Waffenruhe hält im Norden');
  await history.getByRole('button', { name: 'Side by side' }).click();
  await expect(history.getByRole('button', { name: 'Side by side' })).toHaveAttribute('aria-pressed', 'true');

  await expect(changes.locator('.diff-none')).toHaveText('The body did not change.');

  await history.getByRole('button', { name: 'Restore r2' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored revision 2 as revision 4' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Headline', exact: true })).toHaveText('Waffenruhe hält');
  await expect(revisions).toHaveCount(4);
  await expect(revisions.first()).toContainText('restored revision 2');
});
