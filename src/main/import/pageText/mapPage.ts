// Finds the article inside a copied page by the shape of its lines: where the running text is,
// what stands just before it (labels, headline, teaser, byline, date) and just after it
// (sign-off, topic list). Every line gets the role it was given, so a person can see the mapping
// and correct it.
import { SINGLE_ROLES, type LineFix, type LineRole } from '../../../shared/model/pageMapping';
import { bylineNames, hasLeadWord } from './byline';
import { inlineCredit } from './captions';
import { isLongProse, isProse, isShortLabel, pageLines, type PageLine } from './lines';
import { readSignOffLine } from './signOffLine';

export interface MappedLine extends PageLine {
  role: LineRole;
  /** The role was set by a person, not guessed. */
  fixed: boolean;
}

/** Non-prose lines the running text may be interrupted by (a subhead, a picture, a button) before it ends. */
const MAX_GAP = 4;
/** How far before the running text the headline and its company are looked for. */
const HEAD_WINDOW = 14;

interface Cluster {
  start: number;
  end: number;
  words: number;
}

/** Runs of running text: long prose lines with at most MAX_GAP other lines between them. The article is the one with the most words. */
function mainCluster(lines: PageLine[]): Cluster | null {
  let best: Cluster | null = null;
  let current: Cluster | null = null;
  let gap = 0;
  lines.forEach((l, i) => {
    const text = isProse(l) || l.listItem;
    if (current && text) {
      current.end = i;
      current.words += l.words;
      gap = 0;
    } else if (current && ++gap > MAX_GAP) current = null;
    if (!current && (isLongProse(l) || (isProse(l) && lines.slice(i + 1, i + 3).some(isProse)))) {
      current = { start: i, end: i, words: l.words };
      gap = 0;
    }
    if (current && (!best || current.words > best.words)) best = { ...current };
  });
  return best;
}

/**
 * Is this prose the teaser rather than the text? It is when a date or byline follows before the
 * next prose line, or when it follows the date line and a picture stands between it and the text
 * (the seed's layout).
 */
function isTeaser(lines: PageLine[], i: number, end: number): boolean {
  const meta = (l: PageLine | undefined) => !!l && (!!l.date || !!bylineNames(l.text));
  let picture = false;
  for (let k = i + 1; k <= end && !isProse(lines[k]!); k++) {
    if (meta(lines[k])) return true;
    picture ||= lines[k]!.credit !== null;
  }
  return picture && meta(lines[i - 1]);
}

/** A headline: a few words that are not a sentence ending in a full stop, a date, a credit or a byline. */
const headlineShape = (l: PageLine) =>
  l.words >= 3 && l.text.length >= 15 && !/[.;,]$/.test(l.text) && !l.date && l.credit === null && !l.listItem;

/**
 * A headline candidate in the head zone. A line of capitalised words may be names ("Helen Smith
 * in Lisbon") or a German headline ("Neue Gespräche in Genf"): it is the byline only after
 * another headline-shaped line, since bylines stand under the headline.
 */
function headlineLikeIn(zone: PageLine[]): (l: PageLine) => boolean {
  return (l) => {
    if (!headlineShape(l) || !bylineNames(l.text)) return headlineShape(l);
    if (hasLeadWord(l.text)) return false;
    const i = zone.indexOf(l);
    return !zone.slice(0, i).some((k) => headlineShape(k) && k.words >= 4 && !bylineNames(k.text));
  };
}

export function mapPage(text: string, fixes: readonly LineFix[] = []): MappedLine[] | null {
  const pinned = new Map(fixes.map((f) => [f.line, f.role]));
  const all = pageLines(text);
  // A line a person put out of the article takes no part in finding it.
  const lines = all.filter((l) => pinned.get(l.at) !== 'page');
  const roles = new Map<PageLine, LineRole>();
  const cluster = mainCluster(lines);
  if (!cluster) return null;

  // The running text starts at the first prose line not followed by a date or byline (that one is the teaser).
  let b = cluster.start;
  while (b < cluster.end && (!isProse(lines[b]!) || isTeaser(lines, b, cluster.end))) b++;
  const bodyStart = b - pictureBefore(lines, b);
  const end = cluster.end;

  readHead(lines, Math.max(0, bodyStart - HEAD_WINDOW), bodyStart, roles);
  readBody(lines, bodyStart, end, roles);
  readTail(lines, end + 1, roles);
  // No date before the text: pages such as ORF's print it at the end.
  if (![...roles.values()].includes('date')) {
    const late = lines.slice(end + 1).find((l) => l.date);
    if (late) roles.set(late, 'date');
  }

  // A field a person put on a line is no longer guessed on another: the guess drops out of the article.
  const taken = new Set([...pinned.values()].filter((r) => SINGLE_ROLES.has(r)));
  return all.map((l) => {
    const fix = pinned.get(l.at);
    const guess = roles.get(l) ?? 'page';
    return { ...l, role: fix ?? (taken.has(guess) ? 'page' : guess), fixed: fix !== undefined };
  });
}

/** A picture (caption and credit, either way round) just before the first paragraph belongs to the text: how many lines it takes. */
function pictureBefore(lines: PageLine[], b: number): number {
  const [two, one] = [lines[b - 2], lines[b - 1]];
  const caption = (l: PageLine | undefined) => !!l && !isProse(l) && !l.date && l.credit === null;
  if (one && inlineCredit(one.text)) return 1;
  if (one?.credit != null) return caption(two) ? 2 : 1;
  return two?.credit != null && caption(one) ? 2 : 0;
}

function readHead(lines: PageLine[], from: number, to: number, roles: Map<PageLine, LineRole>): void {
  const zone = lines.slice(from, to);
  const date = zone.find((l) => l.date);
  if (date) roles.set(date, 'date');
  const free = (l: PageLine) => !roles.has(l);
  const headlineLike = headlineLikeIn(zone);

  // The teaser: the last prose line before the text; the headline is the nearest headline-like line before it.
  let teaser = [...zone].reverse().find((l) => free(l) && isProse(l));
  let headline: PageLine | undefined;
  if (teaser) {
    const at = zone.indexOf(teaser);
    headline = zone
      .slice(0, at)
      .reverse()
      .find((l) => free(l) && headlineLike(l) && !isProse(l));
    // Of a headline and the shorter line under it ("Bauarbeiten liegen im Zeitplan"), the longer is the headline.
    const above = headline && zone[zone.indexOf(headline) - 1];
    if (above && free(above) && headlineLike(above) && !isProse(above) && above.words > headline!.words)
      headline = above;
  } else {
    const candidates = zone.filter((l) => free(l) && headlineLike(l) && l.words >= 4);
    headline = candidates.at(-1);
    const before = candidates.at(-2);
    // A standfirst without a full stop: a longer line right after a shorter one.
    if (
      headline &&
      before &&
      zone.indexOf(headline) - zone.indexOf(before) === 1 &&
      headline.words >= 8 &&
      headline.words > before.words
    ) {
      teaser = headline;
      headline = before;
    }
  }
  if (!headline) headline = zone.filter((l) => free(l) && headlineLike(l)).at(-1);
  if (headline) roles.set(headline, 'headline');
  if (teaser && headline && zone.indexOf(teaser) > zone.indexOf(headline)) roles.set(teaser, 'teaser');

  // The byline: names near the headline, the teaser, the date or the text.
  const anchors = [headline, teaser, date].filter((l): l is PageLine => !!l).map((l) => zone.indexOf(l));
  const h = headline ? zone.indexOf(headline) : -1;
  const byline = zone.find(
    (l, i) =>
      i > h &&
      free(l) &&
      bylineNames(l.text) &&
      (hasLeadWord(l.text) || i >= zone.length - 3 || anchors.some((a) => Math.abs(a - i) <= 2)),
  );
  if (byline) roles.set(byline, 'byline');

  if (headline) readLabels(zone, zone.indexOf(headline), roles);
}

/** Rubric and kicker: the short lines right before the headline. */
function readLabels(zone: PageLine[], h: number, roles: Map<PageLine, LineRole>): void {
  const label = (l: PageLine | undefined) => !!l && !roles.has(l) && isShortLabel(l, 6) && l.credit === null;
  const last = zone[h - 1];
  if (label(last)) {
    const alone = (last!.gapBefore && h >= 2) || !!zone[h - 2]?.date;
    const repeated = zone.slice(0, h - 1).some((l) => l.text === last!.text);
    if ((last!.words >= 2 && !repeated) || alone) {
      roles.set(last!, 'kicker');
      // The rubric is the label before the kicker, perhaps across the date line.
      const rubric = zone
        .slice(0, h - 1)
        .reverse()
        .find((l) => !l.date);
      if (rubric && label(rubric)) roles.set(rubric, 'rubric');
    } else roles.set(last!, 'rubric');
  } else if (label(zone[h - 2]) && last && !last.date) {
    // A note such as "This article is more than 1 month old" stands between section and headline.
    roles.set(zone[h - 2]!, 'rubric');
  }
}

function readBody(lines: PageLine[], from: number, to: number, roles: Map<PageLine, LineRole>): void {
  for (let i = from; i <= to; i++) {
    const l = lines[i]!;
    if (roles.has(l)) continue;
    const next = lines[i + 1];
    if (inlineCredit(l.text)) roles.set(l, 'caption');
    else if (l.credit !== null) {
      roles.set(l, 'credit');
      // The caption stands above its credit, or (broadcasters) below it.
      const prev = lines[i - 1];
      if (prev && prev.credit === null && !isProse(prev) && !roles.has(prev) && i - 1 >= from)
        roles.set(prev, 'caption');
      else if (next && !isProse(next) && i + 1 <= to + 1 && !next.listItem) roles.set(next, 'caption');
    } else if (l.listItem) roles.set(l, 'list');
    else if (isProse(l)) roles.set(l, 'paragraph');
    else if (next && next.credit !== null) continue;
    else if (l.words >= 2 && l.words <= 10 && next && (isProse(next) || next.listItem) && !l.date)
      roles.set(l, 'subhead');
  }
}

/** After the text: the sign-off within three lines, then a list of topics after a label. */
function readTail(lines: PageLine[], from: number, roles: Map<PageLine, LineRole>): void {
  for (let i = from; i < Math.min(lines.length, from + 3); i++) {
    if (readSignOffLine(lines[i]!.text)) {
      roles.set(lines[i]!, 'signOff');
      break;
    }
  }
  // A topic list: a run of three or more short lines, the first its label ("Schlagworte", "Related topics").
  const item = (l: PageLine) => isShortLabel(l) && !roles.has(l) && !/\d/.test(l.text);
  for (let i = from; i < lines.length; i++) {
    if (!item(lines[i]!)) continue;
    let k = i + 1;
    while (k < lines.length && item(lines[k]!) && !lines[k]!.gapBefore) k++;
    const stop = lines[k];
    // A sentence or a date right after it means the run was something else (a comment prompt, a link).
    if (k - i >= 3 && !(stop && !stop.gapBefore && (stop.sentence || stop.date))) {
      for (let j = i + 1; j < k; j++) roles.set(lines[j]!, 'keywords');
      return;
    }
    i = k - 1;
  }
}
