import { expect, test } from './fixtures';
import Database from 'better-sqlite3';
import { EditorPage } from './editorPage';

test('workflow: submit, review, a refused approval names what is missing, back to the author with a reason; text typed before a step is kept', async ({
  app,
  appPage: page,
}) => {
  const editor = new EditorPage(page);

  await page.getByRole('button', { name: 'New article' }).click();
  await editor.focusField('Headline');
  await page.keyboard.type('Waffenruhe hält');
  const status = page.getByRole('region', { name: 'Status' });
  const steps = status.getByRole('group', { name: 'Move to' });
  await expect(status.getByTestId('status')).toHaveText('Draft');

  // Typed just before the step, not yet autosaved: the step saves it first.
  await steps.getByRole('button', { name: 'Submit for review' }).click();
  await expect(status.getByTestId('status')).toHaveText('Submitted');
  await steps.getByRole('button', { name: 'Start review' }).click();
  await expect(status.getByTestId('status')).toHaveText('In review');

  await steps.getByRole('button', { name: 'Approve' }).click();
  // The refusal names each missing thing on its own line, and "Go there" takes the keyboard to it.
  const refusal = page.getByRole('alert').filter({ hasText: 'The article cannot be Approved yet. It needs:' });
  await expect(refusal.getByRole('listitem')).toHaveText(['a teaser Go there', 'a sign-off Go there']);
  await expect(status.getByTestId('status')).toHaveText('In review');
  await refusal.getByRole('listitem').filter({ hasText: 'a teaser' }).getByRole('button', { name: 'Go there' }).click();
  await page.keyboard.type('Die Waffenruhe hält seit Montag.');
  await expect(editor.field('Teaser')).toHaveText('Die Waffenruhe hält seit Montag.');
  await refusal
    .getByRole('listitem')
    .filter({ hasText: 'a sign-off' })
    .getByRole('button', { name: 'Go there' })
    .click();
  await expect(editor.signOffInput).toBeFocused();

  // Destructive steps stand apart from the others.
  await expect(steps.locator('.status-steps-apart').getByRole('button')).toHaveText(['Spike…']);
  await steps.getByRole('button', { name: 'Send back to author…' }).click();
  const reasonForm = page.getByRole('form', { name: 'Reason for Back to author' });
  await expect(reasonForm.getByRole('button', { name: 'Send back to author' })).toBeDisabled();
  await page.keyboard.type('Kürzel fehlt'); // the reason box takes the keyboard at once
  await reasonForm.getByRole('button', { name: 'Send back to author' }).click();
  await expect(status.getByTestId('status')).toHaveText('Back to author');
  // The form is gone and the keyboard is back in the text.
  await expect(page.getByRole('textbox', { name: 'Article', exact: true })).toBeFocused();
  // The reason reaches the author: on the article, until it moves on …
  await expect(page.getByRole('note', { name: 'Back to author: reason' })).toContainText('Kürzel fehlt');

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
  // … and in the queue row.
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toContainText(
    'Back to author: “Kürzel fehlt”',
  );

  const db = new Database(app.dbPath, { readonly: true });
  expect(db.prepare('SELECT headline, status FROM articles').all()).toEqual([
    { headline: 'Waffenruhe hält im Norden', status: 'back-to-author' },
  ]);
  expect(db.prepare("SELECT note FROM revisions WHERE note != ''").pluck().all()).toEqual(['Kürzel fehlt']);
  db.close();
});
