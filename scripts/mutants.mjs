#!/usr/bin/env node
// `npm run mutants`: applies each named mutant of tests/mutants/mutants.mjs, one at a time, to a
// copy of the tree (the work tree is never touched), runs the tests named for it, and says which
// test killed it. A mutant that survives, no longer applies, or does not parse fails the run.
//   --quick         only the mutants marked quick (what `npm test` runs)
//   --only A,B      only the mutants whose names start with A or B (M1,M3)
//   --json FILE     the results as JSON as well
// The tests run with BYLINE_REQUIRE_PREREQUISITES=1: a test that would skip fails instead, so a
// machine without PostgreSQL cannot let a mutant "survive" or "die" by skipping.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
const jsonOut = args.includes('--json') ? path.resolve(args[args.indexOf('--json') + 1]) : null;

const { default: all } = await import(pathToFileURL(path.join(root, 'tests/mutants/mutants.mjs')).href);
const mutants = all.filter((m) => (!quick || m.quick) && (!only || only.some((o) => m.name.startsWith(`${o} `))));
if (!mutants.length) {
  console.error('No mutant matches.');
  process.exit(2);
}

/** A copy of the tracked and new files, sharing node_modules, where mutants are applied and built. */
function scratchCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-mutants-'));
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .stdout.split('\0')
    .filter(Boolean);
  for (const f of files) {
    if (!fs.existsSync(path.join(root, f))) continue;
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(root, f), path.join(dir, f));
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Runs Vitest on `tests` in the copy; answers whether all passed and the first failing test's name. */
function runTests(dir, tests) {
  const report = path.join(dir, '.vitest-mutant.json');
  fs.rmSync(report, { force: true });
  const result = spawnSync(
    path.join(root, 'node_modules/.bin/vitest'),
    ['run', '--bail=1', '--reporter=json', `--outputFile.json=${report}`, ...tests],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, BYLINE_REQUIRE_PREREQUISITES: '1' },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  let failed = null;
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    for (const file of r.testResults) {
      const t = file.assertionResults.find((a) => a.status === 'failed');
      if (t) {
        failed = `${path.relative(dir, file.name)} › ${t.title}`;
        break;
      }
      if (file.status === 'failed') failed ??= `${path.relative(dir, file.name)} (${file.message.split('\n')[0]})`;
    }
  }
  return { ok: result.status === 0, failed, output: `${result.stdout}\n${result.stderr}` };
}

const dir = scratchCopy();
const results = [];
try {
  // The tests must pass on the unmutated tree, or a "kill" would prove nothing.
  const tests = [...new Set(mutants.flatMap((m) => m.tests))];
  console.log(`Mutants: ${mutants.length}; first the unmutated tree against ${tests.join(', ')}`);
  const baseline = runTests(dir, tests);
  if (!baseline.ok) {
    console.error(baseline.output.slice(-4000));
    console.error(`✖ The tests fail without any mutant (${baseline.failed ?? 'see above'}); fix them first.`);
    process.exit(1);
  }
  for (const m of mutants) {
    const file = path.join(dir, m.file);
    const original = fs.readFileSync(file, 'utf8');
    const count = original.split(m.find).length - 1;
    if (count !== 1) {
      results.push({ name: m.name, outcome: 'stale', detail: `its line occurs ${count} times in ${m.file}` });
      console.log(`✖ ${m.name}: no longer applies (its line occurs ${count} times in ${m.file})`);
      continue;
    }
    const mutated = original.replace(m.find, () => m.replace);
    try {
      transformSync(mutated, { loader: m.file.endsWith('x') ? 'tsx' : 'ts' });
    } catch (error) {
      results.push({ name: m.name, outcome: 'stale', detail: `does not parse: ${error.message.split('\n')[0]}` });
      console.log(`✖ ${m.name}: the mutated file does not parse`);
      continue;
    }
    fs.writeFileSync(file, mutated);
    const started = Date.now();
    try {
      const run = runTests(dir, m.tests);
      const seconds = Math.round((Date.now() - started) / 1000);
      if (run.ok) {
        results.push({ name: m.name, outcome: 'survived', detail: `${m.tests.join(', ')} all passed`, seconds });
        console.log(`✖ ${m.name}: SURVIVED ${m.tests.join(', ')} (${seconds} s)\n    ${m.why}`);
      } else {
        results.push({ name: m.name, outcome: 'killed', detail: run.failed ?? 'the run failed', seconds });
        console.log(`✔ ${m.name}: killed by ${run.failed ?? 'a failed run'} (${seconds} s)`);
      }
    } finally {
      fs.writeFileSync(file, original);
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(results, null, 2));
const killed = results.filter((r) => r.outcome === 'killed').length;
console.log(
  `\nMutants: ${killed} of ${results.length} killed${
    killed === results.length
      ? ''
      : `; not killed: ${results
          .filter((r) => r.outcome !== 'killed')
          .map((r) => `${r.name} (${r.outcome})`)
          .join('; ')}`
  }`,
);
console.log(`${killed} passed, ${results.length - killed} failed`);
process.exit(killed === results.length ? 0 : 1);
