import { expect, test } from './fixtures';
import { EditorPage } from './editorPage';

test('comments: on selected words and on a field, marked in the text, kept on their words while typing, reply, resolve, reopen', async ({
  appPage: page,
}) => {
  const editor = new EditorPage(page);

  await page.getByRole('button', { name: 'New article' }).click();
  await editor.focusField('Headline');
  await page.keyboard.type('Kämpfe um Albu Kamal');
  await editor.waitSaved();
  // Select "Albu Kamal" the way a person would: two words back from the end.
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.press('Control+Shift+ArrowLeft');

  await page.getByRole('button', { name: /^Comments/ }).click();
  const panel = page.getByRole('region', { name: 'Comments' });
  const form = panel.getByRole('form', { name: 'New comment' });
  await expect(form.getByLabel('On')).toHaveValue('0');
  await expect(form.getByLabel('On').locator('option').first()).toHaveText('Selected text: “Albu Kamal”');
  await form.getByLabel('Comment').fill('Schreibweise prüfen');
  await form.getByRole('button', { name: 'Comment' }).click();
  const thread = panel.getByRole('article', { name: 'Comment on Headline: “Albu Kamal”' });
  await expect(thread).toContainText('Schreibweise prüfen');
  await expect(editor.field('Headline').locator('.commented')).toHaveText('Albu Kamal');
  await expect(page.getByRole('button', { name: 'Comments (1)' })).toBeVisible();

  // Typing before the words: the mark stays on them once the text is saved.
  await editor.field('Headline').click();
  await page.keyboard.press('Home');
  await page.keyboard.type('Syrien: ');
  await editor.waitSaved();
  await expect(editor.field('Headline')).toHaveText('Syrien: Kämpfe um Albu Kamal');
  await expect(editor.field('Headline').locator('.commented')).toHaveText('Albu Kamal');

  // A comment on the teaser as a whole.
  await form.getByLabel('On').selectOption({ label: 'Teaser' });
  await form.getByLabel('Comment').fill('Teaser fehlt noch');
  await form.getByRole('button', { name: 'Comment' }).click();
  await expect(panel.getByRole('article', { name: 'Comment on Teaser' })).toContainText('Teaser fehlt noch');

  await thread.getByLabel('Reply text').fill('Laut AFP so richtig');
  await thread.getByRole('button', { name: 'Reply' }).click();
  await expect(thread).toContainText('Laut AFP so richtig');
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(panel.getByRole('article', { name: 'Comment on Headline: “Albu Kamal”' })).toBeHidden();
  await expect(editor.field('Headline').locator('.commented')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Show 1 resolved' }).click();
  await expect(thread).toContainText(/Resolved by/);
  await thread.getByRole('button', { name: 'Reopen' }).click();
  await expect(thread.getByRole('button', { name: 'Resolve' })).toBeVisible();

  // The comments are in the store: a reload shows them again.
  await page.reload();
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  await page.getByRole('button', { name: 'Comments (2)' }).click();
  await expect(page.getByRole('region', { name: 'Comments' }).getByRole('article')).toHaveCount(2);
});
