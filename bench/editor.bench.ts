import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import { Store } from '../src/main/store/store';
import type { Block } from '../src/shared/model/blocks';
import { longBody } from '../tests/helpers/articles';
import { row, summarize, type Summary } from './stats';
import { CHROMIUM_ARGS, startWeb } from './webServer';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORDS = 10_000;
const BLOCKS = 1_000;
const KEYS = 300;

/**
 * In the page: for each keydown, the time from the event to the end of the first frame that shows
 * the keystroke. The DOM change is awaited (a MutationObserver), then the next frame (a rAF, and
 * a task after it, once that frame is produced). The same probe runs on both editors.
 */
const INSTRUMENT = `
  window.__latencies = [];
  document.addEventListener('keydown', (e) => {
    const t0 = e.timeStamp;
    const done = () => requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - t0), 0));
    const mo = new MutationObserver(() => { mo.disconnect(); done(); });
    mo.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, true);
`;

async function typeAndMeasure(page: Page): Promise<Summary> {
  await page.evaluate(INSTRUMENT);
  const text = 'Die Stadt fiel am Donnerstag nach kurzen aber heftigen Kämpfen. ';
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.type(text[i % text.length]!);
    await page.waitForTimeout(15); // a brisk typist: one key every few frames, so keys do not queue
  }
  await page.waitForTimeout(200);
  const samples = await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies);
  return summarize(samples.slice(10)); // the first keys warm up caches and the JIT
}

/** The same 1,000 paragraphs in a bare contenteditable: the floor any editor can reach. */
function plainPage(body: Block[]): string {
  const paragraphs = body
    .map((b) => `<p>${b.type === 'paragraph' ? (b.children[0] as { text: string }).text : ''}</p>`)
    .join('');
  return `<!doctype html><html><body><div id="ed" contenteditable="true" spellcheck="false" style="white-space:pre-wrap">${paragraphs}</div></body></html>`;
}

/** Bare Slate on the same paragraphs, bundled for a file:// page. */
function bareSlatePage(dir: string, body: Block[]): string {
  const script = path.join(dir, 'bare-slate.js');
  buildSync({
    absWorkingDir: ROOT,
    entryPoints: ['bench/bareSlate.tsx'],
    bundle: true,
    minify: true,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: script,
    logLevel: 'error',
  });
  const texts = body.map((b) => (b.type === 'paragraph' ? (b.children[0] as { text: string }).text : ''));
  const file = path.join(dir, 'bare-slate.html');
  fs.writeFileSync(
    file,
    `<!doctype html><html><body><div id="root"></div><script>window.__paragraphs=${JSON.stringify(texts)}</script><script src="bare-slate.js"></script></body></html>`,
  );
  return file;
}

export async function benchEditor(dir: string, chromiumPath: string): Promise<string[]> {
  const dbPath = path.join(dir, 'big.db');
  // 1,000 paragraphs of 10 words: 10,000 words.
  const body = Array.from({ length: BLOCKS }, (_, i) => longBody(WORDS / BLOCKS, i + 1)[0]!);
  const words = WORDS;
  const store = Store.open(dbPath);
  const article = store.articles.create({ headline: 'Langer Artikel', teaser: 'Zehntausend Wörter.', body }, 'bench');
  store.close();

  const web = await startWeb(dbPath);
  const url = web.url;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    // Baseline: a plain contenteditable with the same text.
    const plain = await browser.newPage();
    const plainFile = path.join(dir, 'plain.html');
    fs.writeFileSync(plainFile, plainPage(body));
    const t = Date.now();
    await plain.goto(`file://${plainFile}`);
    await plain.waitForSelector('#ed p:nth-child(1000)');
    const plainMount = Date.now() - t;
    await plain.click('#ed p:nth-child(500)');
    await plain.keyboard.press('End');
    const plainTyping = await typeAndMeasure(plain);
    await plain.close();

    // Bare Slate, chunked the same way: what Slate itself costs.
    const bare = await browser.newPage();
    await bare.goto(`file://${bareSlatePage(dir, body)}`);
    await bare.waitForSelector('#ed p:nth-child(1000), #ed [data-slate-node="element"]:nth-of-type(1)');
    await bare.locator('#ed [data-slate-node="element"]').nth(500).click();
    await bare.keyboard.press('End');
    const bareTyping = await typeAndMeasure(bare);
    await bare.close();

    // Byline: open the article from the list (mount time over several openings), then type.
    const page = await browser.newPage();
    await page.goto(`${url}#/`);
    const mounts: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => (location.hash = '#/'));
      await page.waitForSelector('.article-row');
      const ms = await page.evaluate(async (id) => {
        const t0 = performance.now();
        location.hash = `#/article/${id}`;
        await new Promise<void>((resolve) => {
          const check = () =>
            document.querySelectorAll('.field-body p').length >= 1000 ? resolve() : requestAnimationFrame(check);
          check();
        });
        return performance.now() - t0;
      }, article.id);
      mounts.push(ms);
    }
    await page.locator('.field-body p').nth(500).click();
    await page.keyboard.press('End');
    const bylineTyping = await typeAndMeasure(page);
    const mount = summarize(mounts.slice(1));
    return [
      `Typing into a ${words.toLocaleString('en')}-word article of ${BLOCKS.toLocaleString('en')} blocks, in headless Chromium (${KEYS - 10} keys measured, keydown to after the next frame):`,
      '',
      '| operation | median | p95 | baseline (median / p95) | ratio (median / p95) |',
      '|---|---|---|---|---|',
      row('Byline editor: keypress to next frame', bylineTyping, plainTyping, 'plain contenteditable, same text'),
      row('Bare Slate, chunks of 100 (for comparison)', bareTyping, plainTyping, 'plain contenteditable, same text'),
      row('Byline editor against bare Slate', bylineTyping, bareTyping, 'bare Slate, chunks of 100'),
      `| Byline editor: opening the article (from the list to 1,000 blocks on screen) | ${mount.median.toFixed(0)} ms | ${mount.p95.toFixed(0)} ms | plain contenteditable page load: ${plainMount} ms | – |`,
    ];
  } finally {
    await browser.close();
    web.stop();
  }
}
