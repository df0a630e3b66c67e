// The newsroom journey across two browser-mode desktops and one newsroom server on a real
// PostgreSQL: a journalist writes while the server is down; once it is up the article is in the
// desk's queue within 2 s; the desk comments and the journalist sees it; both edit the same
// revision; the desk sees both versions and chooses; both stores end with the same text.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { addAccount } from '../../src/server/accounts';
import { migrate } from '../../src/server/db/migrations';
import { findPostgresBin } from '../../src/server/pg/binaries';
import { startThrowawayCluster, type ThrowawayCluster } from '../../src/server/pg/throwawayCluster';
import { decodeRevision } from '../../src/main/store/revisionCodec';
import { revisionHash } from '../helpers/syncContent';
import { EditorPage } from './editorPage';
import { launchChromium, startBrowserMode, type RunningApp } from './harness';
import { missingPrerequisite } from '../helpers/prerequisites';

const SERVER_BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'byline-server.cjs');
const NO_POSTGRES = findPostgresBin()
  ? null
  : missingPrerequisite(
      'the newsroom journeys',
      "PostgreSQL's initdb and pg_ctl were not found (apt-get install postgresql); they need a real database",
    );

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** `byline-server start` as an operator runs it; resolves once it says it listens. */
async function startServer(pgUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [SERVER_BIN, 'start', '--port', String(port), '--pg', pgUrl], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/listening on/.test(out)) resolve();
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`byline-server exited (${code}): ${out}`)));
  });
  return child;
}

const killed = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => (child.once('exit', () => r()), child.kill('SIGKILL')));

/** Joins the newsroom from the status line, with the keyboard after the one click, as a person does. */
async function join(page: Page, url: string, account: string, password: string): Promise<void> {
  await page.getByRole('button', { name: 'Join…' }).click();
  await page.keyboard.type(url);
  await page.keyboard.press('Tab');
  await page.keyboard.type(account);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status', { name: 'Newsroom server' })).toContainText('Online');
}

/** A browser-mode desktop, open in its own browser context, joined to the newsroom server as `account`. */
async function joinedDesktop(
  browser: Browser,
  url: string,
  account: { name: string; password: string },
  ownProfile?: { initials: string; role: string },
): Promise<{ app: RunningApp; page: Page }> {
  const app = await startBrowserMode();
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await page.goto(app.url);
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  const profileForm = page.getByRole('form', { name: 'Your profile' });
  if (ownProfile) {
    await profileForm.getByLabel('Name').click();
    await page.keyboard.type(account.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ownProfile.initials);
    await profileForm.getByLabel('Role').selectOption({ label: ownProfile.role });
    await profileForm.getByRole('button', { name: 'Save profile' }).click();
  }
  await join(page, url, account.name, account.password);
  // Without a profile of its own, the machine records saves as the account signed in.
  await expect(profileForm).toBeHidden();
  if (!ownProfile) await expect(page.locator('.app-footer')).toContainText(`Changes recorded as ${account.name} (`);
  return { app, page };
}

/** Each revision of an article in a store file, in order: number, status, headline and a hash of its whole text. */
function revisionsIn(dbPath: string, id: string): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    const rows = db
      .prepare(
        'SELECT r.revision, r.doc FROM revisions r JOIN articles a ON a.pk = r.article_pk WHERE a.id = ? ORDER BY r.revision',
      )
      .all(id) as { revision: number; doc: Buffer }[];
    return rows.map(({ revision, doc }) => {
      const article = decodeRevision(doc);
      return `${revision} ${article.status} ${article.headline} ${revisionHash(article, '')}`;
    });
  } finally {
    db.close();
  }
}

/** The article's text as each store file holds it, read from SQLite itself. */
function stored(dbPath: string, id: string): { headline: string; revisions: number } {
  const db = new Database(dbPath, { readonly: true });
  try {
    const doc = JSON.parse(db.prepare('SELECT doc FROM articles WHERE id = ?').pluck().get(id) as string) as {
      headline: string;
    };
    const revisions = db
      .prepare('SELECT count(*) FROM revisions r JOIN articles a ON a.pk = r.article_pk WHERE a.id = ?')
      .pluck()
      .get(id) as number;
    return { headline: doc.headline, revisions };
  } finally {
    db.close();
  }
}

test.describe('the newsroom server', () => {
  test.skip(!!NO_POSTGRES, NO_POSTGRES ?? '');
  let cluster: ThrowawayCluster;
  let pool: pg.Pool;
  let server: ChildProcess | null = null;
  const apps: RunningApp[] = [];
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    cluster = await startThrowawayCluster();
    pool = new pg.Pool({ connectionString: cluster.url, max: 2 });
  });
  test.afterAll(async () => {
    if (server) await killed(server);
    for (const a of apps) await a.stop();
    await pool?.end();
    await cluster?.stop();
  });

  test('a journalist writes offline, the desk gets it within 2 s of the server coming up, comments travel, both edit one revision and the desk chooses', async () => {
    test.setTimeout(180_000);
    await migrate(pool);
    const anna = await addAccount(pool, {
      name: 'Anna Muster',
      initials: 'am',
      role: 'journalist',
      desks: ['Politik'],
    });
    const dora = await addAccount(pool, { name: 'Dora Desk', initials: 'dd', role: 'desk', desks: ['Politik'] });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    server = await startServer(cluster.url, port);

    const browser = await launchChromium();
    try {
      const { app: reporter, page: a } = await joinedDesktop(browser, url, {
        name: 'Anna Muster',
        password: anna.password,
      });
      const { app: desk, page: d } = await joinedDesktop(browser, url, { name: 'Dora Desk', password: dora.password });
      apps.push(reporter, desk);

      // The server goes down; Anna writes on the train.
      await killed(server);
      const annaStatus = a.getByRole('status', { name: 'Newsroom server' });
      await expect(annaStatus).toContainText('Offline');
      const annaEditor = new EditorPage(a);
      await a.getByRole('button', { name: 'New article' }).click();
      await a.keyboard.type('IS-Kämpfer holen Teile von Albu Kamal zurück');
      await annaEditor.opened();
      await annaEditor.waitSaved();
      const id = decodeURIComponent(new URL(a.url()).hash.replace(/^#\/?article\//, ''));
      await expect(annaStatus).toContainText(/[1-9]\d* changes? waiting to go out/);
      await a.screenshot({ path: test.info().outputPath('newsroom-offline.png') });

      // The server comes back: the article shows in the desk's queue within 2 s.
      server = await startServer(cluster.url, port);
      const up = Date.now();
      const row = d.locator('.article-row', { hasText: 'IS-Kämpfer holen Teile von Albu Kamal zurück' });
      await expect(row).toBeVisible({ timeout: 2000 });
      console.log(`newsroom: in the desk's queue ${Date.now() - up} ms after the server came up`);
      await expect(annaStatus).toContainText('nothing waiting');

      // The desk opens it: Anna sees who is editing; the desk comments on two words of the headline.
      await row.getByRole('button', { name: 'IS-Kämpfer holen Teile von Albu Kamal zurück', exact: true }).click();
      const deskEditor = new EditorPage(d);
      await deskEditor.opened();
      await expect(a.getByRole('status').filter({ hasText: 'Dora Desk is editing this article too' })).toBeVisible();
      await expect(d.getByRole('status').filter({ hasText: 'Anna Muster is editing this article too' })).toBeVisible();
      // In a narrow window the side panels are a drawer; its button says someone else is editing.
      await d.setViewportSize({ width: 800, height: 900 });
      await expect(d.getByRole('button', { name: 'Status & details 1 editing' })).toBeVisible();
      await d.screenshot({ path: test.info().outputPath('newsroom-presence-800.png') });
      await d.setViewportSize({ width: 1400, height: 900 });
      await deskEditor.focusField('Headline');
      await d.keyboard.press('Control+Shift+ArrowLeft');
      await d.keyboard.press('Control+Shift+ArrowLeft');
      await d.keyboard.press('Control+Alt+m');
      await d.keyboard.type('Quelle für die Rückeroberung?');
      await d.keyboard.press('Control+Enter');
      await expect(
        d
          .getByRole('region', { name: 'Comments' })
          .getByRole('article', { name: 'Comment on Headline: “Kamal zurück”' }),
      ).toContainText('Quelle für die Rückeroberung?');
      await d.screenshot({ path: test.info().outputPath('newsroom-desk-comment.png') });
      // Anna sees it, on its words, without doing anything.
      await expect(a.getByRole('button', { name: 'Comments (1)' })).toBeVisible();
      await a.getByRole('button', { name: 'Comments (1)' }).click();
      await expect(
        a
          .getByRole('region', { name: 'Comments' })
          .getByRole('article', { name: 'Comment on Headline: “Kamal zurück”' }),
      ).toContainText('Quelle für die Rückeroberung?');
      await a.screenshot({ path: test.info().outputPath('newsroom-comment.png') });

      // Both edit the same revision while the server is down again.
      await killed(server);
      await expect(annaStatus).toContainText('Offline');
      await annaEditor.focusField('Headline');
      await a.keyboard.type(' (AFP)');
      await annaEditor.waitSaved();
      await deskEditor.focusField('Headline');
      await d.keyboard.type(' (dpa)');
      await deskEditor.waitSaved();
      server = await startServer(cluster.url, port);

      // The desk sees both versions and takes Anna's; both machines end with it, nothing lost.
      const diverged = d.getByRole('alert', { name: 'Diverged version' });
      await expect(diverged).toContainText('Anna Muster changed this article on another machine');
      await d.screenshot({ path: test.info().outputPath('newsroom-choose.png') });
      await diverged.getByRole('button', { name: 'Take Anna Muster’s' }).click();
      await expect(deskEditor.field('Headline')).toHaveText('IS-Kämpfer holen Teile von Albu Kamal zurück (AFP)');
      await expect(annaEditor.field('Headline')).toHaveText('IS-Kämpfer holen Teile von Albu Kamal zurück (AFP)');
      await expect(a.getByRole('alert', { name: 'Diverged version' })).toHaveCount(0);
      await expect(annaStatus).toContainText('nothing waiting');
      await expect(d.getByRole('status', { name: 'Newsroom server' })).toContainText('nothing waiting');

      const atAnna = stored(reporter.dbPath, id);
      const atDesk = stored(desk.dbPath, id);
      expect(atAnna.headline).toBe('IS-Kämpfer holen Teile von Albu Kamal zurück (AFP)');
      expect(atDesk.headline).toBe(atAnna.headline);
      // The desk's own "(dpa)" is kept in its history: nothing typed was lost.
      const deskDb = new Database(desk.dbPath, { readonly: true });
      const deskTexts = deskDb.prepare('SELECT headline FROM revisions').pluck().all();
      deskDb.close();
      expect(deskTexts).toContain('IS-Kämpfer holen Teile von Albu Kamal zurück (dpa)');
      // One history on the server: a single head.
      const heads = await pool.query(
        "SELECT id FROM records r WHERE article_id = $1 AND kind = 'revision' AND NOT EXISTS (SELECT 1 FROM records c WHERE r.id = ANY(c.parents))",
        [id],
      );
      expect(heads.rowCount).toBe(1);
    } finally {
      await browser.close();
    }
  });

  test('the desk assigns an article to a journalist of another desk, who gets it with its history; a step the server refuses is shown and undone by going back', async () => {
    test.setTimeout(180_000);
    await migrate(pool);
    const dora = await addAccount(pool, { name: 'Dora Zwei', initials: 'dz', role: 'desk', desks: ['Ausland'] });
    const ben = await addAccount(pool, { name: 'Ben Sport', initials: 'bs', role: 'journalist', desks: ['Sport'] });
    if (server) await killed(server);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    server = await startServer(cluster.url, port);
    const browser = await launchChromium();
    try {
      const { app: deskApp, page: d } = await joinedDesktop(browser, url, {
        name: 'Dora Zwei',
        password: dora.password,
      });
      // Ben set up his machine himself, as a desk editor; the server knows him as a journalist.
      const { app: benApp, page: b } = await joinedDesktop(
        browser,
        url,
        { name: 'Ben Sport', password: ben.password },
        { initials: 'bs', role: 'Desk editor' },
      );
      apps.push(deskApp, benApp);

      // The desk writes an article (two revisions) and assigns it to Ben from the Sport desk.
      const deskEditor = new EditorPage(d);
      await d.getByRole('button', { name: 'New article' }).click();
      await d.keyboard.type('Olympia-Bewerbung');
      await deskEditor.opened();
      await deskEditor.waitSaved();
      await d.keyboard.type(' abgelehnt');
      await deskEditor.waitSaved();
      await d.getByRole('button', { name: 'Assign…' }).click();
      const form = d.getByRole('form', { name: 'Assign the article' });
      // The keyboard is in the list of colleagues at once.
      await expect(form.getByRole('checkbox').first()).toBeFocused();
      await form.getByRole('checkbox', { name: /^Ben Sport/ }).check();
      await d.keyboard.press('Enter');
      await expect(d.getByRole('status').filter({ hasText: 'Assigned to Ben Sport.' })).toBeVisible();

      // Ben's queue has it, with its history.
      const row = b.locator('.article-row', { hasText: 'Olympia-Bewerbung abgelehnt' });
      await expect(row).toBeVisible();
      // Dora still has it open: Ben's queue says so.
      await expect(row).toContainText('Dora Zwei is editing');
      await row.getByRole('button', { name: 'Olympia-Bewerbung abgelehnt', exact: true }).click();
      const benEditor = new EditorPage(b);
      await benEditor.opened();
      await b.getByRole('button', { name: 'History' }).click();
      await expect(b.getByRole('region', { name: 'History' })).toContainText('Dora Zwei');
      // His store holds every revision the desk made, each with its own text, as the desk's store does.
      const assigned = new URL(b.url()).hash.replace('#/article/', '');
      const atDesk = revisionsIn(deskApp.dbPath, assigned);
      expect(atDesk.length).toBeGreaterThanOrEqual(2);
      await expect.poll(() => revisionsIn(benApp.dbPath, assigned)).toEqual(atDesk);

      // His machine lets him start the review, as its profile says desk; the server does not.
      const status = b.getByRole('region', { name: 'Status' });
      await status.getByRole('group', { name: 'Move to' }).getByRole('button', { name: 'Submit for review' }).click();
      await expect(status).toContainText('Status: Submitted');
      await status.getByRole('group', { name: 'Move to' }).getByRole('button', { name: 'Start review' }).click();
      await expect(status).toContainText('Status: In review');
      const refusal = b.getByRole('alert', { name: 'Refused by the newsroom server' });
      await expect(refusal).toContainText('In review is a step for desk');
      await b.screenshot({ path: test.info().outputPath('newsroom-refused.png') });
      await refusal.getByRole('button', { name: 'Go back to the server’s version' }).click();
      await expect(status).toContainText('Status: Submitted');
      await expect(refusal).toHaveCount(0);
      await expect(b.getByRole('status', { name: 'Newsroom server' })).toContainText('nothing waiting');

      // The desk's store has the article as the server does: submitted, one history.
      await expect
        .poll(() => {
          const db = new Database(deskApp.dbPath, { readonly: true });
          try {
            return JSON.parse(
              db
                .prepare(
                  "SELECT doc FROM articles WHERE json_extract(doc, '$.headline') = 'Olympia-Bewerbung abgelehnt'",
                )
                .pluck()
                .get() as string,
            ).status;
          } finally {
            db.close();
          }
        })
        .toBe('submitted');
    } finally {
      await browser.close();
    }
  });
});
