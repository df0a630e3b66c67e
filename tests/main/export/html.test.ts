import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { embeddedImageSrc, exportHtml } from '../../../src/main/export/html';
import { importHtml } from '../../../src/main/import/html';
import { importIntoStore } from '../../../src/main/import/importIntoStore';
import { Store } from '../../../src/main/store/store';
import type { Article } from '../../../src/shared/model/article';
import { tinyPng } from '../../helpers/fixtures';
import { FULL_HEAD, openSeedStore } from '../../helpers/seedStore';
import { tempDir } from '../../helpers/tmp';

let store: Store;
let seed: Article;
beforeEach(() => {
  ({ store, seed } = openSeedStore(() => FULL_HEAD, 3));
  return () => store.close();
});
const html = (a: Article) => exportHtml(a, store.houseStyle, embeddedImageSrc(store));

describe('HTML export', () => {
  it('writes one self-contained semantic page: header, figure with credit, embedded picture, sign-off, no scripts', () => {
    const page = html(seed);
    expect(page).toMatch(/^<!DOCTYPE html>\n<html xmlns="http:\/\/www.w3.org\/1999\/xhtml" lang="de"/);
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"/>`,
    );
    expect(page).toContain(
      '<p class="rubric">Politik</p>\n<p class="kicker">Syrien</p>\n<h1>IS-Kämpfer holen Teile von Albu Kamal zurück</h1>',
    );
    expect(page).toContain(
      '<p class="meta"><span class="byline">Von Anna Muster</span> · <time datetime="2017-11-10T00:00:00.000Z">10. November 2017</time> · <span class="dateline">Albu Kamal</span></p>',
    );
    expect(page).toContain(
      `<figure><img src="data:image/png;base64,${tinyPng(3).toString('base64')}" alt="Kämpfer in al-Qaim"/>`,
    );
    expect(page).toContain(
      '<figcaption><span class="caption">Syrien al-Qaim Krieg Kämpfe gegen den IS</span> <small class="credit" data-provider="Getty Images" data-agency="AFP" data-creator="Ali al-Rubaye">Bild: Getty Images/AFP/A. al-Rubaye</small></figcaption>',
    );
    expect(page).toContain('<h2>Kampf um die letzte Bastion</h2>');
    expect(page).toContain('<p class="sign-off">haz/qu (afp, dpa)</p>');
    expect(page).not.toMatch(/<script/i);
  });

  it('escapes hostile text in every field', () => {
    const a = store.articles.save(
      { ...seed, headline: '<script>alert(1)</script> & "Q"', teaser: '"><img src=x onerror=alert(1)>' },
      'anna',
    ).article;
    const page = html(a);
    expect(page).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "Q"</h1>');
    expect(page).toContain('<meta name="description" content="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"/>');
    expect(page).not.toMatch(/<script|<img src=x/);
  });

  it('refuses an article whose picture has no credit, naming the picture', () => {
    const body = seed.body.map((b) => (b.type === 'image' ? { ...b, credit: {} } : b));
    expect(() => html({ ...seed, body })).toThrow(
      'This article cannot be exported yet: it needs a credit for the first picture (“Syrien al-Qaim Krieg Kämpfe gegen den IS”).',
    );
  });
});

describe('HTML import', () => {
  it("reads Byline's own page back to the same article", () => {
    const { article, warnings, assets } = importHtml(Buffer.from(html(seed)), {
      fileName: 'a.html',
      hasAsset: (id) => store.assets.find(id) !== undefined,
    });
    expect(warnings).toEqual([]);
    expect(assets).toHaveLength(1); // the embedded copy; storing it again is a no-op (content-addressed)
    const { id: _i, revision: _r, createdAt: _c, updatedAt: _u, status: _s, ...fields } = seed;
    expect(article).toEqual({ ...fields, status: 'draft' });
  });

  it('brings the embedded picture into another store', async () => {
    const other = Store.open(path.join(tempDir(), 'other.db'));
    try {
      const outcome = await importIntoStore(other, Buffer.from(html(seed)), 'a.html', 'auto', 'desk');
      expect(outcome).toMatchObject({ format: 'html', warnings: [] });
      const image = other.articles.get(outcome.id).body[0]!;
      expect(image.type === 'image' && other.assets.read(image.assetId!)).toEqual(tinyPng(3));
    } finally {
      other.close();
    }
  });

  it("reads a news site's page: article only, meta tags, figure credit, no navigation or scripts", () => {
    const page = `<!doctype html><html lang="en-GB"><head><title>Site | Storm hits coast</title>
      <meta name="description" content="Winds of 140 km/h."><meta name="keywords" content="storm, weather"><meta name="author" content="Jane Roe">
      <meta property="article:published_time" content="2024-02-01T08:30:00+01:00"><script>track()</script></head>
      <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Storm hits coast</h1><p>Trees fell <em>everywhere</em>.</p>
        <figure><img src="https://cdn.example.com/storm.jpg" alt="Fallen tree"><figcaption>A tree on a car. Photo: Max Mustermann/Reuters</figcaption></figure>
        <blockquote><p>It was loud.</p><footer>— a resident</footer></blockquote>
        <aside>More on this topic</aside></article><footer>© Site</footer></body></html>`;
    const { article, warnings } = importHtml(Buffer.from(page), { fileName: 'storm.html', hasAsset: () => false });
    expect(article).toMatchObject({
      headline: 'Storm hits coast',
      teaser: 'Winds of 140 km/h.',
      byline: 'Jane Roe',
      language: 'en-GB',
      keywords: ['storm', 'weather'],
      publishedAt: '2024-02-01T07:30:00.000Z',
    });
    expect(article.body).toEqual([
      { type: 'paragraph', children: [{ text: 'Trees fell ' }, { text: 'everywhere', italic: true }, { text: '.' }] },
      // The figure's picture stays where it stood, with its caption and credit parts, waiting for its file.
      {
        type: 'image',
        assetId: null,
        caption: 'A tree on a car.',
        credit: { agency: 'Reuters', creator: 'Max Mustermann' },
        alt: 'Fallen tree',
        source: 'https://cdn.example.com/storm.jpg',
      },
      { type: 'quote', children: [{ text: 'It was loud.' }], attribution: 'a resident' },
    ]);
    expect(warnings).toEqual([
      'The picture "A tree on a car." came without its file: attach the file to it in the article.',
    ]);
  });
});
