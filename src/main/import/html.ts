import { parseSignOff } from '../../shared/format/signOff';
import { decodeUtf8 } from './decode';
import { dedupe, finishImport, isoDate, languageTag } from './finish';
import { htmlBodyBlocks } from './htmlArticle';
import { parseHtml } from './htmlDom';
import { parseDateLine } from './webText';
import { pageArticleMeta } from './jsonLd';
import type { ImportContext, ImportedArticle, PendingAsset } from './types';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Page furniture that is never part of the article. */
const CRUFT = 'nav, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"], .share, .social, .related, .advert, .ad';

/**
 * An HTML page or fragment: what its JSON-LD says of the article comes first (jsonLd.ts); the
 * `<article>` (else `<main>`, else the body) is the article; its header gives rubric, kicker,
 * headline, byline, date and teaser where it marks them, and the page's meta tags (OpenGraph
 * included) fill what neither does.
 */
export function importHtml(bytes: Uint8Array, ctx: ImportContext): ImportedArticle {
  return htmlDocumentToArticle(parseHtml(decodeUtf8(ctx.fileName, bytes), ctx.fileName), ctx);
}

/** The article in a parsed page (an HTML file, or a Word document mammoth turned into HTML). */
export function htmlDocumentToArticle(doc: Document, ctx: ImportContext, extraWarnings: string[] = []): ImportedArticle {
  const warnings: string[] = [];
  const assets: PendingAsset[] = [];
  // What the page says of its article in JSON-LD comes first; its markup fills the rest.
  const ld = pageArticleMeta(doc);
  if (ld.unreadable) warnings.push("The page's JSON-LD could not be read and was passed over.");
  const site = ld.meta;
  const meta = (name: string) => doc.querySelector(`meta[name="${name}"], meta[property="${name}"]`)?.getAttribute('content')?.trim() ?? '';
  const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  for (const el of Array.from(root.querySelectorAll(CRUFT))) el.remove();

  const take = (selector: string): string => {
    const el = root.querySelector(selector);
    const value = text(el);
    el?.remove();
    return value;
  };
  const heading = take('h1');
  const headline = site?.headline || heading || meta('og:title') || text(doc.querySelector('title'));
  // Sites often state a second headline for search engines: the page's own is named, not lost.
  if (site?.headline && heading && heading !== site.headline) warnings.push(`The page's heading “${heading}” differs from the headline its JSON-LD states; that one was taken.`);
  const rubric = take('.rubric') || site?.section || '';
  const kicker = take('.kicker');
  const teaser = take('.teaser, .lead, .intro') || site?.description || meta('description') || meta('og:description');
  const byline = take('.byline, [rel="author"], .author') || site?.authors.join(', ') || '';
  const timeEl = root.querySelector('time[datetime]');
  const publishedAt =
    isoDate(site?.datePublished) ?? isoDate(timeEl?.getAttribute('datetime') ?? undefined) ?? isoDate(meta('article:published_time') || undefined) ?? parseDateLine(take('.date'));
  timeEl?.remove();
  const dateline = take('.dateline');
  const signOffEl = root.querySelector('.sign-off');
  const signOff = parseSignOff(text(signOffEl), { inSignOffSlot: true });
  if (signOff) signOffEl?.remove();
  const keywordLine = take('.keywords');
  for (const el of Array.from(root.querySelectorAll('header .meta, header:empty'))) el.remove();
  const pageFooter = Array.from(root.querySelectorAll('footer')).filter((f) => !f.closest('blockquote'));
  for (const f of pageFooter) if (!text(f)) f.remove();

  return finishImport(
    ctx.fileName,
    {
      language: languageTag(doc.documentElement?.getAttribute('lang') ?? undefined),
      slug: meta('byline:slug'),
      rubric,
      kicker,
      headline,
      teaser,
      byline: byline || meta('author'),
      dateline,
      publishedAt,
      keywords: site?.keywords.length ? dedupe(site.keywords) : dedupe((meta('keywords') || meta('news_keywords') || keywordLine).split(',')),
      signOff: signOff ?? undefined,
      body: htmlBodyBlocks(root, ctx, warnings, assets),
    },
    [...extraWarnings, ...warnings],
    assets,
  );
}
