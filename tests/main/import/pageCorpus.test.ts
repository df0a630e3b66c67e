// Page-text import measured on the corpus of copied pages (tests/fixtures/pages/README.md): the
// expected fields were written with the pages, before the extractor; held-out pages were never
// used to change it, so their score is what a page nobody here has seen can expect.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWebText } from '../../../src/main/import/webText';
import { f1, invented, noArticlePages, pageCases, precision, recall, scorePage, scoreSet, SCORED_FIELDS, type PageSet } from '../../helpers/pageCorpus';

const ctx = (fileName: string) => ({ fileName, hasAsset: () => false });

function measure(set: PageSet) {
  const results = pageCases(set).map((c) => {
    const text = fs.readFileSync(c.file);
    const { article } = importWebText(text, ctx(c.name));
    return { name: c.name, article, score: scorePage(c.expected, article), invented: invented(text.toString('utf8'), article) };
  });
  return { results, total: scoreSet(results.map((r) => r.score)) };
}

describe('copied pages nobody wrote the extractor for', () => {
  it('has at least 30 pages from 15 kinds of site, a third held out', () => {
    const [dev, held] = [pageCases('dev'), pageCases('held-out')];
    expect(dev.length + held.length).toBeGreaterThanOrEqual(30);
    expect(held.length * 3).toBeGreaterThanOrEqual(dev.length + held.length - 1);
    expect(new Set([...dev, ...held].map((c) => c.expected.site)).size).toBeGreaterThanOrEqual(15);
    expect(new Set([...dev, ...held].map((c) => c.expected.language))).toEqual(new Set(['de', 'en', 'fr', 'es', 'it', 'nl']));
  });

  it.each(['dev', 'held-out'] as const)('%s pages: fields found, and nothing that is not on the page', (set) => {
    const { results, total } = measure(set);
    console.log(
      `${set}: ${[...SCORED_FIELDS, 'all' as const].map((f) => `${f} P ${precision(total[f]).toFixed(2)} R ${recall(total[f]).toFixed(2)}`).join(' · ')}`,
    );
    // A line that is not on the page is never invented.
    expect(results.filter((r) => r.invented.length).map((r) => [r.name, r.invented])).toEqual([]);
    for (const r of results) expect(r.article.headline, r.name).not.toBe('');
    // Held-out first scored F1 0.89 (P 0.84, R 0.95), 0.91 after later changes made for dev pages only;
    // dev 0.94. The bars sit a little below, so a change that makes extraction worse fails here.
    expect(f1(total.all)).toBeGreaterThanOrEqual(set === 'dev' ? 0.9 : 0.85);
    expect(recall(total.headline)).toBeGreaterThanOrEqual(set === 'dev' ? 1 : 0.9);
    expect(f1(total.body)).toBeGreaterThanOrEqual(0.88);
  });

  it.each(noArticlePages().map((f) => [path.basename(f), f]))('refuses %s: no article found, nothing stored', (name, file) => {
    expect(() => importWebText(fs.readFileSync(file), ctx(name))).toThrow(`No article found in ${name}`);
  });
});
