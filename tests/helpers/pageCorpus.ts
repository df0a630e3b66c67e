// The copied-page corpus (tests/fixtures/pages/) and how an import of it is scored: shared by
// the corpus test and `npm run bench`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedArticleInput } from '../../src/shared/model/article';
import { blockText, type Block } from '../../src/shared/model/blocks';

// Beside this helper in the suite; from the project root when bundled into `npm run bench`.
export const PAGES = [
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/pages'),
  path.resolve('tests/fixtures/pages'),
].find((p) => fs.existsSync(p))!;

type ExpectedBlock = ['p', string, string] | ['h', string] | ['l', number] | ['img', string, string];

export interface ExpectedPage {
  site: string;
  language: string;
  rubric: string;
  kicker: string;
  headline: string;
  teaser: string;
  byline: string;
  dateline: string;
  publishedAt: string | null;
  signOff: { authors: string[]; agencies: string[] } | null;
  keywords: string[];
  body: ExpectedBlock[];
}

export interface PageCase {
  name: string;
  file: string;
  expected: ExpectedPage;
}

export type PageSet = 'dev' | 'held-out';

export function pageCases(set: PageSet): PageCase[] {
  const dir = path.join(PAGES, set);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.txt$/, ''),
      file: path.join(dir, f),
      expected: JSON.parse(
        fs.readFileSync(path.join(dir, f.replace(/\.txt$/, '.expected.json')), 'utf8'),
      ) as ExpectedPage,
    }));
}

export const noArticlePages = (): string[] =>
  fs
    .readdirSync(path.join(PAGES, 'no-article'))
    .sort()
    .map((f) => path.join(PAGES, 'no-article', f));

export const SCORED_FIELDS = [
  'rubric',
  'kicker',
  'headline',
  'teaser',
  'byline',
  'dateline',
  'publishedAt',
  'signOff',
  'keywords',
  'body',
] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

/** True positives, false positives (something wrong was taken), false negatives (something was missed). */
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

function scalar(expected: string, got: string): Tally {
  const [e, g] = [norm(expected), norm(got)];
  if (!e && !g) return { tp: 0, fp: 0, fn: 0 };
  if (e === g) return { tp: 1, fp: 0, fn: 0 };
  return { tp: 0, fp: g ? 1 : 0, fn: e ? 1 : 0 };
}

function sets(expected: string[], got: string[]): Tally {
  const [e, g] = [new Set(expected.map(norm)), new Set(got.map(norm))];
  const tp = [...g].filter((x) => e.has(x)).length;
  return { tp, fp: g.size - tp, fn: e.size - tp };
}

const textOf = (b: Block) => norm(blockText(b));

function blockMatches(e: ExpectedBlock, b: Block): boolean {
  switch (e[0]) {
    case 'p':
      return b.type === 'paragraph' && textOf(b).startsWith(norm(e[1])) && textOf(b).endsWith(norm(e[2]));
    case 'h':
      return b.type === 'subhead' && textOf(b) === norm(e[1]);
    case 'l':
      return b.type === 'list' && b.items.length === e[1];
    case 'img': {
      if (b.type !== 'image' || norm(b.caption) !== norm(e[1])) return false;
      const parts = [b.credit.provider, b.credit.agency, b.credit.creator]
        .filter(Boolean)
        .map((p) => norm(p!).toLowerCase());
      const want = e[2].split('/').map((p) => norm(p).toLowerCase());
      return parts.length === want.length && want.every((p) => parts.includes(p));
    }
  }
}

/** Blocks matched in order (longest common subsequence): a merged, split, or misplaced block counts against. */
function bodyTally(expected: ExpectedBlock[], got: Block[]): Tally {
  const rows = expected.length + 1;
  const cols = got.length + 1;
  const lcs = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let i = 1; i < rows; i++)
    for (let j = 1; j < cols; j++)
      lcs[i]![j] = blockMatches(expected[i - 1]!, got[j - 1]!)
        ? lcs[i - 1]![j - 1]! + 1
        : Math.max(lcs[i - 1]![j]!, lcs[i]![j - 1]!);
  const tp = lcs[expected.length]![got.length]!;
  return { tp, fp: got.length - tp, fn: expected.length - tp };
}

const signOffText = (s: { authors: string[]; agencies: string[] } | null | undefined) =>
  s && (s.authors.length || s.agencies.length) ? `${s.authors.join('/')}|${s.agencies.join(',')}`.toLowerCase() : '';

export function scorePage(expected: ExpectedPage, got: ParsedArticleInput): Record<ScoredField, Tally> {
  return {
    rubric: scalar(expected.rubric, got.rubric),
    kicker: scalar(expected.kicker, got.kicker),
    headline: scalar(expected.headline, got.headline),
    teaser: scalar(expected.teaser, got.teaser),
    byline: scalar(expected.byline, got.byline),
    dateline: scalar(expected.dateline, got.dateline),
    publishedAt: scalar(expected.publishedAt ?? '', got.publishedAt ?? ''),
    signOff: scalar(signOffText(expected.signOff), signOffText(got.signOff)),
    keywords: sets(expected.keywords, got.keywords),
    body: bodyTally(expected.body, got.body),
  };
}

export const addTally = (a: Tally, b: Tally): Tally => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
export const precision = (t: Tally) => (t.tp + t.fp ? t.tp / (t.tp + t.fp) : 1);
export const recall = (t: Tally) => (t.tp + t.fn ? t.tp / (t.tp + t.fn) : 1);
export const f1 = (t: Tally) => (2 * precision(t) * recall(t)) / (precision(t) + recall(t) || 1);

/** Every field of a set of pages summed, and all fields together. */
export function scoreSet(results: Array<Record<ScoredField, Tally>>): Record<ScoredField | 'all', Tally> {
  const zero = (): Tally => ({ tp: 0, fp: 0, fn: 0 });
  const out = Object.fromEntries([...SCORED_FIELDS, 'all'].map((f) => [f, zero()])) as Record<
    ScoredField | 'all',
    Tally
  >;
  for (const r of results)
    for (const f of SCORED_FIELDS) {
      out[f] = addTally(out[f], r[f]);
      out.all = addTally(out.all, r[f]);
    }
  return out;
}

/** Strings the import put into the article that are not on the page (whitespace aside): there must be none. */
export function invented(source: string, got: ParsedArticleInput): string[] {
  const page = norm(source);
  const strings = [got.rubric, got.kicker, got.headline, got.teaser, got.byline, got.dateline, ...got.keywords];
  for (const b of got.body) {
    if (b.type === 'image') strings.push(b.caption);
    else if (b.type === 'list') strings.push(...blockText(b).split('\n'));
    else strings.push(textOf(b));
  }
  return strings.map(norm).filter((s) => s && !page.includes(s));
}
