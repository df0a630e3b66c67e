// Page-text import measured on the corpus of copied pages (tests/fixtures/pages/README.md): the
// expected fields were written with the pages, before the extractor read them; the held-out pages
// were committed before the extractor first ran on them and are never used to change it, so their
// score is what a page nobody here has seen can expect. This file and the bench are the only
// readers of held-out/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWebText } from '../../../src/main/import/webText';
import {
  f1,
  invented,
  noArticlePages,
  pageCases,
  precision,
  recall,
  scorePage,
  scoreSet,
  SCORED_FIELDS,
  type PageSet,
} from '../../helpers/pageCorpus';

const ctx = (fileName: string) => ({ fileName, hasAsset: () => false });

function measure(set: PageSet) {
  const results = pageCases(set).map((c) => {
    const text = fs.readFileSync(c.file);
    const { article } = importWebText(text, ctx(c.name));
    return {
      name: c.name,
      article,
      score: scorePage(c.expected, article),
      invented: invented(text.toString('utf8'), article),
    };
  });
  return { results, total: scoreSet(results.map((r) => r.score)) };
}

describe('copied pages nobody wrote the extractor for', () => {
  it('has at least 45 pages from 30 kinds of site; the held-out third in layouts and languages dev does not have', () => {
    const [dev, held] = [pageCases('dev'), pageCases('held-out')];
    expect(dev.length + held.length).toBeGreaterThanOrEqual(45);
    expect(held.length).toBeGreaterThanOrEqual(15);
    expect(new Set([...dev, ...held].map((c) => c.expected.site)).size).toBe(dev.length + held.length);
    const devLanguages = new Set(dev.map((c) => c.expected.language));
    expect(devLanguages).toEqual(new Set(['de', 'en', 'fr', 'es', 'it', 'nl']));
    expect(
      new Set(held.map((c) => c.expected.language).filter((l) => !devLanguages.has(l))).size,
    ).toBeGreaterThanOrEqual(5);
  });

  it.each(['dev', 'held-out'] as const)('%s pages: fields found, and nothing that is not on the page', (set) => {
    const { results, total } = measure(set);
    console.log(
      `${set}: ${[...SCORED_FIELDS, 'all' as const].map((f) => `${f} P ${precision(total[f]).toFixed(2)} R ${recall(total[f]).toFixed(2)}`).join(' · ')}`,
    );
    // A line that is not on the page is never invented.
    expect(results.filter((r) => r.invented.length).map((r) => [r.name, r.invented])).toEqual([]);
    for (const r of results) expect(r.article.headline, r.name).not.toBe('');
    // The sealed held-out set (pages 31-46, committed before the extractor first read it) scored
    // F1 0.79 (P 0.82, R 0.76) at its first measurement; dev 0.94. The bars sit a little below, so
    // a change that makes extraction worse fails here; held-out scores are never a reason to change it.
    expect(f1(total.all)).toBeGreaterThanOrEqual(set === 'dev' ? 0.9 : 0.75);
    expect(recall(total.headline)).toBeGreaterThanOrEqual(set === 'dev' ? 1 : 0.9);
    expect(f1(total.body)).toBeGreaterThanOrEqual(set === 'dev' ? 0.9 : 0.85);
  });

  it.each(noArticlePages().map((f) => [path.basename(f), f]))(
    'refuses %s: no article found, nothing stored',
    (name, file) => {
      expect(() => importWebText(fs.readFileSync(file), ctx(name))).toThrow(`No article found in ${name}`);
    },
  );
});
