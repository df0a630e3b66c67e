import fs from 'node:fs';
import path from 'node:path';
import { endExiftool } from '../../src/main/media/exiftool';
import { writeAgencyJpeg } from '../helpers/agencyPhoto';
import { fixture, SKIP_NO_FIXTURES } from '../helpers/fixtures';
import { EditorPage } from './editorPage';
import { expect, test } from './fixtures';

test.afterAll(() => endExiftool());

const seed = fixture('articles/dw-2017-11-10-albu-kamal.txt');

test('the seed page comes in with its picture waiting for the file; choosing the file attaches it, keeping caption and credit', async ({
  app,
  appPage: page,
}) => {
  test.skip(!seed, `needs the seed page: ${SKIP_NO_FIXTURES}`);
  // Imported as a person does it: Import or open…, then the file.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import or open…' }).click();
  await (await chooser).setFiles(seed!);
  const editor = new EditorPage(page);
  await editor.opened();

  const figure = editor.body.locator('figure.block-image');
  await expect(figure.getByTestId('missing-file')).toContainText('File missing');
  await expect(figure.getByLabel('Caption')).toHaveValue('Syrien al-Qaim Krieg Kämpfe gegen den IS');
  await expect(figure.getByLabel('Provider')).toHaveValue('Getty Images');
  await expect(figure.getByLabel('Agency')).toHaveValue('AFP');
  await expect(figure.getByLabel('Photographer')).toHaveValue('A. al-Rubaye');
  await expect(figure.getByRole('list', { name: 'Problems with this picture' })).toContainText('File missing');
  await figure.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/missing-file.png', fullPage: false });

  // The file, chosen: the picture shows, the caption and credit from the page stay.
  const photo = await writeAgencyJpeg(path.join(app.dataDir, 'AFP_al-Qaim.jpg'), 1200, 800);
  const picker = page.waitForEvent('filechooser');
  await figure.getByRole('button', { name: 'choose its file…' }).click();
  await (await picker).setFiles(photo);
  await expect(figure.locator('img.image-preview')).toHaveAttribute('src', /^data:image\/webp;base64,/);
  await expect(figure.getByTestId('missing-file')).toHaveCount(0);
  await expect(figure.getByLabel('Caption')).toHaveValue('Syrien al-Qaim Krieg Kämpfe gegen den IS');
  await expect(figure.locator('.credit-line')).toHaveText('Bild: Getty Images/AFP/A. al-Rubaye');
  await expect(figure.getByRole('list', { name: 'Problems with this picture' })).not.toContainText('File missing');

  // Alt text typed as a person types it, then read back from the store file itself.
  await figure.getByLabel('Alt text').click();
  await page.keyboard.type('Bewaffnete Kämpfer in al-Qaim');
  await editor.waitSaved();
  const stored = EditorPage.storedArticle(app.dbPath);
  const image = stored.body[0] as { assetId: string | null; caption: string; credit: unknown; alt: string };
  expect(image).toMatchObject({
    caption: 'Syrien al-Qaim Krieg Kämpfe gegen den IS',
    credit: { provider: 'Getty Images', agency: 'AFP', creator: 'A. al-Rubaye' },
    alt: 'Bewaffnete Kämpfer in al-Qaim',
  });
  expect(image.assetId).toMatch(/^[0-9a-f]{64}$/);
  expect(fs.existsSync(path.join(`${app.dbPath}-assets`, image.assetId!.slice(0, 2), image.assetId!))).toBe(true);
});
