import path from 'node:path';
import fc from 'fast-check';
import { Store } from '../src/main/store/store';
import { fuzzSeeds, importOne, mutatedFile, type FuzzOutcome } from '../tests/helpers/importFuzz';

const FILES = 10_000;

/**
 * 10,000 generated and mutated files through every importer (the suite runs 400): each must be
 * imported or refused by name, with nothing of a refused one stored. The baseline is importing the
 * unmutated seeds as many times, so the ratio is what hostile input costs over ordinary input.
 */
export async function benchImportFuzz(dir: string): Promise<string[]> {
  const store = Store.open(path.join(dir, 'fuzz.db'));
  try {
    const seeds = await fuzzSeeds(store);
    const plain: FuzzOutcome = { imported: 0, refused: 0, unexpected: [], slowestMs: 0 };
    let started = performance.now();
    for (let i = 0; i < FILES; i++)
      await importOne(
        store,
        { ...seeds[i % seeds.length]!, name: `plain-${i}-${seeds[i % seeds.length]!.name}` },
        plain,
      );
    const plainMs = performance.now() - started;

    const fuzzed: FuzzOutcome = { imported: 0, refused: 0, unexpected: [], slowestMs: 0 };
    const files = fc.sample(mutatedFile(seeds), { numRuns: FILES, seed: 20261206 });
    started = performance.now();
    for (const file of files) await importOne(store, file, fuzzed);
    const fuzzMs = performance.now() - started;
    const check = store.check();
    return [
      `Import fuzzing: ${FILES.toLocaleString('en')} files mutated from the seed article in every importable format (fast-check seed 20261206):`,
      '',
      '| files | imported | refused by name | refused by a parser exception | crashes, hangs, partial writes | slowest | time | baseline | ratio |',
      '|---|---|---|---|---|---|---|---|---|',
      `| ${FILES.toLocaleString('en')} | ${fuzzed.imported.toLocaleString('en')} | ${(fuzzed.refused - fuzzed.unexpected.length).toLocaleString('en')} | ${fuzzed.unexpected.length} | 0 (store check: ${check.ok ? 'ok' : check.problems.join('; ')}) | ${Math.round(fuzzed.slowestMs)} ms | ${(fuzzMs / 1000).toFixed(1)} s | the unmutated seeds ${FILES.toLocaleString('en')} times: ${(plainMs / 1000).toFixed(1)} s | **${(fuzzMs / plainMs).toFixed(2)}×** |`,
    ];
  } finally {
    store.close();
  }
}
