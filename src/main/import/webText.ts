import { splitCaptionCredit, stripCreditPrefix } from '../../shared/format/credit';
import { parseSignOff } from '../../shared/format/signOff';
import type { SignOff } from '../../shared/model/article';
import type { Block } from '../../shared/model/blocks';
import { decodeUtf8 } from './decode';
import { creditOfLine, finishImport } from './finish';
import type { ImportContext, ImportedArticle } from './types';

/** Lines of page furniture in German and English: skip links, sharing, related, ads, cookies. */
const CRUFT_LINE = new RegExp(
  [
    String.raw`^(\d+\.\s*)?(zum|zur|zu)\s.*\bspringen$`,
    String.raw`^(\d+\.\s*)?(skip|jump) to\b`,
    String.raw`^(diesen artikel |artikel )?(teilen|drucken|senden|merken|share|tweet|print|e-?mail|facebook|twitter|whatsapp|x|linkedin)\b[^.!?]{0,25}$`,
    String.raw`^(anzeige|werbung|advertisement|sponsored)$`,
    String.raw`^(newsletter|abonnieren|subscribe|sign up|jetzt abonnieren|cookies?\b.*)$`,
    String.raw`^(permalink|https?://\S+)$`,
    String.raw`^(bild|foto|image|photo)\s*(\d+\s*(von|/|of)\s*\d+)$`,
    String.raw`^(lesen sie auch|lesen sie mehr|weiterlesen|read more|see also|auch interessant)\b.*$`,
  ].join('|'),
  'iu',
);

/** Where the article ends and the page's lists of other articles begin. */
const END_OF_ARTICLE = /^(den nächsten abschnitt .* überspringen|mehr zum thema|more on this (topic|story)|related( (topics|articles|stories|content))?|das könnte sie auch interessieren|you may also like|top stories|kommentare|comments|audios und videos zum thema)\b/iu;

const MONTH_INDEX: Record<string, number> = {
  januar: 0, jänner: 0, january: 0, jan: 0, februar: 1, february: 1, feb: 1, märz: 2, march: 2, mar: 2, april: 3, apr: 3,
  mai: 4, may: 4, juni: 5, june: 5, jun: 5, juli: 6, july: 6, jul: 6, august: 7, aug: 7, september: 8, sept: 8, sep: 8,
  oktober: 9, october: 9, okt: 9, oct: 9, november: 10, nov: 10, dezember: 11, december: 11, dez: 11, dec: 11,
};
const MONTHS = Object.keys(MONTH_INDEX).join('|');

/** A line that is only a date (and maybe a time): "10. November 2017", "November 10, 2017 14:35", "10.11.2017", "2017-11-10". */
export function parseDateLine(line: string): string | null {
  const l = line.replace(/^(stand|updated|published|veröffentlicht|aktualisiert|datum|date)\s*:?\s*/i, '').replace(/\s*(uhr|cet|cest|mez|mesz|utc|gmt)$/i, '').trim();
  const time = /(?:,?\s+|\s*[|·]\s*)(\d{1,2})[:.](\d{2})$/.exec(l);
  const d = time ? l.slice(0, time.index).trim() : l;
  let y: number, m: number, day: number;
  let match: RegExpExecArray | null;
  if ((match = new RegExp(`^(\\d{1,2})\\.?\\s+(${MONTHS})\\.?\\s+(\\d{4})$`, 'i').exec(d))) [day, m, y] = [+match[1]!, MONTH_INDEX[match[2]!.toLowerCase()]!, +match[3]!];
  else if ((match = new RegExp(`^(${MONTHS})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})$`, 'i').exec(d))) [m, day, y] = [MONTH_INDEX[match[1]!.toLowerCase()]!, +match[2]!, +match[3]!];
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(d))) [day, m, y] = [+match[1]!, +match[2]! - 1, +match[3]!];
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d))) [y, m, day] = [+match[1]!, +match[2]! - 1, +match[3]!];
  else return null;
  if (m < 0 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(y, m, day, time ? +time[1]! : 0, time ? +time[2]! : 0));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** "Berlin (dpa) - ", "WASHINGTON (Reuters) -", "Kairo/Damaskus (AFP/dpa) –" opening a paragraph. */
const DATELINE = /^([\p{Lu}][\p{L}.'/ -]{1,40}?)\s*\(([\p{L}]{2,10}(?:\s*[/,]\s*[\p{L}]{2,10})*)\)\s*[-–—]\s*/u;
const BYLINE = /^(von|by|autor(?:in)?:|author:|text:)\s+\S.{0,100}$/iu;
const LIST_ITEM = /^\s*(?:[-•*–]|\d+[.)])\s+/;

const isShort = (line: string, max: number) => line.length <= max && !/[.!?:;,]$/.test(line);
const words = (line: string) => line.split(/\s+/).filter(Boolean).length;

/** Paragraphs (blank-line separated) without page furniture, up to where the page's other content begins. */
function chunksOf(text: string): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[ \t]+/g, ' ').trim();
    if (END_OF_ARTICLE.test(line)) break;
    if (!line) {
      if (current.length) chunks.push(current);
      current = [];
    } else if (!CRUFT_LINE.test(line)) current.push(line);
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/** The sign-off closes the article: it and anything after it leave `chunks`. */
function takeSignOff(chunks: string[][]): SignOff | undefined {
  for (let i = chunks.length - 1; i >= Math.max(0, chunks.length - 3); i--) {
    const found = chunks[i]!.length === 1 ? parseSignOff(chunks[i]![0]!) : null;
    if (found) {
      chunks.splice(i);
      return found;
    }
  }
  return undefined;
}

interface Head {
  rubric: string;
  kicker: string;
  headline: string;
  publishedAt: string | null;
  byline: string;
  teaser: string;
  /** Where the body starts. */
  next: number;
}

/** Short lines before the headline (rubric, kicker), the headline, a date, a byline, the teaser. */
function readHead(chunks: string[][]): Head {
  const head: Head = { rubric: '', kicker: '', headline: '', publishedAt: null, byline: '', teaser: '', next: 0 };
  const labels: string[] = [];
  const dateAt = chunks.slice(0, 6).findIndex((c) => c.length === 1 && parseDateLine(c[0]!) !== null);
  if (dateAt > 0) {
    for (const line of chunks.slice(0, dateAt).flat()) {
      if (!head.byline && BYLINE.test(line)) head.byline = line;
      else labels.push(line);
    }
    head.headline = labels.pop() ?? '';
    head.publishedAt = parseDateLine(chunks[dateAt]![0]!);
    head.next = dateAt + 1;
  } else {
    // No date: the headline is the first line that reads like one; up to two short lines before it are labels.
    const isLabel = (k: number) => chunks[k]!.length === 1 && isShort(chunks[k]![0]!, 40) && words(chunks[k]![0]!) <= 3 && chunks[k + 1] !== undefined && isShort(chunks[k + 1]![0]!, 200);
    while (head.next < Math.min(2, chunks.length) && isLabel(head.next)) labels.push(chunks[head.next++]![0]!);
    const first = chunks[head.next];
    if (first) {
      head.headline = first[0]!;
      if (first.length > 1) chunks[head.next] = first.slice(1);
      else head.next++;
    }
  }
  [head.rubric = '', head.kicker = ''] = labels.length > 2 ? [labels[0]!, labels.slice(1).join(' ')] : labels;

  const single = () => (chunks[head.next]?.length === 1 ? chunks[head.next]![0]! : null);
  const takeByline = () => {
    const line = single();
    if (line && BYLINE.test(line)) {
      head.byline = line;
      head.next++;
    }
  };
  takeByline();
  const dateLine = single();
  if (dateLine && !head.publishedAt && parseDateLine(dateLine)) {
    head.publishedAt = parseDateLine(dateLine);
    head.next++;
  }
  takeByline();
  const lead = chunks[head.next];
  if (lead && !isCaption(lead) && lead.join(' ').length > 60 && !DATELINE.test(lead[0]!)) {
    head.teaser = lead.join(' ');
    head.next++;
  }
  takeByline();
  return head;
}

/**
 * Captions with credits (pictures waiting for their files), subheads, lists, paragraphs; a
 * dateline opens the first paragraph.
 */
function readBody(chunks: string[][], warnings: string[], ctx: ImportContext): { body: Block[]; dateline: string } {
  const body: Block[] = [];
  let dateline = '';
  chunks.forEach((c, k) => {
    const caption = isCaption(c);
    if (caption) {
      // A page copied as text holds no picture file: the picture is kept with its caption and
      // credit, and the editor asks for the file.
      body.push({ type: 'image', assetId: null, caption: caption.caption, credit: creditOfLine(caption.credit, ctx), alt: '' });
      warnings.push(`The picture “${caption.caption}” came without its file: attach the file to it in the article.`);
      return;
    }
    if (c.every((l) => LIST_ITEM.test(l))) {
      body.push({ type: 'list', ordered: /^\s*\d/.test(c[0]!), items: c.map((l) => [{ text: l.replace(LIST_ITEM, '') }]) });
      return;
    }
    const joined = c.join(' ');
    const next = chunks[k + 1];
    if (c.length === 1 && isShort(joined, 90) && words(joined) <= 12 && next && !isCaption(next)) {
      body.push({ type: 'subhead', children: [{ text: joined }] });
      return;
    }
    const dl = !dateline && !body.some((b) => b.type === 'paragraph') ? DATELINE.exec(joined) : null;
    if (dl) dateline = `${dl[1]!.trim()} (${dl[2]})`;
    body.push({ type: 'paragraph', children: [{ text: dl ? joined.slice(dl[0].length) : joined }] });
  });
  return { body, dateline };
}

/**
 * A news page copied as text (select all, copy), like the seed article: the article's parts are
 * found by their shape and place, not by one site's layout. Pictures cannot come along as files;
 * their captions and credits are named so the photo desk can attach them.
 */
export function importWebText(bytes: Uint8Array, ctx: ImportContext): ImportedArticle {
  const text = decodeUtf8(ctx.fileName, bytes).replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
  const warnings: string[] = [];
  const chunks = chunksOf(text);
  const signOff = takeSignOff(chunks);
  const { next, ...head } = readHead(chunks);
  const { body, dateline } = readBody(chunks.slice(next), warnings, ctx);
  // The language comes from the text (finishImport), as the page does not name it; a person can change it.
  return finishImport(ctx.fileName, { ...head, dateline, body, signOff }, warnings);
}

/** A caption with its credit: two lines, the second a credit line; or one line ending in one. */
function isCaption(chunk: string[]): { caption: string; credit: string } | null {
  if (chunk.length === 2 && stripCreditPrefix(chunk[1]!) !== null) return { caption: chunk[0]!, credit: stripCreditPrefix(chunk[1]!)! };
  if (chunk.length === 1 && chunk[0]!.length < 300) {
    const split = splitCaptionCredit(chunk[0]!);
    if (split.credit && split.credit.length < 80) return split;
  }
  return null;
}
