import { BylineError } from '../../shared/errors';
import { splitCaptionCredit } from '../../shared/format/credit';
import { textToBlocks } from '../../shared/html/htmlToBlocks';
import type { Block } from '../../shared/model/blocks';
import { decodeUtf8 } from './decode';
import { dedupe, finishImport, isoDate, languageTag } from './finish';
import { htmlBodyBlocks } from './htmlArticle';
import { parseHtml } from './htmlDom';
import type { ImportContext, ImportedArticle, PendingAsset } from './types';

type Obj = Record<string, unknown>;
interface Valued {
  role?: string;
  value?: string;
  contentType?: string;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

/**
 * ninjs 1.x and 2.x write field names in lower case (versioncreated, contenttype), 3.x in camelCase;
 * reading every key in lower case serves all of them.
 */
function lowerKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(lowerKeys);
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.toLowerCase(), lowerKeys(x)]));
  return v;
}

const valued = (v: unknown): Valued[] =>
  list(v).map((o) => ({ role: str(o.role), value: str(o.value), contentType: str(o.contenttype) }));

function byRole(items: Valued[], ...roles: string[]): string {
  for (const role of roles) {
    const hit = items.find((i) => i.role === role && i.value);
    if (hit) return hit.value!;
  }
  return '';
}

/** The richest body: markup before plain text (ninjs 1.x had body_html and body_text as fields). */
function bodyOf(doc: Obj, ctx: ImportContext, warnings: string[], assets: PendingAsset[]): Block[] {
  const bodies = valued(doc.bodies);
  const markup = bodies.find((b) => /html/.test(b.contentType ?? '') && b.value) ?? (str(doc.body_html) ? { value: str(doc.body_html) } : undefined);
  if (markup) return htmlBodyBlocks(parseHtml(markup.value!, ctx.fileName).body, ctx, warnings, assets);
  const plain = bodies.find((b) => b.value)?.value ?? str(doc.body_text);
  return plain ? textToBlocks(plain) : [];
}

/** ninjs 2.x and 3.x (and the 1.x names where they differ): one article with its pictures. */
export function importNinjs(bytes: Uint8Array, ctx: ImportContext): ImportedArticle {
  let raw: unknown;
  try {
    raw = JSON.parse(decodeUtf8(ctx.fileName, bytes));
  } catch (error) {
    if (error instanceof BylineError) throw error;
    throw new BylineError('invalid-input', `${ctx.fileName} is not valid JSON: ${(error as Error).message}. Nothing was stored.`);
  }
  if (!isObj(raw)) throw new BylineError('invalid-input', `${ctx.fileName} must hold one ninjs object; nothing was stored.`);
  const doc = lowerKeys(raw) as Obj;
  if (!str(doc.uri) && !doc.headlines && !doc.headline) throw new BylineError('invalid-input', `${ctx.fileName} is JSON but not ninjs (it has neither uri nor headlines); nothing was stored.`);
  const warnings: string[] = [];
  const assets: PendingAsset[] = [];

  const headlines = valued(doc.headlines);
  const descriptions = valued(doc.descriptions);
  const subjects = list(doc.subjects);
  const sources = list(doc.infosources);
  const named = (items: Obj[], role: string, key = 'role') => items.filter((s) => str(s[key]) === role).map((s) => str(s.name)).filter(Boolean);
  const body = bodyOf(doc, ctx, warnings, assets);

  // Pictures that the body's markup did not place: named, since their files are not in the import.
  const placed = new Set(body.flatMap((b) => (b.type === 'image' ? [b.assetId] : [])));
  for (const a of list(doc.associations)) {
    const type = str(a.type);
    if (type && type !== 'picture' && type !== 'graphic') {
      warnings.push(`The associated ${type} "${str(a.name) || str(a.uri)}" was left out: articles hold pictures only.`);
      continue;
    }
    const id = /^byline-asset:([0-9a-f]{64})$/.exec(str(a.uri))?.[1];
    if (id && placed.has(id)) continue;
    const caption = byRole(valued(a.descriptions), 'caption') || str(a.description_text) || str(a.headline) || byRole(valued(a.headlines), 'main');
    warnings.push(`The picture "${str(a.name) || str(a.uri)}" was left out: its file is not part of the import.${caption ? ` Caption: ${splitCaptionCredit(caption).caption}` : ''}`);
  }

  const keywordSubjects = subjects.filter((s) => str(s.rel) !== 'rubric').map((s) => str(s.name) || str(s.literal));
  // People, places and organisations the item is about are what a desk tags an article with.
  const entities = [...list(doc.people), ...list(doc.places), ...list(doc.organisations)].map((e) => str(e.name) || str(e.literal));
  return finishImport(
    ctx.fileName,
    {
      language: languageTag(str(doc.language)),
      slug: str(doc.slugline),
      rubric: named(subjects, 'rubric', 'rel')[0] ?? '',
      headline: byRole(headlines, 'main', '') || headlines.find((h) => h.value)?.value || str(doc.headline),
      kicker: byRole(headlines, 'kicker'),
      teaser: byRole(descriptions, 'teaser', 'summary', 'abstract', '') || descriptions.find((d) => d.value)?.value || str(doc.description_text),
      byline: str(doc.by) || str(doc.byline),
      dateline: str(doc.located),
      publishedAt: isoDate(str(doc.contentcreated) || undefined),
      keywords: dedupe([...keywordSubjects, ...entities, ...(Array.isArray(doc.keywords) ? doc.keywords.map(str) : [])]),
      signOff: { authors: named(sources, 'author'), agencies: named(sources, 'agency') },
      body,
    },
    warnings,
    assets,
  );
}
