import Database from 'better-sqlite3';
import { EditorPage } from './editorPage';
import { tinyPng } from '../helpers/fixtures';
import { expect, test } from './fixtures';

/**
 * Nothing typed goes astray: each test types with the keyboard right after the action before it,
 * as a person does, without clicking into a field first, and reads back what the store holds.
 */

test('the sign-off takes the line as its placeholder shows it, typed key by key', async ({ app, appPage: page }) => {
  const editor = new EditorPage(page);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.keyboard.type('Albu Kamal');

  await editor.signOffInput.click();
  await page.keyboard.type('haz/qu (afp, dpa)');
  // Nothing is committed while the line is typed: the comma inside the brackets is text.
  await expect(editor.signOffInput).toHaveValue('haz/qu (afp, dpa)');
  await expect(editor.signOffPreview).toHaveText('haz/qu (afp, dpa)');
  await page.keyboard.press('Enter');
  await expect(editor.signOffInput).toHaveValue('');
  await expect(page.getByRole('list', { name: 'Sign-off authors and agencies' }).getByRole('listitem')).toHaveText([
    'haz×',
    'qu×',
    'afp×',
    'dpa×',
  ]);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // A part of a line, with the bracket left open, committed by leaving the box.
  await page.keyboard.type('ml (kna');
  await page.keyboard.press('Tab');
  await expect(editor.signOffPreview).toHaveText('haz/qu/ml (afp, dpa, kna)');

  // Something that is not a sign-off stays in the box, named; nothing is lost.
  await editor.signOffInput.click();
  await page.keyboard.type('Kampf um die letzte Bastion');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('“Kampf um die letzte Bastion” is not a sign-off');
  await expect(editor.signOffInput).toHaveValue('Kampf um die letzte Bastion');

  await editor.waitSaved();
  expect(EditorPage.storedArticle(app.dbPath).signOff).toEqual({
    authors: ['haz', 'qu', 'ml'],
    agencies: ['afp', 'dpa', 'kna'],
  });
});

test('focus: a new article starts in the headline, and the link form and shortcuts sheet give the keyboard back to the text', async ({
  app,
  appPage: page,
}) => {
  const editor = new EditorPage(page);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.keyboard.type('Kämpfe um Albu Kamal');
  await expect(editor.field('Headline')).toHaveText('Kämpfe um Albu Kamal');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // past the teaser, into the body
  await page.keyboard.type('Laut AFP');

  // A link on the last word, applied with Enter: the next keys follow the link.
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('https://www.afp.com');
  await page.keyboard.press('Enter');
  await page.keyboard.type(' und dpa');
  await expect(editor.body.locator('p').first()).toHaveText('Laut AFP und dpa');
  await expect(editor.body.getByRole('link', { name: 'AFP' })).toHaveAttribute('href', 'https://www.afp.com');

  // Cancelled with Escape: the caret is back where it was.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('form', { name: 'Link' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('form', { name: 'Link' })).toHaveCount(0);
  await page.keyboard.type(' meldeten');
  // Closed with the Cancel button: the same.
  await page.keyboard.press('Control+k');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.keyboard.type(' es.');
  await expect(editor.body.locator('p').first()).toHaveText('Laut AFP und dpa meldeten es.');

  // The shortcuts sheet (F1), closed with Escape.
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  await page.keyboard.type(' Mehr');
  await expect(editor.body.locator('p').first()).toHaveText('Laut AFP und dpa meldeten es. Mehr');

  await editor.waitSaved();
  expect(EditorPage.storedArticle(app.dbPath).headline).toBe('Kämpfe um Albu Kamal');
});

test('focus: an article opened from the list with the keyboard continues where the caret was', async ({
  appPage: page,
}) => {
  const editor = new EditorPage(page);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.keyboard.type('Albu Kamal');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Der Teaser');
  await editor.waitSaved();
  await page.getByRole('button', { name: '← Articles' }).click();

  // From the search box, ↓ walks into the list and Enter opens the row.
  await page.keyboard.press('/');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(editor.field('Headline')).toHaveText('Albu Kamal');
  await page.keyboard.type(' geht weiter');
  await expect(editor.field('Teaser')).toHaveText('Der Teaser geht weiter');
});

test('a save right after typing leaves no journal behind, so the next opening offers nothing', async ({
  app,
  blankPage: page,
}) => {
  await page.clock.install();
  await page.goto(app.url);
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  const editor = new EditorPage(page);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.keyboard.type('Aufforstung');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Die Bauern setzen die Setzlinge von Hand, im');
  await page.clock.runFor(300); // the journal keeps the text so far …
  const db = new Database(app.dbPath, { readonly: true });
  const journalRows = () => db.prepare('SELECT count(*) FROM journal').pluck().get() as number;
  await expect.poll(journalRows).toBe(1);
  await page.keyboard.type(' Regen.');
  await page.keyboard.press('Control+s'); // … and the save comes before its next tick
  await page.clock.runFor(100);
  await expect(editor.saveState).toHaveText(/^Saved/);
  expect(journalRows()).toBe(0);
  db.close();

  const id = new URL(page.url()).hash.replace('#/article/', '');
  const again = await page.context().newPage();
  await again.goto(`${app.url.split('#')[0]}#/article/${id}`);
  await expect(new EditorPage(again).body.locator('p').first()).toHaveText(
    'Die Bauern setzen die Setzlinge von Hand, im Regen.',
  );
  await expect(again.getByRole('alert', { name: 'Unsaved text found' })).toHaveCount(0);
});

test('comments: Ctrl+Alt+M takes the keys into the comment box, Ctrl+Enter posts, Escape goes back to the text', async ({
  app,
  appPage: page,
}) => {
  const editor = new EditorPage(page);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.keyboard.type('Albu Kamal');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Die Miliz habe einen Gegenangriff gestartet');
  await editor.opened(); // shortcuts need the editor; plain keys before it are kept by the type-ahead
  // A person selects words once they see them: the type-ahead's text is in the body first.
  await expect(editor.body.locator('p').first()).toHaveText('Die Miliz habe einen Gegenangriff gestartet');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.press('Control+Shift+ArrowLeft');

  await page.keyboard.press('Control+Alt+m');
  await page.keyboard.type('Quelle?');
  await page.keyboard.press('Control+Enter');
  const panel = page.getByRole('region', { name: 'Comments' });
  await expect(panel.getByRole('article', { name: 'Comment on Body: “Gegenangriff gestartet”' })).toContainText(
    'Quelle?',
  );
  // The selected words are still there, and the keyboard is back after them.
  await page.keyboard.type(' hatte');
  await expect(editor.body.locator('p').first()).toHaveText('Die Miliz habe einen Gegenangriff gestartet hatte');

  // Escape leaves the comment box without posting; the next keys go to the text.
  await page.keyboard.press('Control+Alt+m');
  await page.keyboard.type('doch nicht');
  await page.keyboard.press('Escape');
  await page.keyboard.type('.');
  await expect(editor.body.locator('p').first()).toHaveText('Die Miliz habe einen Gegenangriff gestartet hatte.');
  await expect(panel.getByRole('article')).toHaveCount(1);

  await editor.waitSaved();
  const stored = EditorPage.storedArticle(app.dbPath);
  expect(stored.body).toEqual([
    { type: 'paragraph', children: [{ text: 'Die Miliz habe einen Gegenangriff gestartet hatte.' }] },
  ]);
});

test('comments: clicking a thread scrolls its words into view', async ({ appPage: page }) => {
  const editor = new EditorPage(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.keyboard.type('Lang');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const filler = Array.from(
    { length: 60 },
    (_, i) => `Absatz ${i + 1} mit etwas Text, der die Seite füllt und weiterläuft.`,
  ).join('\n\n');
  await editor.paste(null, `${filler}\n\nAm Ende steht der Gegenangriff`);
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.press('Control+Alt+m');
  await page.keyboard.type('Beleg?');
  await page.keyboard.press('Control+Enter');
  const thread = page
    .getByRole('region', { name: 'Comments' })
    .getByRole('article', { name: 'Comment on Body: “Gegenangriff”' });
  await expect(thread).toBeVisible();
  await editor.waitSaved();

  await page.evaluate(() => window.scrollTo(0, 0));
  await editor.body.locator('p').first().scrollIntoViewIfNeeded();
  const words = editor.body.locator('.commented', { hasText: 'Gegenangriff' });
  await expect(words).not.toBeInViewport();
  await thread.getByRole('button', { name: 'Body: “Gegenangriff”' }).click();
  await expect(words).toBeInViewport();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Gegenangriff');
});

test("undo in a picture's boxes goes a word at a time, in the article's one history", async ({ appPage: page }) => {
  const editor = new EditorPage(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.keyboard.type('Aufforstung');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const png = `data:image/png;base64,${tinyPng(5).toString('base64')}`;
  await editor.paste(`<figure><img src="${png}" alt=""></figure><p>Text</p>`, 'Text');
  const figure = page.locator('.block-image');
  await expect(figure.locator('.image-preview')).toBeVisible();
  await figure.getByLabel('Alt text').click();
  await page.keyboard.type('Bauern setzen Setzlinge');
  await page.keyboard.press('Control+z');
  await expect(figure.getByLabel('Alt text')).toHaveValue('Bauern setzen');
  await page.keyboard.press('Control+z');
  await expect(figure.getByLabel('Alt text')).toHaveValue('Bauern');
  await page.keyboard.press('Control+Shift+z');
  await expect(figure.getByLabel('Alt text')).toHaveValue('Bauern setzen');
  await expect(editor.field('Headline')).toHaveText('Aufforstung');
});

test('a caret moved by key stays where the key put it when the text redraws at once (a shortcut, a sync event)', async ({
  app,
  appPage: page,
}) => {
  const editor = new EditorPage(page);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.keyboard.type('Albu Kamal');
  await editor.body.locator('p').click();
  await page.keyboard.type('Die letzte Bastion');
  // Into the first word, then End and Bold straight away, as a quick hand does: Bold redraws the
  // text before the editor has heard of End, which must not put the caret back in the first word.
  await editor.body.locator('p').click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('End');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('fett');
  await expect(editor.body.locator('p')).toHaveText('Die letzte Bastionfett');
  await expect(editor.body.locator('strong')).toHaveText('fett');
  // Selecting by keyboard and commenting at once: the comment is on the words selected.
  await editor.body.locator('p').click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.press('Control+Alt+m');
  await page.keyboard.type('Welche Bastion?');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('region', { name: 'Comments' }).getByRole('article')).toHaveAccessibleName(
    'Comment on Body: “Bastionfett”',
  );
  await editor.waitSaved();
  const stored = EditorPage.storedArticle(app.dbPath) as unknown as {
    body: { children: { text: string; bold?: boolean }[] }[];
  };
  expect(stored.body[0]!.children).toEqual([{ text: 'Die letzte Bastion' }, { text: 'fett', bold: true }]);
});
