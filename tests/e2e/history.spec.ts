import { expect, test } from './fixtures';
import { seriousViolations } from './axe';
import { EditorPage } from './editorPage';

test('history: every revision with who and status, a word diff inline and side by side, restore as a new revision', async ({
  appPage: page,
}) => {
  const editor = new EditorPage(page);

  await page.getByRole('button', { name: 'New article' }).click();
  await editor.focusField('Headline');
  await page.keyboard.type('Waffenruhe hält');
  await editor.waitSaved();
  await page.keyboard.type(' im Norden');
  await editor.waitSaved();

  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('region', { name: 'History' });
  // r1 (the new article) and the two autosaves are one editing session, not three rows.
  const entries = history.getByRole('list', { name: 'Sessions and steps' }).getByRole('listitem');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('3 saves');
  await expect(entries.first()).toContainText('+4 −0 words');
  // The session's changes sit beside the list: from the empty article to its last revision.
  const session = history.locator('[aria-label="Changes from r0 to r3"]');
  await expect(session.locator('.diff-fields ins')).toHaveText('Waffenruhe hält im Norden');

  // Any two revisions, with labelled choices; side by side names both columns.
  await history.getByText('Compare any two revisions').click();
  await history.getByRole('combobox', { name: 'Compare from' }).selectOption({
    label:
      (await history
        .getByRole('combobox', { name: 'Compare from' })
        .locator('option', { hasText: 'Revision 2 (' })
        .textContent()) ?? '',
  });
  const changes = history.locator('[aria-label="Changes from r2 to r3"]');
  await expect(changes.locator('.diff-fields')).toContainText('headline');
  await expect(changes.locator('.diff-fields del')).toHaveText('Waffenruhe hält');
  await expect(changes.locator('.diff-fields ins')).toHaveText('Waffenruhe hält im Norden');
  await expect(changes.locator('.diff-fields thead')).toContainText('Revision 2 (');
  await history.getByRole('button', { name: 'Side by side' }).click();
  await expect(history.getByRole('button', { name: 'Side by side' })).toHaveAttribute('aria-pressed', 'true');
  await expect(changes.locator('.diff-none')).toHaveText('The body did not change.');

  // Restoring the earlier revision chosen in the comparison; the restore stands out as a step.
  await history.getByRole('button', { name: 'Restore r2' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored revision 2 as revision 4' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Headline', exact: true })).toHaveText('Waffenruhe hält');
  await expect(entries.first()).toContainText('restored revision 2');
  await expect(entries.first()).toHaveClass(/step/);

  // A version gets a name; it stands out, and the text of the revision is not touched.
  await entries.first().getByRole('button', { name: 'Name this version…' }).click();
  await page.keyboard.type('Printausgabe');
  await page.keyboard.press('Enter');
  await expect(entries.first().locator('.version-name')).toHaveText('Printausgabe');
  await expect(page.getByRole('textbox', { name: 'Headline', exact: true })).toHaveText('Waffenruhe hält');
});

test('history keeps subheads in the diff, and lines up the two sides block by block', async ({ appPage: page }) => {
  const editor = new EditorPage(page);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.keyboard.type('Albu Kamal');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Die ');
  await editor.opened(); // shortcuts need the editor; plain keys before it are kept by the type-ahead
  await page.keyboard.press('Control+b');
  await page.keyboard.type('Miliz');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' griff an.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('## Kampf um die Stadt');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ende.');
  await expect(editor.body.locator('p').last()).toHaveText('Ende.');
  await editor.waitSaved();
  // A click before the first word of the first paragraph, then a word typed there.
  await editor.body
    .locator('p')
    .first()
    .click({ position: { x: 1, y: 8 } });
  await page.keyboard.type('Heute ');
  await editor.waitSaved();

  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('region', { name: 'History' });
  await history.getByText('Compare any two revisions').click();
  const from = history.getByRole('combobox', { name: 'Compare from' });
  const options = await from.locator('option').allTextContents();
  await from.selectOption({ label: options[1]! });
  const diff = history.locator('.diff');
  await expect(diff.locator('h4')).toHaveText('Kampf um die Stadt');
  await expect(diff.locator('ins').first()).toContainText('Heute');
  // Emphasis shows as in the article.
  await expect(diff.locator('p strong')).toHaveText('Miliz');
  expect(await seriousViolations(page)).toEqual([]);
  await history.getByRole('button', { name: 'Side by side' }).click();
  const rows = diff.getByRole('row');
  await expect(rows.first()).toContainText('Revision');
  // The changed paragraph's two versions stand in one row.
  await expect(rows.nth(1).getByRole('cell').first()).toHaveText('Die Miliz griff an.');
  await expect(rows.nth(1).getByRole('cell').last()).toHaveText('Heute Die Miliz griff an.');
});
