import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { seedArticle } from '../../helpers/articles';
import { tempDir } from '../../helpers/tmp';
import { byline } from './run';

let dir: string;
let db: string;
let id: string;
beforeEach(() => {
  dir = tempDir();
  db = path.join(dir, 'byline.db');
  const file = path.join(dir, 'a.json');
  fs.writeFileSync(file, JSON.stringify(seedArticle()));
  byline(['--db', db, 'profile', '--name', 'Bernd Schulz', '--initials', 'bs', '--role', 'desk']);
  id = (JSON.parse(byline(['--db', db, '--json', 'save', file]).stdout) as { article: { id: string } }).article.id;
});

describe('byline comment / comments', () => {
  it('comments on a field and on words, lists the threads with who wrote them, and --json for programs', () => {
    expect(byline(['--db', db, 'comment', id, 'Zu lang?', '--field', 'headline'])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^[0-9a-f-]{36} {2}Headline: Zu lang\?\n$/),
    });
    expect(byline(['--db', db, 'comment', id, 'Quelle?', '--quote', 'Gegenangriff']).stdout).toMatch(
      /Body: “Gegenangriff”: Quelle\?/,
    );
    const r = byline(['--db', db, 'comments', id]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^2 open, 0 resolved\n\n\[[0-9a-f]{8}\] Headline · open\n {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}Bernd Schulz \(bs\): Zu lang\?\n/,
    );
    const threads = JSON.parse(byline(['--db', db, '--json', 'comments', id]).stdout) as {
      anchor: { kind: string; quote?: string };
    }[];
    expect(threads.map((t) => t.anchor)).toEqual([
      { kind: 'field', field: 'headline' },
      expect.objectContaining({ kind: 'text', field: 'body', quote: 'Gegenangriff' }),
    ]);
  });

  it('names words that are not there, and an unknown field, storing nothing', () => {
    expect(byline(['--db', db, 'comment', id, 'x', '--quote', 'Paris'])).toMatchObject({
      code: 1,
      stderr: 'byline: "Paris" is not in the body; nothing was saved.\n',
    });
    expect(byline(['--db', db, 'comment', id, 'x', '--field', 'doc']).stderr).toMatch(
      /^byline: --field must be one of rubric, kicker, headline/,
    );
    expect(byline(['--db', db, 'comments', id]).stdout).toBe('0 open, 0 resolved\n');
  });
});

describe('byline pack / unpack / choose', () => {
  it('hands an article to another store and back; a diverged version is settled with choose', () => {
    const deskDb = path.join(dir, 'desk.db');
    const pkg = path.join(dir, 'out', 'albu.byline');
    expect(byline(['--db', db, 'pack', id, '--out', pkg])).toMatchObject({
      code: 0,
      stdout: `${pkg}: revision 1 of "IS-Kämpfer holen Teile von Albu Kamal zurück", from Bernd Schulz (bs)\n`,
    });
    expect(byline(['--db', deskDb, 'unpack', pkg])).toMatchObject({
      code: 0,
      stdout: `${id}  IS-Kämpfer holen Teile von Albu Kamal zurück: arrived from Bernd Schulz (bs) with 1 revision(s) and 0 comment(s)\n`,
    });
    expect(byline(['--db', deskDb, 'unpack', pkg]).stdout).toMatch(/: already up to date\n$/);

    // Both sides change revision 1; the desk opens the other side's package.
    byline(['--db', deskDb, 'comment', id, 'Quelle?', '--quote', 'Gegenangriff']);
    byline(['--db', deskDb, 'status', id, 'submitted']);
    byline(['--db', db, 'status', id, 'spiked', '--reason', 'doppelt']);
    byline(['--db', db, 'pack', id, '--out', pkg, '--force']); // over the earlier package, on purpose
    const r = byline(['--db', deskDb, 'unpack', pkg]);
    expect(r.stdout).toContain(
      'Bernd Schulz (bs) changed the same revision as this machine did: both versions are kept',
    );
    expect(r.stdout).toContain(`byline choose ${id} mine|theirs`);
    expect(byline(['--db', deskDb, 'choose', id, 'maybe'])).toMatchObject({
      code: 1,
      stderr: 'byline: choose needs mine or theirs (got "maybe").\n',
    });
    expect(byline(['--db', deskDb, 'choose', id, 'mine']).stdout).toBe(
      `${id} is at revision 4, with this machine's text; both versions are in its history (byline history ${id})\n`,
    );
    expect(byline(['--db', deskDb, 'choose', id, 'mine'])).toMatchObject({
      code: 1,
      stderr: `byline: Article ${id} has no version waiting for a choice.\n`,
    });
  });

  it('refuses what is not a package, naming the file', () => {
    const bogus = path.join(dir, 'bogus.byline');
    fs.writeFileSync(bogus, 'not a zip');
    expect(byline(['--db', db, 'unpack', bogus])).toMatchObject({
      code: 1,
      stderr:
        'byline: bogus.byline cannot be opened: it is not a Byline package (a .byline file starts with its manifest). Nothing was changed.\n',
    });
    expect(byline(['--db', db, 'unpack', path.join(dir, 'missing.byline')]).stderr).toBe(
      `byline: ${path.join(dir, 'missing.byline')}: cannot read it (ENOENT).\n`,
    );
  });
});
