import path from 'node:path';
import { exportBylineJson } from '../src/main/export/bylineJson';
import { buildNinjs, exportNinjs } from '../src/main/export/ninjs';
import { buildNitf, exportNitf } from '../src/main/export/nitf';
import { importIntoStore } from '../src/main/import/importIntoStore';
import { Store } from '../src/main/store/store';
import type { Article } from '../src/shared/model/article';
import { longBody, seedArticle } from '../tests/helpers/articles';
import { tinyPng } from '../tests/helpers/fixtures';

const ARTICLES = 1000;
const ROUNDS = 3;
const CHUNK = 100; // as the CLI exports: a chunk at a time, so XSD checks share one compilation

async function timeAll(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function chunked<T>(items: T[], fn: (item: T) => unknown): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await Promise.all(items.slice(i, i + CHUNK).map(async (x) => fn(x)));
}

/** The median of ROUNDS runs of a whole batch, in ms. */
async function medianOf(fn: () => Promise<unknown>): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) runs.push(await timeAll(fn));
  return runs.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
}

const line = (name: string, subject: number, baseline: number, baselineName: string) =>
  `| ${name} | ${(subject / 1000).toFixed(2)} s (${Math.round((ARTICLES * 1000) / subject).toLocaleString('en')} articles/s) | ${baselineName}: ${(baseline / 1000).toFixed(2)} s (${Math.round((ARTICLES * 1000) / baseline).toLocaleString('en')}/s) | **${(subject / baseline).toFixed(2)}×** |`;

/** Exports of 1,000 articles with their schema checks, and an import of 1,000 NITF files, against baselines from the same run. */
export async function benchFormats(dir: string): Promise<string[]> {
  const store = Store.open(path.join(dir, 'formats.db'));
  const asset = store.assets.add(tinyPng(1), 'bench.png');
  const articles: Article[] = [];
  store.db.transaction(() => {
    for (let i = 0; i < ARTICLES; i++)
      articles.push(
        store.articles.create(
          {
            ...seedArticle(asset.id),
            headline: `Meldung ${i}`,
            body: [...seedArticle(asset.id).body!, ...longBody(600, i + 1)],
          },
          'bench',
        ),
      );
  })();
  const find = (id: string) => store.assets.find(id);
  const style = store.houseStyle;

  const nitf = await medianOf(() => chunked(articles, (a) => exportNitf(a, style, find)));
  const nitfBuild = await medianOf(() => chunked(articles, (a) => buildNitf(a, style, find)));
  const ninjs = await medianOf(() => chunked(articles, (a) => exportNinjs(a, '3.1', style, find)));
  const ninjsBuild = await medianOf(() => chunked(articles, (a) => JSON.stringify(buildNinjs(a, '3.1', style, find))));

  const nitfFiles = articles.map((a) => Buffer.from(buildNitf(a, style, find)));
  const jsonFiles = articles.map((a) => Buffer.from(exportBylineJson({ ...a, id: crypto.randomUUID() })));
  let round = 0;
  const importInto = async (files: Buffer[]) => {
    const target = Store.open(path.join(dir, `import-${round++}.db`));
    target.assets.add(tinyPng(1), 'bench.png');
    try {
      for (const [i, bytes] of files.entries()) await importIntoStore(target, bytes, `story-${i}`, 'auto', 'bench');
    } finally {
      target.close();
    }
  };
  const nitfImport = await medianOf(() => importInto(nitfFiles));
  const jsonImport = await medianOf(() => importInto(jsonFiles));
  store.close();

  return [
    `Exchange formats: ${ARTICLES.toLocaleString('en')} articles of ~650 words with a picture; each figure the median of ${ROUNDS} whole runs:`,
    '',
    '| operation | time (rate) | baseline | ratio |',
    '|---|---|---|---|',
    line('NITF 3.6 export, validated against the XSD', nitf, nitfBuild, 'the same NITF built without validation'),
    line(
      'ninjs 3.1 export, validated against the JSON schema',
      ninjs,
      ninjsBuild,
      'the same ninjs built and stringified without validation',
    ),
    line(
      'NITF import (detect, safe parse, map, store)',
      nitfImport,
      jsonImport,
      'importing the same articles as Byline JSON',
    ),
  ];
}
