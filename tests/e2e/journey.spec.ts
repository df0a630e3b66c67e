import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { validateXML } from 'xmllint-wasm';
import { EditorPage } from './editorPage';
import { launchChromium, startBrowserMode, type RunningApp } from './harness';

// Two machines: the journalist's and the desk's, each its own app and store. Work moves between
// them only as .byline files, as it would by mail or a shared folder.
let journalistApp: RunningApp;
let deskApp: RunningApp;
test.beforeEach(async () => {
  [journalistApp, deskApp] = await Promise.all([startBrowserMode(), startBrowserMode()]);
});
test.afterEach(async () => {
  await Promise.all([journalistApp.stop(), deskApp.stop()]);
});

async function openApp(page: Page, app: RunningApp, name: string, initials: string, role: string) {
  await page.goto(app.url);
  const profile = page.getByRole('form', { name: 'Your profile' });
  await profile.getByLabel('Name').fill(name);
  await profile.getByLabel('Initials').fill(initials);
  await profile.getByLabel('Role').selectOption({ label: role });
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(profile).toBeHidden();
}

/** File → Send for review; returns the package's path from the notice. */
async function sendForReview(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Send for review…' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Package for review written to' });
  await expect(notice).toBeVisible();
  const file = /written to (\S+\.byline)/.exec((await notice.textContent()) ?? '')![1]!;
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  return file;
}

/** File → Open on the article list, choosing the package. */
async function openPackage(page: Page, file: string) {
  await page
    .getByRole('button', { name: '← Articles' })
    .or(page.getByRole('button', { name: 'Import or open…' }))
    .first()
    .click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import or open…' }).click();
  await (await chooser).setFiles(file);
}

/** Drops the package onto the article list, as from a mail attachment or a file manager. */
async function dropPackage(page: Page, file: string) {
  await page.getByRole('button', { name: '← Articles' }).click();
  const list = page.getByRole('main');
  const dataTransfer = await page.evaluateHandle(
    ([name, base64]) => {
      const dt = new DataTransfer();
      dt.items.add(
        new File([Uint8Array.from(atob(base64!), (c) => c.charCodeAt(0))], name!, { type: 'application/octet-stream' }),
      );
      return dt;
    },
    [path.basename(file), fs.readFileSync(file).toString('base64')],
  );
  await list.dispatchEvent('dragover', { dataTransfer });
  await list.dispatchEvent('drop', { dataTransfer });
}

/** A workflow step by its button (a verb, as the house style names it); the status is then `label`. */
async function moveTo(page: Page, action: string, label: string, reason?: string) {
  await page
    .getByRole('region', { name: 'Status' })
    .getByRole('group', { name: 'Move to' })
    .getByRole('button', { name: action })
    .click();
  if (reason) {
    const form = page.getByRole('form', { name: `Reason for ${label}` });
    await page.keyboard.type(reason); // the reason box has the keyboard
    await form.getByRole('button', { name: action.replace(/…$/, '') }).click();
  }
  await expect(page.getByRole('region', { name: 'Status' })).toContainText(`Status: ${label}`);
}

test('journey: the journalist drafts the seed article and sends it; the desk comments and sends it back; the fix comes back; the desk sees the diff, approves, exports valid NITF', async () => {
  const browser = await launchChromium();
  const journalist = await (await browser.newContext()).newPage();
  const desk = await (await browser.newContext()).newPage();
  await openApp(journalist, journalistApp, 'Anna Muster', 'haz', 'Journalist');
  await openApp(desk, deskApp, 'Bernd Schulz', 'bs', 'Desk editor');
  const j = new EditorPage(journalist);
  const d = new EditorPage(desk);

  // The journalist drafts the seed article (Deutsche Welle, 10 November 2017) and submits it.
  await journalist.getByRole('button', { name: 'New article' }).click();
  await j.focusField('Rubric');
  await journalist.keyboard.type('Politik');
  await journalist.keyboard.press('Enter');
  await journalist.keyboard.press('Enter');
  await journalist.keyboard.type('IS-Kämpfer holen Teile von Albu Kamal zurück');
  await journalist.keyboard.press('Enter');
  await journalist.keyboard.type(
    'Erst war von Militärerfolgen die Rede, jetzt folgt die Ernüchterung: Die IS-Terrormiliz kontrolliert wieder große Teile der Stadt.',
  );
  await journalist.keyboard.press('Enter');
  await journalist.keyboard.type('Die Dschihadistenmiliz "Islamischer Staat" habe einen Gegenangriff gestartet.');
  await journalist.keyboard.press('Enter');
  await journalist.keyboard.type('## Kampf um die letzte Bastion');
  await journalist.keyboard.press('Enter');
  await journalist.keyboard.type('Die Dschihadisten brachten mehrere Viertel im Norden wieder in ihre Gewalt.');
  await j.addSignOff('haz/qu (afp, dpa)');
  await j.waitSaved();
  await moveTo(journalist, 'Submit for review', 'Submitted');
  const first = await sendForReview(journalist);

  // The desk opens the package: the article, as submitted, with the journalist's history.
  await openPackage(desk, first);
  await expect(desk.getByRole('status').filter({ hasText: 'arrived from Anna Muster (haz)' })).toBeVisible();
  await expect(d.field('Headline')).toHaveText('IS-Kämpfer holen Teile von Albu Kamal zurück');
  await expect(desk.getByRole('region', { name: 'Status' })).toContainText('Status: Submitted');
  await moveTo(desk, 'Start review', 'In review');
  await desk.getByRole('button', { name: /^Comments/ }).click();
  const deskComments = desk.getByRole('region', { name: 'Comments' });
  await deskComments.getByLabel('On').selectOption({ label: 'Headline' });
  await deskComments
    .getByRole('textbox', { name: 'Comment', exact: true })
    .fill('AFP schreibt Abu Kamal – bitte angleichen');
  await deskComments.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(deskComments.getByRole('article', { name: 'Comment on Headline' })).toBeVisible();
  await moveTo(desk, 'Send back to author…', 'Back to author', 'Ortsname an AFP angleichen');
  const second = await sendForReview(desk);

  // The journalist opens it: back to the author with the reason and the comment; fixes, replies, resubmits.
  await openPackage(journalist, second);
  await expect(journalist.getByRole('status').filter({ hasText: 'from Bernd Schulz (bs) added' })).toBeVisible();
  await expect(journalist.getByRole('region', { name: 'Status' })).toContainText('Status: Back to author');
  await journalist.getByRole('button', { name: 'Comments (1)' }).click();
  const thread = journalist
    .getByRole('region', { name: 'Comments' })
    .getByRole('article', { name: 'Comment on Headline' });
  await expect(thread).toContainText('Bernd Schulz (bs)');
  await expect(thread).toContainText('AFP schreibt Abu Kamal – bitte angleichen');
  await j.field('Headline').click();
  await journalist.keyboard.press('End');
  await journalist.keyboard.press('Shift+Home');
  await journalist.keyboard.type('IS-Kämpfer holen Teile von Abu Kamal zurück');
  await j.waitSaved();
  await thread.getByLabel('Reply text').fill('Angeglichen');
  await thread.getByRole('button', { name: 'Reply' }).click();
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await moveTo(journalist, 'Submit for review', 'Submitted');
  const third = await sendForReview(journalist);

  // The desk drops the fix onto its list, sees what changed since it sent the article back, approves, exports.
  await dropPackage(desk, third);
  await expect(desk.getByRole('status').filter({ hasText: 'from Anna Muster (haz) added' })).toBeVisible();
  await expect(d.field('Headline')).toHaveText('IS-Kämpfer holen Teile von Abu Kamal zurück');
  await desk.getByRole('button', { name: 'History' }).click();
  const history = desk.getByRole('region', { name: 'History' });
  // The step that sent it back stands out in the history; "Changes since" shows what came after.
  const entries = history.getByRole('list', { name: 'Sessions and steps' }).getByRole('listitem');
  const sentBack = entries.filter({ hasText: 'Ortsname an AFP angleichen' });
  await expect(sentBack).toHaveClass(/step/);
  await sentBack.getByRole('button', { name: 'Changes since' }).click();
  const changes = history.locator('.diff');
  await expect(changes.locator('.diff-fields tr', { hasText: 'headline' }).locator('del')).toHaveText(
    'IS-Kämpfer holen Teile von Albu Kamal zurück',
  );
  await expect(changes.locator('.diff-fields tr', { hasText: 'headline' }).locator('ins')).toHaveText(
    'IS-Kämpfer holen Teile von Abu Kamal zurück',
  );
  await expect(changes.locator('.diff-fields tr', { hasText: 'status' }).locator('ins')).toHaveText('Submitted');
  await expect(entries.first()).toContainText('Anna Muster (haz)');
  await expect(desk.getByRole('button', { name: 'Comments', exact: true })).toBeVisible(); // no open comments left

  await moveTo(desk, 'Start review', 'In review');
  await moveTo(desk, 'Approve', 'Approved');
  await desk.getByRole('button', { name: 'Export…' }).click();
  await desk
    .getByRole('form', { name: 'Export' })
    .getByLabel('Format')
    .selectOption({ label: 'NITF 3.6 (validated against the official schema)' });
  await desk.getByRole('button', { name: 'Export', exact: true }).click();
  const notice = desk.getByRole('status').filter({ hasText: 'Exported to' });
  await expect(notice).toContainText('Checked against');
  const nitf = fs.readFileSync(/Exported to (\S+)/.exec((await notice.textContent()) ?? '')![1]!, 'utf8');
  // Checked again here, with libxml2 against the official NITF 3.6 schema the app ships.
  const schemaFile = (f: string) => ({
    fileName: f,
    contents: fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/standards/nitf', f), 'utf8'),
  });
  const check = await validateXML({
    xml: [{ fileName: 'export.xml', contents: nitf }],
    schema: [schemaFile('nitf-3-6.xsd')],
    preload: [schemaFile('xml.xsd'), schemaFile('nitf-3-6-ruby-include.xsd')],
  });
  expect(check.errors).toEqual([]);
  expect(nitf).toContain('IS-Kämpfer holen Teile von Abu Kamal zurück');
  expect(nitf).toContain('<tagline>haz/qu (afp, dpa)</tagline>');
  expect(nitf).not.toContain('Angeglichen'); // comments never go out
  await browser.close();
});
