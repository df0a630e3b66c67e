import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../src/main/store/store';
import { tempDir } from '../../helpers/tmp';

const KILLS = 60;

function bundleChild(dir: string): string {
  const outfile = path.join(dir, 'crash-child.cjs');
  buildSync({
    entryPoints: [path.join(import.meta.dirname, 'crashChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/** Runs the child until it has acknowledged at least one save, then SIGKILLs it after a random delay. */
function runAndKill(script: string, dbPath: string, tag: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dbPath, tag], {
      env: { ...process.env, NODE_PATH: path.resolve('node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!armed && out.includes('\n')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 120);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself (code ${code}): ${err}`));
      // Only complete lines count: a line cut by the kill was never fully acknowledged.
      else resolve(out.split('\n').slice(0, -1));
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged save across ${KILLS} SIGKILLs`, async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'byline.db');
    const script = bundleChild(dir);
    const acked = new Map<string, { revision: number; headline: string }[]>();
    let total = 0;

    for (let run = 0; run < KILLS; run++) {
      const lines = await runAndKill(script, dbPath, String(run));
      for (const line of lines) {
        const [, id, rev, ...headline] = line.split(' ');
        const list = acked.get(id!) ?? [];
        list.push({ revision: Number(rev), headline: headline.join(' ') });
        acked.set(id!, list);
        total++;
      }

      // After every kill the store opens, passes its check and holds every acknowledged save.
      const store = Store.open(dbPath);
      try {
        const report = store.check();
        expect(report.problems).toEqual([]);
        for (const [id, saves] of acked) {
          const current = store.articles.get(id);
          const last = saves[saves.length - 1]!;
          expect(current.revision).toBeGreaterThanOrEqual(last.revision);
          for (const s of saves.slice(-3)) expect(store.articles.getRevision(id, s.revision).headline).toBe(s.headline);
        }
      } finally {
        store.close();
      }
    }
    // Finally every acknowledged revision, not only the latest few, reads back as acknowledged.
    const store = Store.open(dbPath);
    for (const [id, saves] of acked) {
      for (const s of saves) expect(store.articles.getRevision(id, s.revision).headline).toBe(s.headline);
    }
    store.close();
    expect(total).toBeGreaterThan(KILLS);
    console.log(`crash test: ${KILLS} kills, ${total} acknowledged saves, all present`);
  }, 180_000);
});
