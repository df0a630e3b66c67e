import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../../src/main/import/isolated';
import { Store } from '../../../src/main/store/store';
import { fuzzSeeds, importOne, mutatedFile, type FuzzOutcome } from '../../helpers/importFuzz';
import { tempDir } from '../../helpers/tmp';

/** `npm run bench` runs 10,000 of these; the suite runs enough to catch a regression. */
const RUNS = Number(process.env.BYLINE_FUZZ_RUNS) || 400;

describe('every importer against generated and mutated files', () => {
  it(`imports or refuses by name each of ${RUNS} mutated files, never crashing, hanging or storing part of a refused one`, async () => {
    const store = Store.open(path.join(tempDir(), 'byline.db'));
    try {
      const seeds = await fuzzSeeds(store);
      const outcome: FuzzOutcome = { imported: 0, refused: 0, unexpected: [], slowestMs: 0 };
      await fc.assert(
        fc.asyncProperty(mutatedFile(seeds), async (file) => importOne(store, file, outcome)),
        { numRuns: RUNS },
      );
      // Both sides happen: the mutations are neither all harmless nor all fatal.
      expect(outcome.imported).toBeGreaterThan(RUNS / 20);
      expect(outcome.refused).toBeGreaterThan(RUNS / 20);
      // Every refusal came from a check that names the problem, not from a parser tripping over it.
      expect(outcome.unexpected).toEqual([]);
      expect(outcome.slowestMs).toBeLessThan(IMPORT_LIMITS.timeoutMs + 5000);
      expect(store.check()).toMatchObject({ ok: true, problems: [] });
    } finally {
      store.close();
    }
  }, 300_000);
});
