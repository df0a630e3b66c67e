import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Store } from '../src/main/store/store';
import { longBody, seedArticle } from '../tests/helpers/articles';
import { row, summarize, time } from './stats';

const SAVES = 200;
const ARTICLES = 10_000;
const QUERIES = ['kamal', 'kämpfer grenze', 'bast', 'luftwaffe prozent heute', 'syrien', 'nichtvorhanden'];

/** Byline's save (revision + FTS + validation, one durable commit) against a raw insert of the same JSON. */
export function benchSave(dir: string): string[] {
  const store = Store.open(path.join(dir, 'save.db'));
  const raw = new Database(path.join(dir, 'raw.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec('CREATE TABLE docs (id INTEGER PRIMARY KEY, doc TEXT NOT NULL)');
  const insert = raw.prepare('INSERT INTO docs (doc) VALUES (?)');

  let article = store.articles.create({ ...seedArticle(), body: longBody(2000) }, 'bench');
  const words = JSON.stringify(article.body).split(/\s+/).length;
  const byline: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const next = { ...article, headline: `Fassung ${i}`, body: longBody(2000, i + 2) };
    // Interleaved, so both see the same disk and cache conditions.
    baseline.push(time(() => insert.run(JSON.stringify(next))));
    byline.push(time(() => (article = store.articles.save(next, 'bench').article)));
  }
  store.close();
  raw.close();
  return [
    `Save of a ${words.toLocaleString('en')}-word article (${SAVES} saves, WAL, synchronous=FULL):`,
    '',
    '| operation | median | p95 | baseline (median / p95) | ratio (median / p95) |',
    '|---|---|---|---|---|',
    row(
      'Byline save (validate, revision, FTS, commit)',
      summarize(byline),
      summarize(baseline),
      'raw better-sqlite3 insert of the same JSON',
    ),
  ];
}

/** Fills a store with n articles of ~300 words; returns its path. One transaction, so it is quick. */
export function populate(dbPath: string, n: number): void {
  const store = Store.open(dbPath);
  store.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const a =
        i % 50 === 0
          ? seedArticle()
          : {
              headline: `Meldung ${i}: Nachrichten aus der Region`,
              teaser: 'Kurzfassung der Lage.',
              keywords: [`thema${i % 97}`],
            };
      store.articles.create({ ...a, body: longBody(300, i + 1) }, 'bench');
    }
  })();
  store.close();
}

export function benchSearchAndList(dir: string): string[] {
  const dbPath = path.join(dir, 'many.db');
  const started = Date.now();
  populate(dbPath, ARTICLES);
  const fill = ((Date.now() - started) / 1000).toFixed(1);
  const store = Store.open(dbPath);
  const ftsOnly = store.db.prepare('SELECT rowid FROM article_fts WHERE article_fts MATCH ? LIMIT 200');
  const rawList = store.db.prepare(
    'SELECT id, headline, status, updated_at FROM articles WHERE deleted_at IS NULL ORDER BY updated_at DESC LIMIT 200',
  );

  const search: number[] = [];
  const searchBase: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of QUERIES) {
      const fts = q
        .split(' ')
        .map((w) => `"${w}"*`)
        .join(' ');
      searchBase.push(time(() => ftsOnly.all(fts)));
      search.push(time(() => store.articles.list({ query: q })));
    }
  }
  const list: number[] = [];
  const listBase: number[] = [];
  for (let i = 0; i < 50; i++) {
    listBase.push(time(() => rawList.all()));
    list.push(time(() => store.articles.list()));
  }
  const open: number[] = [];
  store.close();
  for (let i = 0; i < 5; i++) open.push(time(() => Store.open(dbPath).close()));
  const bytes = fs.statSync(dbPath).size;
  return [
    `Search and list over ${ARTICLES.toLocaleString('en')} articles (~300 words each; store ${(bytes / 1048576).toFixed(0)} MB, filled in ${fill} s):`,
    '',
    '| operation | median | p95 | baseline (median / p95) | ratio (median / p95) |',
    '|---|---|---|---|---|',
    row(
      `Search (${QUERIES.length} queries × 20: ranked, counted, snippets)`,
      summarize(search),
      summarize(searchBase),
      'bare FTS5 MATCH, 200 rowids',
    ),
    row('Article list, first 200 + total', summarize(list), summarize(listBase), 'raw SELECT of the same 200 rows'),
    `| Opening the store after a clean shutdown (header check; quick_check only after a crash) | ${summarize(open).median.toFixed(1)} ms | ${summarize(open).p95.toFixed(1)} ms | – | – |`,
  ];
}

export function tempBenchDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'byline-bench-'));
}
