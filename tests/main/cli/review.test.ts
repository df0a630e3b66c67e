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
    expect(byline(['--db', db, 'comment', id, 'Zu lang?', '--field', 'headline'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^[0-9a-f-]{36} {2}Headline: Zu lang\?\n$/) });
    expect(byline(['--db', db, 'comment', id, 'Quelle?', '--quote', 'Gegenangriff']).stdout).toMatch(/Body: “Gegenangriff”: Quelle\?/);
    const r = byline(['--db', db, 'comments', id]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2 open, 0 resolved\n\n\[[0-9a-f]{8}\] Headline · open\n {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}Bernd Schulz \(bs\): Zu lang\?\n/);
    const threads = JSON.parse(byline(['--db', db, '--json', 'comments', id]).stdout) as { anchor: { kind: string; quote?: string } }[];
    expect(threads.map((t) => t.anchor)).toEqual([{ kind: 'field', field: 'headline' }, expect.objectContaining({ kind: 'text', field: 'body', quote: 'Gegenangriff' })]);
  });

  it('names words that are not there, and an unknown field, storing nothing', () => {
    expect(byline(['--db', db, 'comment', id, 'x', '--quote', 'Paris'])).toMatchObject({ code: 1, stderr: 'byline: "Paris" is not in the body; nothing was saved.\n' });
    expect(byline(['--db', db, 'comment', id, 'x', '--field', 'doc']).stderr).toMatch(/^byline: --field must be one of rubric, kicker, headline/);
    expect(byline(['--db', db, 'comments', id]).stdout).toBe('0 open, 0 resolved\n');
  });
});
