/**
 * A page's own description of its article, as news sites publish it for search engines:
 * schema.org JSON-LD (`NewsArticle` and its kin). Read before the page's markup, because the
 * site states there what its headline, date and authors are.
 */
export interface PageArticleMeta {
  headline?: string;
  description?: string;
  datePublished?: string;
  authors: string[];
  section?: string;
  keywords: string[];
  /** The article's lead picture as the page describes it (an ImageObject or a URL). */
  image?: { url: string; caption: string; credit: string; creator: string };
}

const ARTICLE_TYPES =
  /^(?:NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|Article|BlogPosting|LiveBlogPosting)$/;
/** Objects looked at in one page: a page is not a database. */
const MAX_NODES = 2000;

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: Json): Json[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** A text value: a string, or an object's name or @value (schema.org allows both). */
function textOf(v: Json): string {
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim();
  if (isObj(v)) return textOf(v.name ?? v['@value']);
  return '';
}

const typesOf = (node: Record<string, Json>) => asList(node['@type']).filter((t): t is string => typeof t === 'string');

/** The article objects in a JSON-LD value (arrays and @graph included), breadth first, bounded. */
function articles(root: Json): Record<string, Json>[] {
  const found: Record<string, Json>[] = [];
  const queue: Json[] = [root];
  for (let seen = 0; queue.length && seen < MAX_NODES; seen++) {
    const v = queue.shift();
    if (Array.isArray(v)) queue.push(...v.slice(0, MAX_NODES));
    else if (isObj(v)) {
      if (typesOf(v).some((t) => ARTICLE_TYPES.test(t))) found.push(v);
      else if (v['@graph'] !== undefined) queue.push(v['@graph']);
    }
  }
  return found;
}

/** The first picture of `image`: an ImageObject's caption, credit line and creator, or only its URL. */
function leadImage(value: Json): { image?: PageArticleMeta['image'] } {
  const first = asList(value)[0];
  if (typeof first === 'string') return { image: { url: first.slice(0, 2000), caption: '', credit: '', creator: '' } };
  if (!isObj(first)) return {};
  const url = textOf(first.url) || textOf(first.contentUrl);
  const creator = asList(first.creator).concat(asList(first.author)).map(textOf).find(Boolean) ?? '';
  const credit = textOf(first.creditText) || textOf(first.copyrightHolder);
  return {
    image: { url: url.slice(0, 2000), caption: textOf(first.caption) || textOf(first.description), credit, creator },
  };
}

/**
 * The first article the page's JSON-LD blocks describe, or null; `unreadable` counts blocks that
 * are not JSON (passed over, and said).
 */
export function pageArticleMeta(doc: Document): { meta: PageArticleMeta | null; unreadable: number } {
  let unreadable = 0;
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let parsed: Json;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      unreadable++;
      continue;
    }
    const node = articles(parsed)[0];
    if (!node) continue;
    const keywords = asList(node.keywords)
      .flatMap((k) => (typeof k === 'string' ? k.split(',') : [textOf(k)]))
      .map((k) => k.trim())
      .filter(Boolean);
    return {
      unreadable,
      meta: {
        headline: textOf(node.headline) || textOf(node.name) || undefined,
        description: textOf(node.description) || undefined,
        datePublished: textOf(node.datePublished) || undefined,
        authors: asList(node.author).map(textOf).filter(Boolean),
        section: asList(node.articleSection).map(textOf).find(Boolean),
        keywords,
        ...leadImage(node.image),
      },
    };
  }
  return { meta: null, unreadable };
}
