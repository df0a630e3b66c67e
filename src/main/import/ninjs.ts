import { BylineError } from '../../shared/errors';
import { splitCaptionCredit } from '../../shared/format/credit';
import { textToBlocks } from '../../shared/html/htmlToBlocks';
import { attachedImages, type Block, type Credit, type Image } from '../../shared/model/blocks';
import { decodeUtf8 } from './decode';
import { creditOfLine, dedupe, finishImport, isoDate, languageTag } from './finish';
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

/** Roles under which ninjs carries an item's text in `descriptions` (NTB sends its body so). */
const TEXT_ROLES = ['text', 'richtext'];

/**
 * The richest body: markup before plain text, in `bodies` of any content type (ninjs 1.x had
 * body_html and body_text as fields); without a body, a description with the role "text".
 */
function bodyOf(doc: Obj, ctx: ImportContext, warnings: string[], assets: PendingAsset[]): Block[] {
  const bodies = valued(doc.bodies);
  // A picture item's text description is its caption (namedPicture), not a body.
  const descriptions =
    str(doc.type) === 'picture' ? [] : valued(doc.descriptions).filter((d) => TEXT_ROLES.includes(d.role ?? ''));
  const markup =
    bodies.find((b) => /html|xml/.test(b.contentType ?? '') && b.value) ??
    (str(doc.body_html) ? { value: str(doc.body_html) } : undefined) ??
    (bodies.some((b) => b.value)
      ? undefined
      : descriptions.find((d) => /html|xml/.test(d.contentType ?? '') && d.value));
  if (markup) return htmlBodyBlocks(parseHtml(markup.value!, ctx.fileName).body, ctx, warnings, assets);
  const plain = bodies.find((b) => b.value)?.value ?? (str(doc.body_text) || descriptions.find((d) => d.value)?.value);
  return plain ? textToBlocks(plain) : [];
}

/** A picture the item names without its file: kept with its caption and credit, waiting for the file. */
function namedPicture(item: Obj, ctx: ImportContext): Image {
  const descriptions = valued(item.descriptions);
  const caption =
    byRole(descriptions, 'caption', ...TEXT_ROLES) ||
    str(item.description_text) ||
    str(item.headline) ||
    byRole(valued(item.headlines), 'main');
  const split = splitCaptionCredit(caption);
  const sources = list(item.infosources);
  const agency = sources.find((s) => str(s.role) === 'agency') ?? sources.find((s) => !str(s.role));
  const provider = sources.find((s) => str(s.role) === 'provider');
  const credit: Credit = split.credit
    ? creditOfLine(split.credit, ctx)
    : {
        ...(provider ? { provider: str(provider.name) } : {}),
        ...(agency
          ? { agency: str(agency.name) }
          : str(item.copyrightholder)
            ? { agency: str(item.copyrightholder) }
            : {}),
        ...(str(item.by) ? { creator: str(item.by) } : {}),
      };
  const rendition = list(item.renditions).find((r) => str(r.href));
  return {
    type: 'image',
    assetId: null,
    caption: split.caption,
    credit,
    alt: byRole(descriptions, 'alternative-text', 'alt'),
    source: str(item.uri) || str(rendition?.href) || str(item.name) || undefined,
  };
}

/** ninjs 2.x and 3.x (and the 1.x names where they differ): one article with its pictures. */
export function importNinjs(bytes: Uint8Array, ctx: ImportContext): ImportedArticle {
  let raw: unknown;
  try {
    raw = JSON.parse(decodeUtf8(ctx.fileName, bytes));
  } catch (error) {
    if (error instanceof BylineError) throw error;
    throw new BylineError(
      'invalid-input',
      `${ctx.fileName} is not valid JSON: ${(error as Error).message}. Nothing was stored.`,
    );
  }
  if (!isObj(raw))
    throw new BylineError('invalid-input', `${ctx.fileName} must hold one ninjs object; nothing was stored.`);
  const doc = lowerKeys(raw) as Obj;
  if (!str(doc.uri) && !doc.headlines && !doc.headline)
    throw new BylineError(
      'invalid-input',
      `${ctx.fileName} is JSON but not ninjs (it has neither uri nor headlines); nothing was stored.`,
    );
  const warnings: string[] = [];
  const assets: PendingAsset[] = [];

  const headlines = valued(doc.headlines);
  const descriptions = valued(doc.descriptions);
  const subjects = list(doc.subjects);
  const sources = list(doc.infosources);
  const named = (items: Obj[], role: string, key = 'role') =>
    items
      .filter((s) => str(s[key]) === role)
      .map((s) => str(s.name))
      .filter(Boolean);
  const body = bodyOf(doc, ctx, warnings, assets);

  // Pictures the body's markup did not place come after the text, waiting for their files; a
  // picture item without text is its own picture.
  const placed = new Set(attachedImages(body).map((b) => b.assetId));
  if (str(doc.type) === 'picture' && !body.length) body.push(namedPicture(doc, ctx));
  for (const a of list(doc.associations)) {
    const type = str(a.type);
    if (type && type !== 'picture' && type !== 'graphic') {
      warnings.push(`The associated ${type} "${str(a.name) || str(a.uri)}" was left out: articles hold pictures only.`);
      continue;
    }
    const id = /^byline-asset:([0-9a-f]{64})$/.exec(str(a.uri))?.[1];
    if (id && placed.has(id)) continue;
    body.push(namedPicture(a, ctx));
    warnings.push(
      `The picture "${str(a.name) || str(a.uri)}" came without its file: attach the file to it in the article.`,
    );
  }

  const keywordSubjects = subjects.filter((s) => str(s.rel) !== 'rubric').map((s) => str(s.name) || str(s.literal));
  // People, places and organisations the item is about are what a desk tags an article with.
  const entities = [...list(doc.people), ...list(doc.places), ...list(doc.organisations)].map(
    (e) => str(e.name) || str(e.literal),
  );
  return finishImport(
    ctx.fileName,
    {
      language: languageTag(str(doc.language)),
      slug: str(doc.slugline),
      rubric: named(subjects, 'rubric', 'rel')[0] ?? '',
      headline:
        byRole(headlines, 'main', '') || headlines.find((h) => h.value)?.value || str(doc.headline) || str(doc.title),
      kicker: byRole(headlines, 'kicker'),
      // A description of the role "text" is the body (or a picture's caption), not the teaser.
      teaser:
        byRole(descriptions, 'teaser', 'summary', 'abstract', '') ||
        descriptions.find((d) => d.value && !TEXT_ROLES.includes(d.role ?? ''))?.value ||
        str(doc.description_text),
      byline: str(doc.by) || str(doc.byline),
      dateline: str(doc.located),
      publishedAt: isoDate(str(doc.contentcreated) || undefined),
      keywords: dedupe([
        ...keywordSubjects,
        ...entities,
        ...(Array.isArray(doc.keywords) ? doc.keywords.map(str) : []),
      ]),
      signOff: { authors: named(sources, 'author'), agencies: named(sources, 'agency') },
      body,
    },
    warnings,
    assets,
  );
}
