#!/usr/bin/env node
// `npm test`: every check a change must pass, in the order that fails fastest: lint and format, types, unit and
// integration tests (Vitest), the quick named mutants (each must be killed by a test), then
// end-to-end tests (Playwright) in a real Chromium. Ends with what was skipped and why, and one
// line "N passed, N failed, N skipped" summed over the test runners.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-test-reports-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
// Tests that skip say why here (tests/helpers/prerequisites.ts); the reasons end the run's output.
const skipLog = path.join(reports, 'skipped.txt');
const skipped = [];

function step(title, cmd, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BYLINE_SKIP_LOG: skipLog, ...env },
  });
  return result.status === 0;
}

function summary() {
  const reasons = fs.existsSync(skipLog)
    ? [...new Set(fs.readFileSync(skipLog, 'utf8').split('\n').filter(Boolean))]
    : [];
  if (skipped.length || reasons.length) {
    console.log(`\nSkipped: ${totals.skipped} test(s)`);
    for (const line of [...new Set([...reasons, ...skipped])]) console.log(`  - ${line}`);
  }
}

function fail(message) {
  console.error(`\n✖ ${message}`);
  summary();
  console.log(`${totals.passed} passed, ${Math.max(totals.failed, 1)} failed, ${totals.skipped} skipped`);
  process.exit(1);
}

if (!step('Build', process.execPath, ['scripts/build.mjs'])) fail('The build failed.');
if (!step('ESLint', bin('eslint'), ['.', '--max-warnings=0'])) fail('ESLint found problems.');
if (!step('Prettier', bin('prettier'), ['--check', '.', '--log-level', 'warn']))
  fail('Prettier would format some files differently: run `npm run format`.');
if (!step('TypeScript', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])) fail('TypeScript found type errors.');

const vitestJson = path.join(reports, 'vitest.json');
const unitOk = step('Vitest (unit and integration)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (fs.existsSync(vitestJson)) {
  const r = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  for (const file of r.testResults) {
    const n = file.assertionResults.filter(
      (a) => a.status === 'skipped' || a.status === 'pending' || a.status === 'todo',
    ).length;
    if (n) skipped.push(`${path.relative(root, file.name)}: ${n} test(s) skipped`);
  }
}
if (!unitOk) fail('Unit or integration tests failed.');

// The quick named mutants of sync, server and store: every one must fail some test.
const mutantsJson = path.join(reports, 'mutants.json');
const mutantsOk = step('Mutants (quick set; `npm run mutants` runs all)', process.execPath, [
  'scripts/mutants.mjs',
  '--quick',
  '--json',
  mutantsJson,
]);
if (fs.existsSync(mutantsJson)) {
  const results = JSON.parse(fs.readFileSync(mutantsJson, 'utf8'));
  totals.passed += results.filter((m) => m.outcome === 'killed').length;
  totals.failed += results.filter((m) => m.outcome !== 'killed').length;
}
if (!mutantsOk) fail('A named mutant was not killed by any test (or the mutants could not run).');

if (fs.existsSync(path.join(root, 'playwright.config.ts'))) {
  const chromium = findChromium();
  if (!chromium.path) fail(chromium.message);
  console.log(`Using Chromium at ${chromium.path} (${chromium.source}).`);
  const e2eJson = path.join(reports, 'playwright.json');
  const e2eOk = step('Playwright (end-to-end)', bin('playwright'), ['test'], {
    BYLINE_CHROMIUM: chromium.path,
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
  });
  if (fs.existsSync(e2eJson)) {
    const s = JSON.parse(fs.readFileSync(e2eJson, 'utf8')).stats;
    totals.passed += s.expected + (s.flaky ?? 0);
    totals.failed += s.unexpected;
    totals.skipped += s.skipped;
    const walk = (suite) => {
      for (const spec of suite.specs ?? []) {
        for (const t of spec.tests) {
          const why = t.annotations?.find((a) => a.type === 'skip')?.description;
          if (t.status === 'skipped') skipped.push(`${spec.file} › ${spec.title}: ${why || 'skipped'}`);
        }
      }
      for (const child of suite.suites ?? []) walk(child);
    };
    for (const suite of JSON.parse(fs.readFileSync(e2eJson, 'utf8')).suites) walk(suite);
  }
  if (!e2eOk) fail('End-to-end tests failed.');
}

summary();
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
