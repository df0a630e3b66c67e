// The shape of one line of a copied page: what the extractor reasons with instead of phrase lists.
import { stripCreditPrefix } from '../../../shared/format/credit';
import { bylineNames } from './byline';
import { readDateLine, type FoundDate } from './dates';

export interface PageLine {
  /** Index into the page's lines (blank lines count), so a mapping can point at the source. */
  at: number;
  /** The last source line it takes up: copy wrapped at a fixed width is joined into one line. */
  to: number;
  text: string;
  words: number;
  /** A blank line stands before it. */
  gapBefore: boolean;
  /** Ends as a sentence does (a full stop, question or exclamation mark, perhaps a closing quote). */
  sentence: boolean;
  date: FoundDate | null;
  /** The credit without its label ("Foto: AP" → "AP"), or null. */
  credit: string | null;
  listItem: boolean;
  /** Stands right above a credit line: a caption. */
  captionAbove: boolean;
}

// A colon ends a sentence that introduces a list or a quote.
const SENTENCE_END = /[.!?…:]["“”»«’‘')]*$|["“”»«]$/u;
export const LIST_ITEM = /^\s*(?:[-•*–▪►]|\d{1,2}[.)])\s+/u;

export function pageLines(text: string): PageLine[] {
  const out: PageLine[] = [];
  let gap = true;
  text.split('\n').forEach((raw, at) => {
    const line = raw.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
    if (!line) {
      gap = true;
      return;
    }
    const previous = out.at(-1);
    if (previous && !gap && wrapsOnto(previous, line))
      Object.assign(previous, shape(`${previous.text} ${line}`, previous.at, at, previous.gapBefore));
    else out.push(shape(line, at, at, gap));
    gap = false;
  });
  // A sentence right above a credit line is the picture's caption, not running text.
  out.forEach(
    (l, i) =>
      (l.captionAbove = !!out[i + 1] && out[i + 1]!.credit !== null && !out[i + 1]!.gapBefore && l.credit === null),
  );
  return out;
}

function shape(text: string, at: number, to: number, gapBefore: boolean): PageLine {
  return {
    at,
    to,
    text,
    // Words with letters: "Temps de lecture : 3 min." is four.
    words: text.split(' ').filter((w) => /\p{L}/u.test(w)).length,
    gapBefore,
    sentence: SENTENCE_END.test(text),
    date: readDateLine(text),
    credit: creditOf(text),
    listItem: LIST_ITEM.test(text),
    captionAbove: false,
  };
}

/** Copy wrapped at a fixed width (mail, wire text): a line going on in lower case continues the one before. */
function wrapsOnto(previous: PageLine, line: string): boolean {
  return (
    previous.text.length >= 40 &&
    !previous.sentence &&
    !previous.listItem &&
    /^\p{Ll}/u.test(line) &&
    !bylineNames(line) &&
    !readDateLine(line)
  );
}

// Broadcasters print "Image source, Getty Images" above the caption instead of "Foto: …".
const SOURCE_LABEL = /^(?:image|photo|picture|bild|foto)\s+(?:source|quelle)\s*[,:]\s*/i;

function creditOf(line: string): string | null {
  if (line.length > 160) return null;
  const label = SOURCE_LABEL.exec(line);
  if (label) return line.slice(label[0].length).trim() || null;
  const credit = stripCreditPrefix(line);
  return credit ? credit : null;
}

/** Prose: a sentence of some length. Seeds the article body when long. */
export const isProse = (l: PageLine) => l.sentence && l.words >= 5 && !l.date && l.credit === null && !l.captionAbove;
export const isLongProse = (l: PageLine) => isProse(l) && (l.words >= 12 || l.text.length >= 80);

/** A line of a menu, a button or a label: a few words, no sentence. */
export const isShortLabel = (l: PageLine, maxWords = 3) => l.words <= maxWords && !l.sentence && !l.date && !l.listItem;

/** Whether paragraphs hold running text: one long sentence, or two sentences of some length. */
export function hasRunningText(paragraphs: readonly string[]): boolean {
  const shapes = paragraphs.map((p, i) => shape(p.replace(/\s+/g, ' ').trim(), i, i, true));
  return shapes.some(isLongProse) || shapes.filter(isProse).length >= 2;
}
