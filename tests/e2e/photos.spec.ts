import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { endExiftool } from '../../src/main/media/exiftool';
import { readPhotoMetadata } from '../../src/main/media/readMetadata';
import { seedArticle } from '../helpers/articles';
import { writeAgencyJpeg } from '../helpers/agencyPhoto';
import { jpegOf } from '../helpers/images';
import { seriousViolations } from './axe';
import { EditorPage } from './editorPage';
import { expect, test } from './fixtures';

test.afterAll(() => endExiftool());

const agencyPhoto = (dir: string) => writeAgencyJpeg(path.join(dir, 'AFP_Albu-Kamal.jpg'), 1200, 800);

/** Drops a file on an element, at its middle, as a file manager does. */
async function dropFile(page: Page, target: ReturnType<Page['locator']>, file: string, type: string) {
  const box = (await target.boundingBox())!;
  const dataTransfer = await page.evaluateHandle(
    ([name, base64, mime]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(base64!), (c) => c.charCodeAt(0))], name!, { type: mime }));
      return dt;
    },
    [path.basename(file), fs.readFileSync(file).toString('base64'), type],
  );
  const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
  await target.dispatchEvent('dragover', { dataTransfer, ...at });
  await target.dispatchEvent('drop', { dataTransfer, ...at });
}

test('a photo dropped into the text comes with its caption and credit; an edit shows as edited; the photo desk lists and fixes it; the export writes it back', async ({
  app,
  appPage: page,
}) => {
  const photo = await agencyPhoto(app.dataDir);
  await page.getByRole('button', { name: 'New article' }).click();
  const editor = new EditorPage(page);
  // Typed as a person types (Playwright's fill() replaces a Slate field's DOM behind Slate's back).
  await editor.focusField('Headline');
  await page.keyboard.type(seedArticle().headline!);
  await expect(editor.field('Headline')).toHaveText(seedArticle().headline!);
  await editor.body.locator('p').first().click();
  await page.keyboard.type('Die Dschihadistenmiliz habe einen Gegenangriff gestartet.');
  await editor.waitSaved();

  await dropFile(page, editor.body.locator('p').first(), photo, 'image/jpeg');
  const figure = editor.body.locator('figure.block-image');
  await expect(figure).toHaveCount(1);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Added AFP_Albu-Kamal.jpg: check the caption and credit taken from the file' }),
  ).toBeVisible();
  await expect(figure.getByLabel('Caption')).toHaveValue('Kämpfer in al-Qaim');
  await expect(figure.getByLabel('Provider')).toHaveValue('Getty Images');
  await expect(figure.getByLabel('Agency')).toHaveValue('AFP');
  await expect(figure.getByLabel('Photographer')).toHaveValue('Ali al-Rubaye');
  await expect(figure.locator('.credit-line')).toHaveText('Bild: Getty Images/AFP/A. al-Rubaye');
  await expect(figure.locator('.origin').first()).toHaveText('from the file');
  await expect(
    figure.getByRole('img', { name: 'Picture without alt text' }).or(figure.locator('img.image-preview')),
  ).toHaveAttribute('src', /^data:image\/webp;base64,/);
  await expect(figure.getByRole('list', { name: 'Problems with this picture' })).toHaveText('No alt text');
  expect(await seriousViolations(page)).toEqual([]);

  // The photographer typed wrongly contradicts the file: flagged at once.
  await figure.getByLabel('Photographer').fill('Alan Rubin');
  await expect(figure.getByRole('list', { name: 'Problems with this picture' })).toContainText(
    'The photographer "Alan Rubin" is not the file\'s creator "Ali al-Rubaye"',
  );
  await expect(figure.locator('.origin.edited').last()).toContainText(
    'the file says “Bild: Getty Images/AFP/A. al-Rubaye”',
  );
  await figure.getByLabel('Caption').fill('Kämpfer der irakischen Armee in al-Qaim');
  await figure.getByLabel('Alt text').fill('Bewaffnete Kämpfer auf einem Pick-up');
  await editor.waitSaved();

  // The photo desk lists it with where each value came from and what is wrong.
  await page
    .getByRole('button', { name: '← Articles' })
    .or(page.getByRole('button', { name: 'Close' }))
    .first()
    .click();
  await page.getByRole('button', { name: 'Photo desk' }).click();
  const rows = page.locator('.photo-table tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Kämpfer der irakischen Armee in al-Qaim edited');
  await expect(rows.first()).toContainText('Bild: Getty Images/AFP/A. Rubin edited');
  await expect(rows.first()).toContainText('file: Ali al-Rubaye · AFP via Getty Images');
  await expect(rows.first().locator('img.thumb')).toHaveAttribute('src', /^data:image\/webp/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('Credit contradicts the file').check();
  await expect(rows).toHaveCount(1);

  // Bulk edit: choose it, set the photographer, and the mismatch is gone.
  await rows.first().getByRole('checkbox').check();
  const bulk = page.getByRole('form', { name: 'Set credit on the chosen pictures' });
  const preview = bulk.getByRole('table', { name: 'What each picture will say' });
  // A credit that would contradict the file is shown before, and asked about.
  await bulk.getByLabel('Photographer').fill('Jane Roe');
  await expect(preview).toContainText('contradicts the file');
  await bulk.getByRole('button', { name: 'Set credit' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Credits that contradict their files' });
  await expect(confirm).toContainText('1 picture would get a credit that contradicts the file');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows.first()).toContainText('A. Rubin');
  await bulk.getByLabel('Photographer').fill('Ali al-Rubaye');
  await expect(preview).toContainText('→ Bild: Getty Images/AFP/A. al-Rubaye');
  await expect(preview).not.toContainText('contradicts');
  await bulk.getByRole('button', { name: 'Set credit' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Credit set on 1 picture; 1 article changed.' }),
  ).toBeVisible();
  await expect(page.getByText('No pictures match.')).toBeVisible();
  await page.getByLabel('Credit contradicts the file').uncheck();
  await expect(rows.first()).toContainText('Bild: Getty Images/AFP/A. al-Rubaye from the file');
  await page.getByLabel('Agency').selectOption('AFP');
  await expect(rows).toHaveCount(1);

  // Undo takes the change back (as new revisions), and the fix is made again.
  await page.locator('.photo-desk').getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'was taken back' })).toBeVisible();
  await expect(rows.first()).toContainText('A. Rubin');
  await rows.first().getByRole('checkbox').check();
  await bulk.getByLabel('Photographer').fill('Ali al-Rubaye');
  await bulk.getByRole('button', { name: 'Set credit' }).click();
  await expect(rows.first()).toContainText('Bild: Getty Images/AFP/A. al-Rubaye from the file');

  // The thumbnail opens the picture large; Escape gives the keyboard back to it.
  const thumb = rows.first().getByRole('button', { name: /large$/ });
  await thumb.click();
  const large = page.getByRole('dialog', { name: /^Picture in/ });
  await expect(large.locator('img')).toHaveAttribute('src', /^data:image\//);
  await page.keyboard.press('Escape');
  await expect(large).toHaveCount(0);
  await expect(thumb).toBeFocused();

  // Opening the article from the desk shows the fixed credit.
  await rows.first().getByRole('button', { name: seedArticle().headline!, exact: true }).click();
  await expect(editor.body.locator('figure.block-image').getByLabel('Photographer')).toHaveValue('Ali al-Rubaye');

  // The export carries a copy of the picture whose IPTC/XMP say the edited caption and credit.
  await page.getByRole('button', { name: 'Export…' }).click();
  await page
    .getByRole('form', { name: 'Export' })
    .getByLabel('Format')
    .selectOption({ label: 'NewsML-G2 2.35 package (ZIP with credited pictures)' });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Exported to' });
  await expect(notice).toContainText('pictures carry the caption and credit (read back)');
  const zip = unzipSync(fs.readFileSync(/Exported to (\S+)/.exec((await notice.textContent())!)![1]!));
  const [picture] = Object.keys(zip).filter((k) => k.startsWith('pictures/'));
  const copy = path.join(app.dataDir, 'copy.jpg');
  fs.writeFileSync(copy, zip[picture!]!);
  expect(await readPhotoMetadata(copy, 'copy.jpg')).toMatchObject({
    caption: 'Kämpfer der irakischen Armee in al-Qaim',
    creators: ['Ali al-Rubaye'],
    creditLine: 'Getty Images/AFP/A. al-Rubaye',
  });
  // The stored original still says what the agency sent.
  const original = path.join(
    `${app.dbPath}-assets`,
    path.basename(picture!, '.jpg').slice(0, 2),
    path.basename(picture!, '.jpg'),
  );
  expect(fs.readFileSync(original).equals(fs.readFileSync(photo))).toBe(true);
});

test('pictures that cannot be stored are named and leave nothing behind; the others still come in', async ({
  app,
  appPage: page,
}) => {
  await page.getByRole('button', { name: 'New article' }).click();
  const editor = new EditorPage(page);
  await editor.body.locator('p').first().click();
  const bad = path.join(app.dataDir, 'kaputt.jpg');
  fs.writeFileSync(bad, (await jpegOf(300, 200)).subarray(0, 700));
  const good = path.join(app.dataDir, 'gut.jpg');
  fs.writeFileSync(good, await jpegOf(300, 200));
  const agency = await agencyPhoto(app.dataDir);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add picture' }).click();
  // The big picture before the small one: the small one is stored first, but goes second.
  await (await chooser).setFiles([bad, agency, good]);
  await expect(page.getByRole('status').filter({ hasText: 'Added AFP_Albu-Kamal.jpg, gut.jpg' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'kaputt.jpg is damaged or incomplete' })).toBeVisible();
  // Stored two at a time, placed in the order they were chosen.
  const figures = editor.body.locator('figure.block-image');
  await expect(figures).toHaveCount(2);
  await expect(figures.nth(0).getByLabel('Caption')).toHaveValue('Kämpfer in al-Qaim');
  await expect(figures.nth(1).getByRole('list', { name: 'Problems with this picture' })).toHaveText(
    /No credit\s*No alt text/,
  );
  // Only the good pictures' originals are in the store (renditions sit beside them).
  const stored = (fs.readdirSync(`${app.dbPath}-assets`, { recursive: true }) as string[]).filter((f) =>
    /^[0-9a-f]{2}[/\\][0-9a-f]{64}$/.test(f),
  );
  expect(stored).toHaveLength(2);
});
