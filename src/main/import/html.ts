import { Readability } from '@mozilla/readability';
import { parseSignOff } from '../../shared/format/signOff';
import { blockText, type Block } from '../../shared/model/blocks';
import { decodeUtf8 } from './decode';
import { creditOfLine, dedupe, finishImport, isoDate, languageTag } from './finish';
import { htmlBodyBlocks } from './htmlArticle';
import { parseHtml } from './htmlDom';
import { pageArticleMeta, type PageArticleMeta } from './jsonLd';
import { hasRunningText } from './pageText/lines';
import { noArticleFound, parseDateLine } from './webText';
import type { ImportContext, ImportedArticle, PendingAsset } from './types';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Page furniture that is never part of the article. */
const CRUFT =
  'nav, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"], .share, .social, .related, .advert, .ad';

/**
 * An HTML page or fragment: what its JSON-LD says of the article comes first (jsonLd.ts); a page
 * that marks its article (one `<article>`, else `<main>`) is read from that element; any other
 * page goes through Readability (Firefox's reader view) to find the article in it, and a page
 * where it finds none is refused.
 */
export function importHtml(bytes: Uint8Array, ctx: ImportContext): ImportedArticle {
  return htmlDocumentToArticle(parseHtml(decodeUtf8(ctx.fileName, bytes), ctx.fileName), ctx, [], { page: true });
}

interface ArticleRoot {
  root: Element;
  /** The page marks its article itself. */
  marked?: boolean;
  /** What Readability read of the page, when it was the one that found the article. */
  readable?: { title: string; byline: string; publishedTime: string };
}

/** Where the article is in a page: the element the page marks, or what Readability finds. */
function articleRoot(doc: Document, fileName: string): ArticleRoot {
  const articles = doc.querySelectorAll('article');
  const marked = articles.length === 1 ? articles[0]! : doc.querySelector('main');
  if (marked) return { root: marked, marked: true };
  // Readability changes the document it reads: it gets a copy.
  const found = new Readability(doc.cloneNode(true) as Document, { keepClasses: true, charThreshold: 200 }).parse();
  // Nothing found: the page's body, which must then hold running text of its own.
  if (!found?.content) return { root: doc.body };
  const root = parseHtml(found.content, fileName).body;
  // Readability turns the page's h1 into an h2 and may keep it: the headline is not the text's first subhead.
  const h1 = text(doc.querySelector('h1'));
  const first = root.querySelector('h1, h2');
  if (h1 && first && text(first) === h1) first.remove();
  return {
    root,
    readable: { title: found.title ?? '', byline: found.byline ?? '', publishedTime: found.publishedTime ?? '' },
  };
}

/** The page's lead picture from its JSON-LD, waiting for its file, when the text does not already show it. */
function leadPicture(image: PageArticleMeta['image'], body: Block[], ctx: ImportContext, warnings: string[]): Block[] {
  if (!image || (!image.caption && !image.credit && !image.creator)) return body;
  if (
    body.some((b) => b.type === 'image' && (b.source === image.url || (image.caption && b.caption === image.caption)))
  )
    return body;
  const credit = image.credit ? creditOfLine(image.credit, ctx) : {};
  if (image.creator && !credit.creator) credit.creator = image.creator;
  warnings.push(
    `The picture “${image.caption || image.url}” came without its file: attach the file to it in the article.`,
  );
  return [
    {
      type: 'image',
      assetId: null,
      caption: image.caption,
      credit,
      alt: '',
      ...(image.url ? { source: image.url } : {}),
    },
    ...body,
  ];
}

/**
 * The article in a parsed page (an HTML file, or a Word document mammoth turned into HTML: that one
 * is all article, `page` false).
 */
export function htmlDocumentToArticle(
  doc: Document,
  ctx: ImportContext,
  extraWarnings: string[] = [],
  { page = false } = {},
): ImportedArticle {
  const warnings: string[] = [];
  const assets: PendingAsset[] = [];
  // What the page says of its article in JSON-LD comes first; its markup fills the rest.
  const ld = pageArticleMeta(doc);
  if (ld.unreadable) warnings.push("The page's JSON-LD could not be read and was passed over.");
  const site = ld.meta;
  const meta = (name: string) =>
    doc.querySelector(`meta[name="${name}"], meta[property="${name}"]`)?.getAttribute('content')?.trim() ?? '';
  const { root, readable, marked } = page
    ? articleRoot(doc, ctx.fileName)
    : { root: doc.body, readable: undefined, marked: true };
  for (const el of Array.from(root.querySelectorAll(CRUFT))) el.remove();

  const take = (selector: string): string => {
    const el = root.querySelector(selector);
    const value = text(el);
    el?.remove();
    return value;
  };
  // Readability takes the heading out of the text it returns: the page still has it.
  const heading = take('h1') || (readable ? text(doc.querySelector('h1')) : '');
  const headline = site?.headline || heading || meta('og:title') || readable?.title || text(doc.querySelector('title'));
  // Sites often state a second headline for search engines: the page's own is named, not lost.
  if (site?.headline && heading && heading !== site.headline)
    warnings.push(`The page's heading “${heading}” differs from the headline its JSON-LD states; that one was taken.`);
  const rubric = take('.rubric') || site?.section || '';
  const kicker = take('.kicker');
  const teaser = take('.teaser, .lead, .intro') || site?.description || meta('description') || meta('og:description');
  const byline = take('.byline, [rel="author"], .author') || site?.authors.join(', ') || readable?.byline || '';
  const timeEl = root.querySelector('time[datetime]');
  const publishedAt =
    isoDate(site?.datePublished) ??
    isoDate(timeEl?.getAttribute('datetime') ?? undefined) ??
    isoDate(meta('article:published_time') || undefined) ??
    parseDateLine(take('.date')) ??
    isoDate(readable?.publishedTime || undefined);
  timeEl?.remove();
  const dateline = take('.dateline');
  const signOffEl = root.querySelector('.sign-off');
  const signOff = parseSignOff(text(signOffEl), { inSignOffSlot: true });
  if (signOff) signOffEl?.remove();
  const keywordLine = take('.keywords');
  for (const el of Array.from(root.querySelectorAll('header .meta, header:empty'))) el.remove();
  const pageFooter = Array.from(root.querySelectorAll('footer')).filter((f) => !f.closest('blockquote'));
  for (const f of pageFooter) if (!text(f)) f.remove();

  let body = htmlBodyBlocks(root, ctx, warnings, assets);
  // Readability keeps the teaser as the text's first paragraph; it is the teaser once.
  if (readable && body[0]?.type === 'paragraph' && blockText(body[0]) === teaser) body = body.slice(1);
  // A page that says it is an article (its JSON-LD, og:type) is one, however short; any other needs running text.
  const saysArticle = !!site || meta('og:type') === 'article';
  if (!marked && !saysArticle && !hasRunningText(body.filter((b) => b.type === 'paragraph').map(blockText)))
    throw noArticleFound(ctx.fileName);
  if (page) body = leadPicture(site?.image, body, ctx, warnings);

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
      keywords: site?.keywords.length
        ? dedupe(site.keywords)
        : dedupe((meta('keywords') || meta('news_keywords') || keywordLine).split(',')),
      signOff: signOff ?? undefined,
      body,
    },
    [...extraWarnings, ...warnings],
    assets,
  );
}
