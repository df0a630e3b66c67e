import fs from 'node:fs';
import { importWebText } from '../src/main/import/webText';
import type { ParsedArticleInput } from '../src/shared/model/article';
import { ArticleInputSchema } from '../src/shared/model/article';
import {
  f1,
  pageCases,
  precision,
  recall,
  scorePage,
  scoreSet,
  SCORED_FIELDS,
  type PageSet,
  type ScoredField,
  type Tally,
} from '../tests/helpers/pageCorpus';
import { ms, summarize, time } from './stats';

const ROUNDS = 50;

/** What a paste without any reading of the page gives: the first line as headline, every other line a paragraph. */
function plainPaste(text: string): ParsedArticleInput {
  const [headline = '', ...rest] = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return ArticleInputSchema.parse({
    headline,
    body: rest.map((l) => ({ type: 'paragraph', children: [{ text: l }] })),
  });
}

function measure(
  set: PageSet,
  read: (bytes: Buffer, name: string) => ParsedArticleInput,
): { total: Record<ScoredField | 'all', Tally>; perPage: number[] } {
  const cases = pageCases(set).map((c) => ({ ...c, bytes: fs.readFileSync(c.file) }));
  const total = scoreSet(cases.map((c) => scorePage(c.expected, read(c.bytes, c.name))));
  const perPage: number[] = [];
  for (let r = 0; r < ROUNDS; r++) for (const c of cases) perPage.push(time(() => read(c.bytes, c.name)));
  return { total, perPage };
}

const pr = (t: Tally) => `${precision(t).toFixed(2)} / ${recall(t).toFixed(2)}`;

/**
 * The page-text import on the copied-page corpus (tests/fixtures/pages/): precision and recall
 * per field, for the pages it was developed on and for the held-out pages it never saw. The
 * baseline, measured in the same run, is a paste that reads nothing of the page's shape.
 */
export function benchPages(): string[] {
  const byline = (bytes: Buffer, name: string) =>
    importWebText(bytes, { fileName: name, hasAsset: () => false }).article;
  const plain = (bytes: Buffer) => plainPaste(bytes.toString('utf8'));
  const out = [
    'Page-text import on the copied-page corpus (precision / recall per field; dev = the pages the extractor was built on, held-out = pages it never saw):',
    '',
    '| field | dev | held-out | held-out, plain paste (baseline) |',
    '|---|---|---|---|',
  ];
  const [dev, held, base] = [measure('dev', byline), measure('held-out', byline), measure('held-out', plain)];
  for (const f of [...SCORED_FIELDS, 'all'] as const)
    out.push(`| ${f} | ${pr(dev.total[f])} | ${pr(held.total[f])} | ${pr(base.total[f])} |`);
  const [ours, baseline] = [summarize([...dev.perPage, ...held.perPage]), summarize(base.perPage)];
  out.push(
    '',
    `F1 over all fields: dev ${f1(dev.total.all).toFixed(2)}, held-out ${f1(held.total.all).toFixed(2)}, baseline ${f1(base.total.all).toFixed(2)} (**${(f1(held.total.all) / f1(base.total.all)).toFixed(1)}×** the baseline on held-out pages).`,
    `Time per page (${ROUNDS} rounds): median ${ms(ours.median)}, p95 ${ms(ours.p95)}; the baseline ${ms(baseline.median)} (**${(ours.median / baseline.median).toFixed(1)}×**).`,
  );
  return out;
}
