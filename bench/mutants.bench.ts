// The named mutants of `npm run mutants`, all of them (`npm test` runs the quick ones): which test
// killed each, and any that survived, by name.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface MutantResult {
  name: string;
  outcome: 'killed' | 'survived' | 'stale';
  detail: string;
  seconds?: number;
}

export function benchMutants(): string[] {
  const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'byline-bench-mutants-')), 'mutants.json');
  const run = spawnSync(process.execPath, ['scripts/mutants.mjs', '--json', json], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!fs.existsSync(json))
    return ['Named mutants: the run did not finish:', '', '```', (run.stdout + run.stderr).slice(-3000), '```'];
  const results = JSON.parse(fs.readFileSync(json, 'utf8')) as MutantResult[];
  const killed = results.filter((r) => r.outcome === 'killed').length;
  return [
    `Named mutants (\`npm run mutants\`): **${killed} of ${results.length} killed**${
      killed === results.length
        ? ''
        : `; not killed: ${results
            .filter((r) => r.outcome !== 'killed')
            .map((r) => r.name)
            .join('; ')}`
    }.`,
    '',
    '| mutant | killed by | s |',
    '|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.outcome === 'killed' ? r.detail.replace(/\|/g, '\\|') : `**${r.outcome}**: ${r.detail}`} | ${r.seconds ?? ''} |`,
    ),
  ];
}
