import fs from 'node:fs';
import path from 'node:path';
import { EditorPage } from './editorPage';
import { expect, test } from '@playwright/test';
import { seedArticle } from '../helpers/articles';
import { launchChromium, startBrowserMode, type RunningApp } from './harness';

let app: RunningApp;

/** The path in an "Exported to …" notice (its next line names what the file was checked against). */
const exportedPath = (notice: string | null) => /Exported to (\S+)/.exec(notice ?? '')![1]!;
test.beforeEach(async () => {
  app = await startBrowserMode();
});
test.afterEach(async () => {
  await app.stop();
});

test('import Byline JSON files (a bad one is named, the good one comes in) and export an article', async () => {
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(app.url);
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();

  const good = path.join(app.dataDir, 'seed.json');
  const bad = path.join(app.dataDir, 'kaputt.json');
  fs.writeFileSync(good, JSON.stringify(seedArticle()));
  fs.writeFileSync(bad, '{"headline": "abgeschnitten');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import or open…' }).click();
  await (await chooser).setFiles([good, bad]);

  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 article' })).toContainText(
    'IS-Kämpfer holen Teile von Albu Kamal zurück',
  );
  await expect(page.getByRole('alert')).toContainText('kaputt.json is not valid JSON');
  const rows = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  await expect(rows).toHaveCount(1);

  await rows.getByRole('button', { name: 'IS-Kämpfer holen Teile von Albu Kamal zurück', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Body' }).locator('h2')).toHaveText('Kampf um die letzte Bastion');
  const exportAs = async (label: string) => {
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByRole('form', { name: 'Export' }).getByLabel('Format').selectOption({ label });
    await page.getByRole('button', { name: 'Export', exact: true }).click();
  };
  await exportAs('Byline JSON');
  const notice = page.getByRole('status').filter({ hasText: 'Exported to' });
  await expect(notice).toBeVisible();
  const exported = exportedPath(await notice.textContent());
  expect(exported.startsWith(path.join(app.dataDir, 'exports'))).toBe(true);
  const article = JSON.parse(fs.readFileSync(exported, 'utf8'));
  expect(article).toMatchObject({
    headline: 'IS-Kämpfer holen Teile von Albu Kamal zurück',
    revision: 1,
    signOff: { authors: ['haz', 'qu'], agencies: ['afp', 'dpa'] },
  });
  expect(article.body).toEqual(JSON.parse(JSON.stringify(seedArticle().body)));

  // NITF, validated against the official schema before it is written.
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  await exportAs('NITF 3.6 (validated against the official schema)');
  const nitfNotice = page.getByRole('status').filter({ hasText: '.xml' });
  await expect(nitfNotice).toBeVisible();
  const nitfFile = exportedPath(await nitfNotice.textContent());
  expect(fs.readFileSync(nitfFile, 'utf8')).toContain('<tagline>haz/qu (afp, dpa)</tagline>');

  // An article without a headline is refused, naming what is missing, and nothing is written.
  await page.getByRole('button', { name: '← Articles' }).click();
  await page.getByRole('button', { name: 'New article' }).click();
  await expect(page.getByRole('textbox', { name: 'Headline', exact: true })).toBeVisible();
  const before = fs.readdirSync(path.join(app.dataDir, 'exports')).length;
  await exportAs('NITF 3.6 (validated against the official schema)');
  const refusal = page.getByRole('alert').filter({ hasText: 'This article cannot be exported yet. It needs:' });
  await expect(refusal.getByRole('listitem')).toHaveText(['a headline Go there']);
  // "Go there" puts the caret in the headline: the fix is typed at once.
  await refusal.getByRole('button', { name: 'Go there' }).click();
  await page.keyboard.type('Titel');
  await expect(new EditorPage(page).field('Headline')).toHaveText('Titel');
  expect(fs.readdirSync(path.join(app.dataDir, 'exports'))).toHaveLength(before);
  await browser.close();
});

test('drop agency files onto the list: NITF and a news page come in, a hostile file is named; export ninjs with its schema named', async () => {
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(app.url);
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();

  const files = [
    {
      name: 'agentur.xml',
      type: 'application/xml',
      text: '<nitf><body><body.head><hedline><hl1>Waffenruhe hält</hl1></hedline><byline>Von Anna Muster</byline></body.head><body.content><p>Die Lage ist <em class="bold">ruhig</em>.</p></body.content><body.end><tagline>ml (dpa)</tagline></body.end></body></nitf>',
    },
    {
      name: 'seite.txt',
      type: 'text/plain',
      text: 'Politik\n\nNeue Gespräche in Genf\n\n12. März 2024\n\nDie Delegationen treffen sich am Montag zu einer weiteren Runde, teilte das Außenministerium mit.\n\nDie Gespräche sollen eine Woche dauern.\n\nhaz (afp)',
    },
    {
      name: 'laughs.xml',
      type: 'application/xml',
      text: '<!DOCTYPE nitf [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><nitf>&b;</nitf>',
    },
  ];
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: f.type }));
    return dt;
  }, files);
  const list = page.getByRole('main');
  await list.dispatchEvent('dragover', { dataTransfer });
  await expect(page.getByText('Drop files to open or import them')).toBeVisible();
  await list.dispatchEvent('drop', { dataTransfer });

  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 articles' })).toContainText(
    'Waffenruhe hält, Neue Gespräche in Genf',
  );
  await expect(page.getByRole('alert')).toContainText('laughs.xml was refused: it declares its own entities in a DTD');
  const rows = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);

  await rows.getByRole('button', { name: 'Waffenruhe hält', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Body' }).locator('strong, b, [data-bold]').first()).toHaveText(
    'ruhig',
  );
  await page.getByRole('button', { name: 'Export…' }).click();
  await page
    .getByRole('form', { name: 'Export' })
    .getByLabel('Format')
    .selectOption({ label: 'ninjs 3.1 (validated against the official JSON schema)' });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Exported to' });
  await expect(notice).toContainText('Checked against the ninjs 3.1 JSON schema.');
  const file = exportedPath(await notice.textContent());
  expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({
    headlines: [{ role: 'main', value: 'Waffenruhe hält' }],
    by: 'Von Anna Muster',
    infoSources: [
      { name: 'ml', role: 'author' },
      { name: 'dpa', role: 'agency' },
    ],
  });
  await browser.close();
});

test('a file too large to import is named with the limit before it is read; the others still come in and the server keeps serving', async () => {
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(app.url);
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();

  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(110 * 1024 * 1024)], 'riesig.docx'));
    dt.items.add(
      new File(
        [
          'Politik\n\nGespräche in Genf\n\nDie Delegationen treffen sich am Montag.\n\nDie Gespräche sollen eine Woche dauern.',
        ],
        'seite.txt',
        { type: 'text/plain' },
      ),
    );
    return dt;
  });
  const list = page.getByRole('main');
  await list.dispatchEvent('dragover', { dataTransfer });
  await list.dispatchEvent('drop', { dataTransfer });

  await expect(page.getByRole('alert')).toContainText(
    'riesig.docx is 110.0 MB; files to import may be at most 100 MB. Nothing was stored.',
  );
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 article' })).toContainText('Gespräche in Genf');
  // The connection survived: a fresh page lists the article from the store.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);
  await browser.close();
});
