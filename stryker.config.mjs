// StrykerJS: a mutation score for the sync code (`npm run mutants:stryker`; long, so neither CI nor
// the bench runs it). It mutates the server's push and pull and the desktop's sync, and runs the
// sync tests whose server runs in the test's own process (a spawned server process would not see
// Stryker's mutants). The score is in docs/benchmarks.md beside `npm run mutants`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'tests/stryker.vitest.config.ts', related: false },
  // The sync's logic; the agent (timers and sockets around syncOnce) and the thin HTTP helpers are
  // left out: their tests are timing-bound, and each mutant of them would cost seconds of waiting.
  mutate: [
    'src/server/sync.ts',
    'src/main/sync/syncOnce.ts',
    'src/main/sync/syncState.ts',
    'src/main/sync/pictures.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'build/stryker/mutation.json' },
  tempDirName: 'build/stryker/tmp',
  cleanTempDir: 'always',
};
