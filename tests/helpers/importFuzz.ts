import fc from 'fast-check';
import { exportArticle } from '../../src/main/export/formats';
import type { ExportFormat } from '../../src/shared/ipc/channels';
import { writePackage } from '../../src/main/handoff/writePackage';
import { importIntoStore } from '../../src/main/import/importIntoStore';
import type { Store } from '../../src/main/store/store';
import { BylineError, ERROR_CODES } from '../../src/shared/errors';
import { seedArticle } from './articles';

/** Formats an article can be imported from, each as Byline writes it: the seeds the fuzzer mutates. */
const SEED_FORMATS: ExportFormat[] = ['json', 'nitf', 'newsml', 'ninjs', 'ninjs2', 'html', 'md', 'text', 'docx'];

export interface FuzzSeed {
  name: string;
  bytes: Uint8Array;
}

/** The seed article in every importable format, and as a `.byline` package, from `store`. */
export async function fuzzSeeds(store: Store): Promise<FuzzSeed[]> {
  const article = store.articles.create(
    { ...seedArticle(), kicker: 'Syrien', byline: 'Von Anna Muster', dateline: 'Albu Kamal (afp)' },
    'fuzz',
  );
  const seeds: FuzzSeed[] = [];
  for (const format of SEED_FORMATS) {
    const { data, extension } = await exportArticle(format, article, store, {
      printToPdf: () => Promise.reject(new Error('no PDF here')),
    });
    seeds.push({ name: `seed.${extension}`, bytes: typeof data === 'string' ? Buffer.from(data) : data });
  }
  seeds.push({ name: 'seed.byline', bytes: writePackage(store, article.id, 'fuzz').bytes });
  return seeds;
}

/** Pieces that have broken parsers before: markup openers, entities, deep nesting, long runs. */
const HOSTILE = [
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
  '&a;&amp;&#0;&#x110000;',
  '<![CDATA[',
  ']]>',
  '<div>'.repeat(400),
  '<b>'.repeat(300),
  '*a'.repeat(3000),
  '> '.repeat(80),
  '  - '.repeat(60),
  '{"headline":',
  '"body":[{"type":"video"}]',
  '\u0000\uFFFE\uD800',
  'PK\u0003\u0004',
  '\r\n\r\n---\r\n',
  'x'.repeat(10_000),
];

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate'; from: number; length: number; at: number }
  | { kind: 'delete'; from: number; length: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    text: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 40 })),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    from: position,
    length: fc.integer({ min: 1, max: 4000 }),
    at: position,
  }),
  fc.record({ kind: fc.constant('delete' as const), from: position, length: fc.integer({ min: 1, max: 400 }) }),
);

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  const b = Buffer.from(bytes);
  const at = (p: number) => Math.floor(p * b.length);
  switch (m.kind) {
    case 'flip': {
      const copy = Buffer.from(b);
      if (copy.length) copy[Math.min(at(m.at), copy.length - 1)] = m.value;
      return copy;
    }
    case 'truncate':
      return b.subarray(0, at(m.at));
    case 'insert':
      return Buffer.concat([b.subarray(0, at(m.at)), Buffer.from(m.text), b.subarray(at(m.at))]);
    case 'duplicate': {
      const slice = b.subarray(at(m.from), at(m.from) + m.length);
      return Buffer.concat([b.subarray(0, at(m.at)), slice, b.subarray(at(m.at))]);
    }
    case 'delete':
      return Buffer.concat([b.subarray(0, at(m.from)), b.subarray(at(m.from) + m.length)]);
  }
}

/** A seed with one to four mutations applied, named like its seed. */
export function mutatedFile(seeds: FuzzSeed[]): fc.Arbitrary<FuzzSeed> {
  return fc
    .record({ seed: fc.constantFrom(...seeds), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) })
    .map(({ seed, mutations }) => ({
      name: seed.name,
      bytes: mutations.reduce(apply, seed.bytes),
    }));
}

export interface FuzzOutcome {
  imported: number;
  refused: number;
  /** Refusals that came from a parser's own exception rather than a check that names the problem. */
  unexpected: string[];
  slowestMs: number;
}

/**
 * Imports one file and checks what must hold whatever the file holds: it is imported, or refused
 * with a BylineError that names the file (never an internal error), and a refusal stores nothing.
 */
export async function importOne(store: Store, file: FuzzSeed, outcome: FuzzOutcome): Promise<void> {
  const count = () => [store.articles.list({ trashed: false }).total, store.assets.ids().length];
  const before = count();
  const started = performance.now();
  try {
    await importIntoStore(store, file.bytes, file.name, 'auto', 'fuzz');
    outcome.imported++;
  } catch (error) {
    if (!(error instanceof BylineError) || !ERROR_CODES.includes(error.code) || error.code === 'internal') {
      throw new Error(`${file.name} (${file.bytes.byteLength} bytes) failed unexpectedly: ${(error as Error).stack}`, {
        cause: error,
      });
    }
    if (!error.message.includes(file.name))
      throw new Error(`the refusal does not name ${file.name}: ${error.message}`, { cause: error });
    const after = count();
    if (after.join() !== before.join())
      throw new Error(`${file.name} was refused but the store changed: ${before.join()} → ${after.join()}`, {
        cause: error,
      });
    if (error.details?.unexpected) outcome.unexpected.push(error.message);
    outcome.refused++;
  }
  outcome.slowestMs = Math.max(outcome.slowestMs, performance.now() - started);
}
