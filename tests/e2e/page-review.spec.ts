import type { Page } from '@playwright/test';
import { EditorPage, pasteClipboard } from './editorPage';
import { expect, test } from './fixtures';

// A page as a person copies it in a browser (select all, copy): one element a line, menus included.
const PAGE_TEXT = `Zur Startseite
Menü
Suche
Anmelden
Region
Hagen
Bauarbeiten im Zeitplan
Neue Brücke über die Volme wird im Frühjahr eröffnet
Von Sandra Vogt
21.11.2026, 08:00
Die alte Brücke war im Sommer 2024 wegen Rostschäden gesperrt worden. Seitdem mussten Fußgänger einen Umweg von fast einem Kilometer in Kauf nehmen.
Die Kosten für den Neubau liegen bei 3,4 Millionen Euro, davon trägt das Land 60 Prozent der Summe.
Anzeige: Jetzt Ihr Abo sichern und alle Artikel auf der Seite lesen!
"Wir sind froh, dass es jetzt vorangeht", sagt Anwohnerin Maria Schulte.
sv (dpa)
Auch interessant
Hagen: Weihnachtsmarkt öffnet am Montag`;

/** A copied page pasted onto the article list with Ctrl+V. */
async function pasteOnList(page: Page, html: string | null, text: string) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await pasteClipboard(page, html, text);
}

test('a page pasted onto the list opens beside its source; correcting a line reads it again and the store keeps it', async ({
  app,
  appPage: page,
}) => {
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
  await pasteOnList(page, null, PAGE_TEXT);
  const editor = new EditorPage(page);
  await editor.opened();
  await expect(editor.field('Headline')).toHaveText('Neue Brücke über die Volme wird im Frühjahr eröffnet');

  // The page beside the article: each line with the field it went to.
  const source = page.getByRole('region', { name: 'How pasted page.txt was read' });
  await expect(source).toBeVisible();
  const line = (n: number) => source.locator(`li[data-line="${n}"] select`);
  await expect(line(1)).toHaveValue('page');
  await expect(line(8)).toHaveValue('headline');
  await expect(line(9)).toHaveValue('byline');
  await expect(line(13)).toHaveValue('paragraph');
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.screenshot({ path: 'test-results/page-review-1400.png' });

  // The advert is not part of the article: said with the keyboard on its line.
  await line(13).focus();
  await page.keyboard.type('Not');
  await expect(line(13)).toHaveValue('page');
  await expect(source.locator('li[data-line="13"]')).toHaveClass(/fixed/);
  await expect(editor.body).not.toContainText('Anzeige');
  // The rest of what was typed to pick the role stayed in the menu, not in the article.
  await expect(line(13)).toBeFocused();
  await expect(editor.field('Headline')).toHaveText('Neue Brücke über die Volme wird im Frühjahr eröffnet');
  // And line 7 is the kicker the guess already made; line 6 is the rubric: kept as they are.
  await expect(line(6)).toHaveValue('rubric');

  // What the store holds, read from its file: the text without the advert, a new revision, the correction noted.
  await expect.poll(() => EditorPage.storedArticle(app.dbPath).revision).toBe(2);
  const stored = EditorPage.storedArticle(app.dbPath);
  expect(JSON.stringify(stored.body)).not.toContain('Anzeige');
  expect(stored).toMatchObject({
    headline: 'Neue Brücke über die Volme wird im Frühjahr eröffnet',
    byline: 'Sandra Vogt',
    publishedAt: '2026-11-21T08:00:00.000Z',
    signOff: { authors: ['sv'], agencies: ['dpa'] },
  });

  // Typing in the article goes on as usual afterwards.
  await editor.focusField('Headline');
  await page.keyboard.type(' – mit Radweg');
  await editor.waitSaved();
  expect(EditorPage.storedArticle(app.dbPath).headline).toBe(
    'Neue Brücke über die Volme wird im Frühjahr eröffnet – mit Radweg',
  );
  await page.setViewportSize({ width: 800, height: 900 });
  await page.screenshot({ path: 'test-results/page-review-800.png' });
});

test('a page copied with its HTML is read from its markup; a page without an article is refused and nothing stored', async ({
  app,
  appPage: page,
}) => {
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
  const html = `<html><body><!--StartFragment--><nav><a href="/">Start</a> <a href="/region">Region</a></nav><h1>Neue Brücke über die Volme</h1><p class="intro">Die Stadt gibt die Brücke im April frei.</p><p>Die alte Brücke war im Sommer 2024 wegen Rostschäden gesperrt worden. Seitdem mussten Fußgänger einen Umweg von fast einem Kilometer in Kauf nehmen.</p><p>Die Kosten für den Neubau liegen bei 3,4 Millionen Euro, davon trägt das Land 60 Prozent.</p><footer>Impressum</footer><!--EndFragment--></body></html>`;
  await pasteOnList(page, html, 'Neue Brücke über die Volme\nDie Stadt gibt die Brücke im April frei.');
  const editor = new EditorPage(page);
  await editor.opened();
  await expect(editor.field('Headline')).toHaveText('Neue Brücke über die Volme');
  await expect(editor.body).toContainText('Die Kosten für den Neubau');
  await expect(editor.body).not.toContainText('Impressum');
  // Read from its HTML: no line-by-line source to review.
  await expect(page.getByRole('button', { name: 'Page source' })).toHaveCount(0);

  await page.getByRole('button', { name: '← Articles' }).click();
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
  await pasteOnList(page, null, 'Sign in\nEmail address\nPassword\nForgot your password?\nSign in\nCreate an account');
  await expect(page.getByRole('alert')).toContainText('No article found in pasted page.txt');
  const db = new (await import('better-sqlite3')).default(app.dbPath, { readonly: true });
  try {
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1);
  } finally {
    db.close();
  }
});
