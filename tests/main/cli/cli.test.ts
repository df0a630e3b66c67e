import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { findChromiumBinary } from '../../../src/main/export/chromiumPdf';
import { seedArticle } from '../../helpers/articles';
import { sha256, tempDir } from '../../helpers/tmp';
import { byline } from './run';

let dir: string;
let db: string;
beforeEach(() => {
  dir = tempDir();
  db = path.join(dir, 'byline.db');
});

const json = <T>(r: { stdout: string }) => JSON.parse(r.stdout) as T;

describe('byline CLI', () => {
  it('creates, lists, shows, saves, and keeps history', () => {
    const created = byline(['--db', db, 'new', '--headline', 'IS-Kämpfer holen Teile von Albu Kamal zurück']);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const id = created.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const list = byline(['--db', db, 'list']);
    expect(list.stdout).toContain(id);
    expect(list.stdout).toContain('IS-Kämpfer');

    const shown = json<{ revision: number }>(byline(['--db', db, '--json', 'show', id]));
    const file = path.join(dir, 'article.json');
    fs.writeFileSync(file, JSON.stringify({ ...seedArticle(), id, revision: shown.revision }));
    const saved = byline(['--db', db, 'save', file]);
    expect(saved).toMatchObject({ code: 0, stdout: `saved ${id} as revision 2\n` });

    const text = byline(['--db', db, 'show', id]).stdout;
    expect(text).toContain('Kampf um die letzte Bastion');
    expect(text).toContain('haz/qu (afp, dpa)');

    const history = json<{ revision: number }[]>(byline(['--db', db, 'history', id, '--json']));
    expect(history.map((h) => h.revision)).toEqual([2, 1]);
    expect(json<{ total: number }>(byline(['--db', db, 'list', '--query', 'bastion', '--json'])).total).toBe(1);
    expect(json<{ total: number }>(byline(['--db', db, 'list', '--status', 'approved', '--json'])).total).toBe(0);
  });

  it('saves a new article from JSON and reports a stale revision as a conflict (exit 3)', () => {
    const file = path.join(dir, 'new.json');
    fs.writeFileSync(file, JSON.stringify(seedArticle()));
    const first = json<{ article: { id: string; revision: number } }>(byline(['--db', db, '--json', 'save', file]));
    expect(first.article.revision).toBe(1);

    const mine = path.join(dir, 'mine.json');
    fs.writeFileSync(
      mine,
      JSON.stringify({ ...seedArticle(), id: first.article.id, revision: 1, headline: 'Meine Fassung' }),
    );
    expect(byline(['--db', db, 'save', mine]).code).toBe(0);
    fs.writeFileSync(
      mine,
      JSON.stringify({ ...seedArticle(), id: first.article.id, revision: 1, headline: 'Veraltete Fassung' }),
    );
    const stale = byline(['--db', db, 'save', mine]);
    expect(stale.code).toBe(3);
    expect(stale.stderr).toMatch(/^byline: Conflict: .* saved revision 2 at .*Nothing was overwritten\.\n$/);
    const staleJson = byline(['--db', db, '--json', 'save', mine]);
    expect(JSON.parse(staleJson.stderr)).toMatchObject({
      error: { code: 'conflict', details: { currentRevision: 2 } },
    });
  });

  it('moves to trash, restores, and empties the trash', () => {
    const id = byline(['--db', db, 'new', '--headline', 'Zum Löschen']).stdout.trim();
    expect(byline(['--db', db, 'delete', id]).code).toBe(0);
    expect(byline(['--db', db, 'list']).stdout).toBe('');
    expect(byline(['--db', db, 'list', '--trashed']).stdout).toContain(id);
    expect(byline(['--db', db, 'restore', id]).code).toBe(0);
    expect(byline(['--db', db, 'list']).stdout).toContain(id);
    byline(['--db', db, 'delete', id]);
    expect(json<{ deleted: number }>(byline(['--db', db, '--json', 'empty-trash'])).deleted).toBe(1);
    expect(byline(['--db', db, 'show', id])).toMatchObject({ code: 1, stderr: `byline: No article with id ${id}.\n` });
  });

  it('checks, backs up and restores the store', () => {
    const id = byline(['--db', db, 'new', '--headline', 'Gesichert']).stdout.trim();
    expect(byline(['--db', db, 'check'])).toMatchObject({ code: 0, stdout: 'ok: 1 articles, 1 revisions, 0 images\n' });
    const bak = path.join(dir, 'bak');
    expect(byline(['--db', db, 'backup', bak]).stdout).toBe(`backed up 1 articles and 0 images to ${bak}\n`);
    byline(['--db', db, 'delete', id]);
    byline(['--db', db, 'empty-trash']);
    const restored = byline(['--db', db, 'restore-backup', bak]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/restored 1 articles from .*; the replaced store is in /);
    expect(byline(['--db', db, 'list']).stdout).toContain(id);
  });

  it('check names a picture file without its row, and check --repair removes it when nothing uses it', () => {
    byline(['--db', db, 'new', '--headline', 'Mit Bildordner']);
    const stray = path.join(`${db}-assets`, 'ab', 'ab'.repeat(32));
    fs.mkdirSync(path.dirname(stray), { recursive: true });
    fs.writeFileSync(stray, 'not a row');
    expect(byline(['--db', db, 'check'])).toMatchObject({
      code: 1,
      stdout: `PROBLEMS FOUND: 1 articles, 1 revisions, 0 images\n  - Image file ${stray} has no row in the store (nothing uses it)\n`,
    });
    expect(byline(['--db', db, 'check', '--repair'])).toMatchObject({
      code: 0,
      stdout: `repaired: Image file ${stray}: removed (no row, nothing uses it)\nok: 1 articles, 1 revisions, 0 images\n`,
    });
    expect(fs.existsSync(stray)).toBe(false);
  });

  it('uses BYLINE_DB when --db is absent', () => {
    const viaEnv = path.join(dir, 'env.db');
    byline(['new', '--headline', 'Über die Umgebung'], { env: { BYLINE_DB: viaEnv } });
    expect(fs.existsSync(viaEnv)).toBe(true);
    expect(byline(['--db', viaEnv, 'list']).stdout).toContain('Über die Umgebung');
  });

  describe('bad input: one clear line on stderr, non-zero exit, store unchanged', () => {
    it.each([
      [['frobnicate'], 2, /^byline: unknown command "frobnicate" \(see byline --help\)\n$/],
      [['show'], 2, /^byline: usage: byline show ID\n$/],
      [['list', '--colour'], 2, /^byline: Unknown option '--colour'/],
      [['new'], 1, /^byline: new needs --headline TEXT\.\n$/],
      [['save', '/nonexistent/article.json'], 1, /^byline: \/nonexistent\/article\.json: no such file\.\n$/],
    ])('%j', (args, code, message) => {
      const r = byline(['--db', db, ...args]);
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });

    it('invalid JSON and invalid model JSON name the problem and store nothing', () => {
      const id = byline(['--db', db, 'new', '--headline', 'Bleibt']).stdout.trim();
      const before = byline(['--db', db, '--json', 'show', id]).stdout;
      const broken = path.join(dir, 'broken.json');
      fs.writeFileSync(broken, '{"headline": "abgeschnitten');
      expect(byline(['--db', db, 'save', broken]).stderr).toMatch(/^byline: .*broken\.json is not valid JSON: /);
      const invalid = path.join(dir, 'invalid.json');
      fs.writeFileSync(
        invalid,
        JSON.stringify({ id, revision: 1, headline: 'x', body: [{ type: 'paragraph', children: [] }] }),
      );
      const r = byline(['--db', db, 'save', invalid]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^byline: .*invalid\.json is not a valid Byline article: body\.0\.children: .*Nothing was stored\.\n$/,
      );
      fs.writeFileSync(invalid, '[1, 2]');
      expect(byline(['--db', db, 'save', invalid]).stderr).toMatch(/must hold one article as a JSON object/);
      expect(byline(['--db', db, '--json', 'show', id]).stdout).toBe(before);
    });

    it('a database that is not SQLite is refused and left alone', () => {
      fs.writeFileSync(db, 'Redaktionsnotizen, keine Datenbank. '.repeat(10));
      const before = sha256(db);
      const r = byline(['--db', db, 'list']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `byline: ${db} is not a Byline database (it is not an SQLite file). Nothing was changed.\n`,
      );
      expect(sha256(db)).toBe(before);
    });

    it('a bad house-style file names the file and the field', () => {
      fs.writeFileSync(path.join(dir, 'house-style.json'), JSON.stringify({ limits: { headline: -5 } }));
      const r = byline(['--db', db, 'list']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/house-style\.json is not valid: limits\.headline: /);
    });
  });
});

describe('byline export', () => {
  it('writes NITF that the official schema accepts, and names an article that cannot go out', () => {
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(good, JSON.stringify({ ...seedArticle(), kicker: 'Syrien' }));
    const id = json<{ article: { id: string } }>(byline(['--db', db, '--json', 'save', good])).article.id;
    const empty = byline(['--db', db, 'new', '--headline', '']).stdout.trim();
    const out = path.join(dir, 'out');

    const r = byline(['--db', db, 'export', id, empty, '--format', 'nitf', '--out', out]);
    expect(r.code).toBe(1);
    const file = path.join(out, 'is-kampfer-holen-teile-von-albu-kamal-zuruck-r1.xml');
    expect(r.stdout).toBe(`${id} → ${file} (checked against the NITF 3.6 XSD)\nexported 1 of 2; 1 failed\n`);
    expect(r.stderr).toBe(`byline: ${empty}: This article cannot be exported yet: it needs a headline.\n`);
    const xml = fs.readFileSync(file, 'utf8');
    expect(xml).toContain('<hl1>IS-Kämpfer holen Teile von Albu Kamal zurück</hl1>');
    expect(fs.readdirSync(out)).toEqual(['is-kampfer-holen-teile-von-albu-kamal-zuruck-r1.xml']); // nothing half-written
  });

  it('writes every format, and each file imports back as the same headline', () => {
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(good, JSON.stringify(seedArticle()));
    const id = json<{ article: { id: string } }>(byline(['--db', db, '--json', 'save', good])).article.id;
    const out = path.join(dir, 'all');
    // The PDF proof needs a Chromium; the PDF tests say so when there is none.
    const formats = [
      'nitf',
      'newsml',
      'ninjs',
      'ninjs2',
      'html',
      'md',
      'text',
      'docx',
      ...(findChromiumBinary() ? ['pdf'] : []),
    ];
    for (const format of formats)
      expect(byline(['--db', db, 'export', id, '--format', format, '--out', out]), format).toMatchObject({
        code: 0,
        stderr: '',
      });
    const base = 'is-kampfer-holen-teile-von-albu-kamal-zuruck-r1';
    expect(fs.readdirSync(out).sort()).toEqual([
      `${base}.docx`,
      `${base}.html`,
      `${base}.md`,
      `${base}.newsml.xml`,
      `${base}.ninjs.json`,
      `${base}.ninjs2.json`,
      ...(formats.includes('pdf') ? [`${base}.pdf`] : []),
      `${base}.txt`,
      `${base}.xml`,
    ]);
    const importable = fs
      .readdirSync(out)
      .filter((f) => !f.endsWith('.pdf'))
      .map((f) => path.join(out, f));
    const imported = json<{ format: string; headline: string }[]>(
      byline(['--db', path.join(dir, 'other.db'), '--json', 'import', ...importable]),
    );
    expect(imported.map((r) => r.headline)).toEqual(
      importable.map(() => 'IS-Kämpfer holen Teile von Albu Kamal zurück'),
    );
    expect(imported.map((r) => r.format).sort()).toEqual([
      'docx',
      'html',
      'md',
      'newsml',
      'ninjs',
      'ninjs',
      'nitf',
      'text',
    ]);
  }, 60_000);

  it('needs a known format', () => {
    const id = byline(['--db', db, 'new', '--headline', 'x']).stdout.trim();
    const r = byline(['--db', db, 'export', id, '--format', 'pdfx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^byline: export needs --format [a-z0-9|-]+ \(got "pdfx"\)\.\n$/);
    expect(r.stderr).toContain('nitf|');
    expect(byline(['--db', db, 'export', '--format', 'nitf']).code).toBe(2);
  });
});

describe('byline import', () => {
  it('imports each file on its own: new ids printed, failures named, exit 1 when any failed', () => {
    const good = path.join(dir, 'agency.dat');
    fs.writeFileSync(
      good,
      '<nitf><body><body.head><hedline><hl1>Aus Berlin</hl1></hedline></body.head><body.content><p>Text.</p></body.content></body></nitf>',
    );
    const hostile = path.join(dir, 'laughs.xml');
    fs.writeFileSync(hostile, '<!DOCTYPE nitf [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><nitf>&b;</nitf>');
    const missing = path.join(dir, 'nope.xml');

    const r = byline(['--db', db, 'import', good, hostile, missing]);
    expect(r.code).toBe(1);
    const [line, summary] = r.stdout.trim().split('\n');
    expect(line).toMatch(
      new RegExp(`^[0-9a-f-]{36}  ${good.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(nitf\\): Aus Berlin$`),
    );
    expect(summary).toBe('imported 1 of 3; 2 failed');
    expect(r.stderr).toContain(`byline: ${hostile}: laughs.xml was refused: it declares its own entities in a DTD`);
    expect(r.stderr).toContain(`byline: ${missing}: ${missing}: no such file.`);
    expect(json<{ total: number }>(byline(['--db', db, '--json', 'list'])).total).toBe(1);
  });

  it('reports per file in --json and honours --format', () => {
    const file = path.join(dir, 'story.xml');
    fs.writeFileSync(file, '<nitf><body><body.head><hedline><hl1>Eins</hl1></hedline></body.head></body></nitf>');
    const forced = byline(['--db', db, '--json', 'import', '--format', 'newsml', file]);
    expect(forced.code).toBe(1);
    expect(json<{ file: string; error: string }[]>(forced)[0]!.error).toBe(
      'story.xml is not NewsML-G2 (its root is <nitf> in no namespace); nothing was stored.',
    );
    const ok = json<{ id: string; format: string; headline: string }[]>(byline(['--db', db, '--json', 'import', file]));
    expect(ok[0]).toMatchObject({ format: 'nitf', headline: 'Eins' });
    expect(byline(['--db', db, 'import', '--format', 'pdf', file])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('import needs --format auto|json|nitf|newsml'),
    });
  });

  it('--explain prints which field each line of a copied page went to; a page without an article is refused', () => {
    const page = path.join(dir, 'page.txt');
    fs.writeFileSync(
      page,
      'Menü\nSuche\nPolitik\nRegierung einigt sich auf den Haushalt\n18.11.2026, 23.41 Uhr\nNach langen Verhandlungen steht der Haushalt für das kommende Jahr, teilte ein Sprecher am Abend in Berlin mit.\nDie Opposition kritisierte die Einigung.\nmm (dpa)\nMehr zum Thema',
    );
    const r = byline(['--db', db, 'import', '--explain', page]);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .split('\n')
      .slice(1, 10)
      .map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '));
    expect(lines).toEqual([
      '1 -',
      '2 -',
      '3 rubric',
      '4 headline',
      '5 date',
      '6 paragraph',
      '7 paragraph',
      '8 signOff',
      '9 -',
    ]);
    const [explained] = json<{ mapping: { line: number; role: string }[] }[]>(
      byline(['--db', db, '--json', 'import', '--explain', page]),
    );
    expect(explained!.mapping.find((m) => m.role === 'headline')).toMatchObject({
      line: 3,
      text: 'Regierung einigt sich auf den Haushalt',
    });
    // Without --explain the mapping is not printed.
    expect(json<object[]>(byline(['--db', db, '--json', 'import', page]))[0]).not.toHaveProperty('mapping');

    const login = path.join(dir, 'login.txt');
    fs.writeFileSync(login, 'Sign in\nEmail address\nPassword\nForgot your password?\nSign in\nCreate an account');
    const before = json<{ total: number }>(byline(['--db', db, '--json', 'list'])).total;
    expect(byline(['--db', db, 'import', login])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No article found in login.txt'),
    });
    expect(json<{ total: number }>(byline(['--db', db, '--json', 'list'])).total).toBe(before);
  });
});

describe('byline status', () => {
  it('moves an article through the workflow, refuses what the house style forbids, and shows reasons in the history', () => {
    const file = path.join(dir, 'a.json');
    fs.writeFileSync(file, JSON.stringify(seedArticle()));
    const id = json<{ article: { id: string } }>(byline(['--db', db, '--json', 'save', file])).article.id;

    expect(byline(['--db', db, 'status', id, 'approved'])).toMatchObject({
      code: 1,
      stderr:
        'byline: An article cannot go from Draft to Approved; from Draft it can go to Submitted, Spiked. The status was not changed.\n',
    });
    expect(byline(['--db', db, 'status', id, 'submitted'])).toMatchObject({
      code: 0,
      stdout: `${id} is now Submitted (revision 2)\n`,
    });
    expect(byline(['--db', db, 'status', id, 'back-to-author']).stderr).toBe(
      'byline: Moving an article to Back to author needs a reason. The status was not changed.\n',
    );
    expect(byline(['--db', db, 'status', id, 'back-to-author', '--reason', 'Quelle fehlt']).code).toBe(0);
    expect(byline(['--db', db, 'history', id]).stdout.split('\n')[0]).toMatch(
      /^r3 .* back-to-author\s+IS-Kämpfer holen Teile von Albu Kamal zurück {2}— Quelle fehlt$/,
    );
  });
});

describe('byline diff', () => {
  it('prints changed fields and the body word by word; --json for programs; a bad revision is named', () => {
    const file = path.join(dir, 'a.json');
    fs.writeFileSync(file, JSON.stringify(seedArticle()));
    const saved = json<{ article: { id: string; revision: number } }>(
      byline(['--db', db, '--json', 'save', file]),
    ).article;
    fs.writeFileSync(
      file,
      JSON.stringify({
        ...seedArticle(),
        id: saved.id,
        revision: 1,
        headline: 'IS erobert Albu Kamal zurück',
        body: [{ type: 'paragraph', children: [{ text: 'Die Miliz greift wieder an.' }] }],
      }),
    );
    byline(['--db', db, 'save', file]);

    const r = byline(['--db', db, 'diff', saved.id, '1', 'r2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'r1 → r2\nheadline: IS-Kämpfer holen Teile von Albu Kamal zurück → IS erobert Albu Kamal zurück\nbody:\n',
    );
    expect(r.stdout).toMatch(
      /body:\nDie \[-Dschihadistenmiliz "Islamischer Staat" .* im Norden von Albu Kamal -\]\{\+Miliz greift \+\}wieder \[-in ihre Gewalt-\]\{\+an\+\}\.\n$/s,
    );
    expect(
      json<{ fields: { field: string }[] }>(byline(['--db', db, '--json', 'diff', saved.id, '1', '2'])).fields.map(
        (f) => f.field,
      ),
    ).toEqual(['headline']);
    expect(byline(['--db', db, 'diff', saved.id, '1', 'x'])).toMatchObject({
      code: 1,
      stderr: `byline: "x" is not a revision number (see byline history ${saved.id}).\n`,
    });
    expect(byline(['--db', db, 'diff', saved.id, '1', '9'])).toMatchObject({
      code: 1,
      stderr: `byline: Article ${saved.id} has no revision 9.\n`,
    });
  });
});

describe('byline profile', () => {
  it('shows that there is none yet, sets one, and records later saves with it', () => {
    expect(byline(['--db', db, 'profile']).stdout).toMatch(
      /^no profile yet; saves are recorded as .+ \(set one with byline profile --name … --initials … --role …\)\n$/,
    );
    expect(
      byline(['--db', db, 'profile', '--name', 'Anna Muster', '--initials', 'am', '--role', 'photo']),
    ).toMatchObject({ code: 0, stdout: 'Anna Muster (am), photo\n' });
    expect(byline(['--db', db, 'profile', '--role', 'boss']).stderr).toMatch(
      /^byline: The profile is not valid: role: /,
    );
    const id = byline(['--db', db, 'new', '--headline', 'x']).stdout.trim();
    expect(json<{ savedBy: string }[]>(byline(['--db', db, '--json', 'history', id]))[0]!.savedBy).toBe(
      'Anna Muster (am)',
    );
  });
});
