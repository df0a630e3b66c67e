import path from 'node:path';
import { Zip, ZipDeflate, unzipSync, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportDocx } from '../../../src/main/export/docx';
import { MAX_HTML_DEPTH } from '../../../src/main/import/htmlDom';
import { importIntoStore } from '../../../src/main/import/importIntoStore';
import { importArticleIsolated } from '../../../src/main/import/isolated';
import { DEFAULT_HOUSE_STYLE } from '../../../src/shared/houseStyle';
import { MARKDOWN_LIMITS } from '../../../src/main/import/markdown';
import { Store } from '../../../src/main/store/store';
import { seedArticle } from '../../helpers/articles';
import { tempDir } from '../../helpers/tmp';

let store: Store;
beforeEach(() => {
  store = Store.open(path.join(tempDir(), 'byline.db'));
  store.articles.create({ headline: 'Already here' }, 'anna');
  return () => store.close();
});

/** A Word document whose document.xml is `xmlBytes` of paragraphs, packed as tight as deflate goes. */
function docxWithHugeXml(template: Uint8Array, xmlBytes: number): Uint8Array {
  const parts = unzipSync(template);
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, data] of Object.entries(parts)) {
    if (name === 'word/document.xml') continue;
    const entry = new ZipDeflate(name, { level: 9 });
    zip.add(entry);
    entry.push(data, true);
  }
  const doc = new ZipDeflate('word/document.xml', { level: 9 });
  zip.add(doc);
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  );
  const tail = Buffer.from('</w:body></w:document>');
  const paragraph = Buffer.from('<w:p><w:r><w:t>Bombe</w:t></w:r></w:p>'.repeat(25_000));
  doc.push(head);
  for (let written = head.length; written < xmlBytes; written += paragraph.length) doc.push(paragraph);
  doc.push(tail, true);
  zip.end();
  return Buffer.concat(chunks);
}

/** Peak resident memory of this process while `work` runs, over what it was before. */
async function peakGrowth<T>(
  work: () => Promise<T>,
): Promise<{ outcome: PromiseSettledResult<T>; growthMb: number; ms: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = performance.now();
  const [outcome] = await Promise.allSettled([work()]);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { outcome, growthMb: (peak - before) / 1048576, ms: performance.now() - started };
}

function expectRefused(outcome: PromiseSettledResult<unknown>, message: RegExp): void {
  expect(outcome.status).toBe('rejected');
  expect(((outcome as PromiseRejectedResult).reason as Error).message).toMatch(message);
}

describe('files built to exhaust memory or time', () => {
  it('refuses a small DOCX holding 300 MB of XML before inflating it, in bounded time and memory', async () => {
    const bomb = docxWithHugeXml(
      await exportDocx(store.articles.create(seedArticle(), 'anna'), store),
      300 * 1024 * 1024,
    );
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
    const before = store.articles.list().total;
    const { outcome, growthMb, ms } = await peakGrowth(() => importIntoStore(store, bomb, 'bomb.docx', 'auto', 'desk'));
    expectRefused(
      outcome,
      /^bomb\.docx cannot be imported: the entry word\/document\.xml unpacks to 30\d MB \(at most 48 MB allowed\)\. Nothing was stored\.$/,
    );
    expect(ms).toBeLessThan(5000);
    expect(growthMb).toBeLessThan(200);
    expect(store.articles.list().total).toBe(before);
  });

  it('refuses a DOCX whose parts would grow past any real compression ratio', async () => {
    const template = unzipSync(await exportDocx(store.articles.create(seedArticle(), 'anna'), store));
    // 40 MB of one letter: under the size limit, but no written document compresses a thousandfold.
    const bomb = zipSync(
      { ...template, 'word/media/x.xml': new Uint8Array(40 * 1024 * 1024).fill(0x61) },
      { level: 9 },
    );
    const attempt = importIntoStore(store, bomb, 'ratio.docx', 'auto', 'desk');
    await expect(attempt).rejects.toThrow(
      /^ratio\.docx cannot be imported: the entry word\/media\/x\.xml would grow \d+ times when unpacked \(a "zip bomb"\)/,
    );
  });

  it('refuses Markdown nested thousands of levels deep (9 MB of lists), in bounded time and memory', async () => {
    let lists = '';
    for (let level = 0; lists.length < 9 * 1024 * 1024; level = (level + 1) % 2000)
      lists += `${' '.repeat(level * 2)}- x\n`;
    const { outcome, growthMb, ms } = await peakGrowth(() =>
      importIntoStore(store, Buffer.from(lists), 'lists.md', 'auto', 'desk'),
    );
    expectRefused(
      outcome,
      new RegExp(
        `^lists\\.md cannot be imported: line \\d+ is nested more than ${MARKDOWN_LIMITS.nesting} levels deep\\. Nothing was stored\\.$`,
      ),
    );
    expect(ms).toBeLessThan(5000);
    expect(growthMb).toBeLessThan(300);
    expect(store.articles.list().total).toBe(1);
  });

  it('refuses 600 KB of emphasis marks that make the Markdown parser backtrack', async () => {
    const { outcome, ms } = await peakGrowth(() =>
      importIntoStore(store, Buffer.from(`# Titel\n\n${'*a'.repeat(300_000)}`), 'stars.md', 'md', 'desk'),
    );
    expectRefused(
      outcome,
      /^stars\.md cannot be imported: the paragraph ending at line 3 has more than 4000 emphasis marks/,
    );
    expect(ms).toBeLessThan(5000);
  });

  it('still reads Markdown with deep-ish lists and a lot of emphasis', async () => {
    const md = `# Titel\n\n${Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- Ebene ${i}`).join('\n')}\n\n${'Ein **fetter** und _kursiver_ Satz. '.repeat(400)}\n`;
    const outcome = await importIntoStore(store, Buffer.from(md), 'fine.md', 'md', 'desk');
    expect(store.articles.get(outcome.id).headline).toBe('Titel');
  });

  it(`refuses HTML nested more than ${MAX_HTML_DEPTH} levels deep, naming it`, async () => {
    for (const tag of ['div', 'b']) {
      const html = `<html><body><p>x</p>${`<${tag}>`.repeat(20_000)}y${`</${tag}>`.repeat(20_000)}</body></html>`;
      const attempt = importIntoStore(store, Buffer.from(html), 'deep.html', 'auto', 'desk');
      await expect(attempt).rejects.toThrow(
        `deep.html cannot be imported: its HTML is nested more than ${MAX_HTML_DEPTH} levels deep. Nothing was stored.`,
      );
    }
    expect(store.articles.list().total).toBe(1);
  });
});

describe('the import worker', () => {
  const page = (paragraphs: number) =>
    Buffer.from(
      `<html><body><h1>Schlagzeile</h1>${'<p>Ein Absatz mit <b>fettem</b> Text und einem <a href="https://example.org/">Link</a>.</p>'.repeat(paragraphs)}</body></html>`,
    );

  it('ends a reader past its memory limit, refuses the file by name, and reads the next one', async () => {
    const attempt = importArticleIsolated(
      page(60_000),
      'auto',
      'big.html',
      { knownAssets: [], creditStyle: DEFAULT_HOUSE_STYLE.credit },
      { heapMb: 16, timeoutMs: 30_000 },
    );
    await expect(attempt).rejects.toThrow(
      /^big\.html cannot be imported: reading it needs more than 16 MB of memory, far more than an article\. Nothing was stored\.$/,
    );
    const next = await importArticleIsolated(page(3), 'auto', 'small.html', {
      knownAssets: [],
      creditStyle: DEFAULT_HOUSE_STYLE.credit,
    });
    expect(next.article.headline).toBe('Schlagzeile');
  });

  it('ends a reader past its time limit, refuses the file by name, and reads the next one', async () => {
    const attempt = importArticleIsolated(
      page(20_000),
      'auto',
      'slow.html',
      { knownAssets: [], creditStyle: DEFAULT_HOUSE_STYLE.credit },
      { heapMb: 512, timeoutMs: 1 },
    );
    await expect(attempt).rejects.toThrow(/^slow\.html cannot be imported: reading it took longer than 0\.001 s/);
    const next = await importArticleIsolated(page(3), 'auto', 'small.html', {
      knownAssets: [],
      creditStyle: DEFAULT_HOUSE_STYLE.credit,
    });
    expect(next.article.body.length).toBe(3);
  });

  it('knows the pictures already in the store, so an import may refer to them', async () => {
    const known = 'a'.repeat(64);
    const json = (id: string) =>
      Buffer.from(
        JSON.stringify({
          ...seedArticle(),
          body: [{ type: 'image', assetId: id, caption: 'c', credit: {}, alt: 'a' }],
        }),
      );
    expect(
      (
        await importArticleIsolated(json(known), 'json', 'a.json', {
          knownAssets: [known],
          creditStyle: DEFAULT_HOUSE_STYLE.credit,
        })
      ).article.body[0],
    ).toMatchObject({ type: 'image', assetId: known });
    // Not in the store: the picture stays, with its caption and credit, waiting for its file.
    expect(
      (
        await importArticleIsolated(json(known), 'json', 'a.json', {
          knownAssets: [],
          creditStyle: DEFAULT_HOUSE_STYLE.credit,
        })
      ).article.body[0],
    ).toMatchObject({ type: 'image', assetId: null, source: `byline-asset:${known}` });
  });
});
