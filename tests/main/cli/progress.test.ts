import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/cli';
import type { Io } from '../../../src/main/cli/output';
import { Store } from '../../../src/main/store/store';
import { tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

/** An Io as a terminal has it: with a progress line, recorded. */
function terminal() {
  const lines = { out: [] as string[], err: [] as string[], progress: [] as string[] };
  const io: Io = {
    out: (t) => lines.out.push(t),
    err: (t) => lines.err.push(t),
    progress: (t) => lines.progress.push(t),
  };
  return { io, lines };
}

describe('long commands in a terminal', () => {
  it('backup, check, restore and empty-trash show how far they got and clear the line at the end', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'byline.db');
    const store = Store.open(db);
    for (let i = 0; i < 3; i++) store.assets.add(tinyPng(i + 1), `p${i}.png`);
    store.close();

    const backup = terminal();
    expect(await runCli(['--db', db, 'backup', path.join(dir, 'bak')], backup.io)).toBe(0);
    expect(backup.lines.progress).toContain('backing up: pictures 100%');
    expect(backup.lines.progress.at(-1)).toBe('');

    const check = terminal();
    expect(await runCli(['--db', db, 'check'], check.io)).toBe(0);
    expect(check.lines.progress).toContain('checking pictures 100%');
    expect(check.lines.progress.at(-1)).toBe('');

    const restore = terminal();
    expect(await runCli(['--db', db, 'restore-backup', path.join(dir, 'bak')], restore.io)).toBe(0);
    expect(restore.lines.progress).toContain('restoring: copying pictures 100%');

    const failing = terminal();
    fs.mkdirSync(path.join(dir, 'voll'));
    fs.writeFileSync(path.join(dir, 'voll', 'x'), 'x');
    expect(await runCli(['--db', db, 'backup', path.join(dir, 'voll')], failing.io)).not.toBe(0);
    // A failed job clears its line too, so the message stands on a line of its own.
    expect(failing.lines.progress.at(-1) ?? '').toBe('');
  });

  it('an import reads every file first and stores them together; a refused file is named and the rest are stored', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'byline.db');
    const files = ['eins', 'zwei'].map((n) => {
      const file = path.join(dir, `${n}.md`);
      fs.writeFileSync(file, `# Meldung ${n}\n\nText.\n`);
      return file;
    });
    const broken = path.join(dir, 'kaputt.docx');
    fs.writeFileSync(broken, 'PK\u0003\u0004 kaputt');
    const run = terminal();
    expect(await runCli(['--db', db, 'import', files[0]!, broken, files[1]!], run.io)).toBe(1);
    expect(run.lines.progress).toEqual(
      expect.arrayContaining([expect.stringMatching(/^reading 1\/3: eins\.md$/), 'storing 2/2']),
    );
    expect(run.lines.err.join('\n')).toMatch(/kaputt\.docx/);
    expect(run.lines.out.at(-1)).toBe('imported 2 of 3; 1 failed');
    const store = Store.open(db);
    expect(
      store.articles
        .list()
        .items.map((a) => a.headline)
        .sort(),
    ).toEqual(['Meldung eins', 'Meldung zwei']);
    store.close();
  });
});
