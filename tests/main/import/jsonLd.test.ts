import { describe, expect, it } from 'vitest';
import { importHtml } from '../../../src/main/import/html';

const ctx = { fileName: 'page.html', hasAsset: () => false };
const page = (
  ld: string,
  body = '<article><h1>Überschrift im Text</h1><p>Der erste Absatz des Artikels.</p></article>',
) =>
  importHtml(
    Buffer.from(
      `<!doctype html><html lang="de"><head><title>Seite</title><script type="application/ld+json">${ld}</script></head><body>${body}</body></html>`,
    ),
    ctx,
  );

describe("an HTML page's own JSON-LD comes first", () => {
  it('NewsArticle: headline, description, date, authors, section and keywords', () => {
    const { article, warnings } = page(
      JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'Brücke über den Main freigegeben',
        description: 'Nach vier Jahren Bauzeit rollt der Verkehr wieder.',
        datePublished: '2026-11-18T23:41:00+01:00',
        author: [
          { '@type': 'Person', name: 'Anna Muster' },
          { '@type': 'Person', name: 'Max Beispiel' },
        ],
        articleSection: ['Hessen', 'Verkehr'],
        keywords: 'Frankfurt, Brücke, Verkehr',
      }),
    );
    expect(article).toMatchObject({
      headline: 'Brücke über den Main freigegeben',
      teaser: 'Nach vier Jahren Bauzeit rollt der Verkehr wieder.',
      publishedAt: '2026-11-18T22:41:00.000Z',
      byline: 'Anna Muster, Max Beispiel',
      rubric: 'Hessen',
      keywords: ['Frankfurt', 'Brücke', 'Verkehr'],
    });
    // The page's own heading is not repeated in the body, and where it differs it is named.
    expect(article.body).toEqual([{ type: 'paragraph', children: [{ text: 'Der erste Absatz des Artikels.' }] }]);
    expect(warnings).toEqual([
      "The page's heading “Überschrift im Text” differs from the headline its JSON-LD states; that one was taken.",
    ]);
  });

  it('finds the article in an @graph beside the site and the breadcrumbs, with keywords as a list and one author as text', () => {
    const { article } = page(
      JSON.stringify({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', name: 'Zeitung', headline: 'Nicht der Artikel' },
          {
            '@type': ['ReportageNewsArticle'],
            headline: 'Aus dem Graphen',
            author: 'Redaktion Mitte',
            keywords: ['Wahl', 'Hessen'],
            datePublished: '2026-11-20',
          },
        ],
      }),
    );
    expect(article).toMatchObject({
      headline: 'Aus dem Graphen',
      byline: 'Redaktion Mitte',
      keywords: ['Wahl', 'Hessen'],
      publishedAt: '2026-11-20T00:00:00.000Z',
    });
  });

  it('broken or hostile JSON-LD is passed over: the page itself is read as before', () => {
    const { article, warnings } = page('{ "@type": "NewsArticle", "headline": ');
    expect(article.headline).toBe('Überschrift im Text');
    expect(warnings).toContain("The page's JSON-LD could not be read and was passed over.");
    const nested = page(`${'['.repeat(100000)}${']'.repeat(100000)}`);
    expect(nested.article.headline).toBe('Überschrift im Text');
  });

  it('without JSON-LD, OpenGraph and the page as before', () => {
    // og:type says it is an article, so one short sentence is enough (a page that does not say so needs running text).
    const { article } = importHtml(
      Buffer.from(
        '<html><head><meta property="og:type" content="article"><meta property="og:title" content="Aus OpenGraph"><meta property="og:description" content="Vorspann."></head><body><p>Text ohne Überschrift.</p></body></html>',
      ),
      ctx,
    );
    expect(article).toMatchObject({ headline: 'Aus OpenGraph', teaser: 'Vorspann.' });
  });
});
