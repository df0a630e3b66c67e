import { expect, test } from './fixtures';
import Database from 'better-sqlite3';
import { EditorPage } from './editorPage';

test('workflow: submit, review, a refused approval names what is missing, back to the author with a reason; text typed before a step is kept', async ({ app, appPage: page }) => {
  const editor = new EditorPage(page);

  await page.getByRole('button', { name: 'New article' }).click();
  await editor.focusField('Headline');
  await page.keyboard.type('Waffenruhe hält');
  const status = page.getByRole('region', { name: 'Status' });
  const steps = status.getByRole('group', { name: 'Move to' });
  await expect(status.getByTestId('status')).toHaveText('Draft');

  // Typed just before the step, not yet autosaved: the step saves it first.
  await steps.getByRole('button', { name: 'Submitted' }).click();
  await expect(status.getByTestId('status')).toHaveText('Submitted');
  await steps.getByRole('button', { name: 'In review' }).click();
  await expect(status.getByTestId('status')).toHaveText('In review');

  await steps.getByRole('button', { name: 'Approved' }).click();
  await expect(page.getByRole('alert')).toContainText('The article cannot be Approved yet: it needs a teaser, a sign-off. The status was not changed.');
  await expect(status.getByTestId('status')).toHaveText('In review');

  await steps.getByRole('button', { name: 'Back to author' }).click();
  const reasonForm = page.getByRole('form', { name: 'Reason for Back to author' });
  await expect(reasonForm.getByRole('button', { name: 'Move to Back to author' })).toBeDisabled();
  await reasonForm.getByLabel('Reason').fill('Teaser und Kürzel fehlen');
  await reasonForm.getByRole('button', { name: 'Move to Back to author' }).click();
  await expect(status.getByTestId('status')).toHaveText('Back to author');

  // Editing goes on after the steps without a conflict.
  await editor.focusField('Headline');
  await page.keyboard.press('End');
  await page.keyboard.type(' im Norden');
  await editor.waitSaved();
  // The desk queue counts articles per status and filters by it.
  await page.getByRole('button', { name: '← Articles' }).click();
  const filter = page.getByRole('group', { name: 'Filter by status' });
  await expect(filter.getByRole('button', { name: 'Back to author (1)' })).toBeVisible();
  await expect(filter.getByRole('button', { name: 'All (1)' })).toHaveAttribute('aria-pressed', 'true');
  await filter.getByRole('button', { name: 'Draft (0)' }).click();
  await expect(page.getByText('Nothing matches.')).toBeVisible();
  await filter.getByRole('button', { name: 'Back to author (1)' }).click();
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);

  const db = new Database(app.dbPath, { readonly: true });
  expect(db.prepare('SELECT headline, status FROM articles').all()).toEqual([{ headline: 'Waffenruhe hält im Norden', status: 'back-to-author' }]);
  expect(db.prepare("SELECT note FROM revisions WHERE note != ''").pluck().all()).toEqual(['Teaser und Kürzel fehlen']);
  db.close();
});
