// Dates as news pages print them, in the languages Byline's newsrooms read. Month and weekday
// names come from the runtime's CLDR data (Intl), not from lists kept here.

const LOCALES = ['de', 'de-AT', 'en', 'fr', 'es', 'it', 'nl'];

const fold = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\.$/, '');

/** Long and short names in every locale, folded, to their index: January → 0, "janv." → 0. */
function names(field: 'month' | 'weekday', count: number, at: (i: number) => Date): Map<string, number> {
  const map = new Map<string, number>();
  for (const locale of LOCALES)
    for (const style of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(locale, { [field]: style, timeZone: 'UTC' });
      for (let i = 0; i < count; i++) map.set(fold(format.format(at(i))), i);
    }
  return map;
}

const MONTHS = names('month', 12, (m) => new Date(Date.UTC(2000, m, 1)));
// English pages abbreviate September as "Sept" where CLDR says "Sep".
MONTHS.set('sept', 8);
const WEEKDAYS = names('weekday', 7, (d) => new Date(Date.UTC(2000, 0, 2 + d)));

/** Zones pages name after a time, in hours from UTC (November's US zones are the standard ones). */
const ZONES: Record<string, number> = {
  gmt: 0,
  utc: 0,
  z: 0,
  wet: 0,
  cet: 1,
  mez: 1,
  bst: 1,
  cest: 2,
  mesz: 2,
  eet: 2,
  est: -5,
  et: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  pst: -8,
  pdt: -7,
};

const WORD = String.raw`[\p{L}][\p{L}.]*`;
const DATE_PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray) => [number, number | undefined, number] | null }> =
  [
    // 20. November 2026, 20 novembre 2026, 20 de noviembre de 2026, 20 nov 2026
    {
      re: new RegExp(String.raw`\b(\d{1,2})\.?\s+(?:de\s+)?(${WORD})\s+(?:de\s+)?(\d{4})\b`, 'giu'),
      read: (m) => [+m[3]!, MONTHS.get(fold(m[2]!)), +m[1]!],
    },
    // November 20, 2026 · Nov. 20, 2026
    {
      re: new RegExp(String.raw`\b(${WORD})\s+(\d{1,2}),?\s+(\d{4})\b`, 'giu'),
      read: (m) => [+m[3]!, MONTHS.get(fold(m[1]!)), +m[2]!],
    },
    // 20.11.2026 · 20/11/2026 (day first, as in every language here but American English)
    { re: /\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b/g, read: (m) => [+m[4]!, +m[3]! - 1, +m[1]!] },
    // 2026-11-20
    { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, read: (m) => [+m[1]!, +m[2]! - 1, +m[3]!] },
  ];

// 23:41 · 23.41 · 14h05 · 3:05 PM · 3:05 p.m., then maybe a zone.
const TIME =
  /(?<![\d.:])(\d{1,2})[:.h](\d{2})(?![\d.:]\d)(?:\s*([ap])\.?m\b\.?)?(?:\s*(?:uhr|h)\b)?(?:\s+([a-z]{1,4})\b)?/giu;

export interface FoundDate {
  /** ISO 8601 in UTC: a time without a zone is kept as printed. */
  iso: string;
  /** Characters of the line the date and its time take up. */
  start: number;
  end: number;
}

interface Span {
  start: number;
  end: number;
}

function datesIn(line: string): Array<Span & { y: number; m: number; d: number }> {
  const found: Array<Span & { y: number; m: number; d: number }> = [];
  for (const { re, read } of DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const parts = read(m);
      if (!parts || parts[1] === undefined) continue;
      const [y, month, d] = parts as [number, number, number];
      const span = { start: m.index, end: m.index + m[0].length };
      if (month < 0 || month > 11 || d < 1 || d > 31 || y < 1900 || y > 2200) continue;
      if (found.some((f) => f.start < span.end && span.start < f.end)) continue;
      found.push({ ...span, y, m: month, d });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function timesIn(line: string, dates: Span[]): Array<Span & { h: number; min: number; zone: number | null }> {
  const out: Array<Span & { h: number; min: number; zone: number | null }> = [];
  TIME.lastIndex = 0;
  for (let m = TIME.exec(line); m; m = TIME.exec(line)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (dates.some((d) => d.start < span.end && span.start < d.end)) continue;
    let h = +m[1]!;
    const min = +m[2]!;
    if (m[3]) h = (h % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0);
    if (h > 23 || min > 59) continue;
    const zoneName = m[4]?.toLowerCase();
    const zone = zoneName !== undefined && zoneName in ZONES ? ZONES[zoneName]! : null;
    // A word after the time that is not a zone is not part of it.
    out.push({ start: span.start, end: zone === null && m[4] ? span.end - m[4].length : span.end, h, min, zone });
  }
  return out;
}

const wordsBetween = (line: string, a: number, b: number) =>
  line
    .slice(Math.min(a, b), Math.max(a, b))
    .split(/\s+/)
    .filter((w) => /[\p{L}\d]/u.test(w)).length;

/**
 * The first date printed in a line, with the time printed next to it (before or after, at most
 * three words away, and not nearer to another date): "Stand: 23.11.2026 14:05 Uhr",
 * "Updated 3:05 PM EST, Fri November 20, 2026", "20 de noviembre de 2026. Actualizado a las 14:05 CET".
 */
export function findDate(line: string): FoundDate | null {
  const dates = datesIn(line);
  const date = dates[0];
  if (!date) return null;
  const nearest = (t: Span) =>
    dates.reduce((best, d) => (wordsBetween(line, t.start, d.end) < wordsBetween(line, t.start, best.end) ? d : best));
  const time = timesIn(line, dates).find(
    (t) =>
      nearest(t) === date &&
      (t.start >= date.end ? wordsBetween(line, date.end, t.start) : wordsBetween(line, t.end, date.start)) <= 3,
  );
  const utc = Date.UTC(date.y, date.m, date.d, time?.h ?? 0, time?.min ?? 0) - (time?.zone ?? 0) * 3_600_000;
  const when = new Date(utc);
  // 31 February and its kin roll over: not a date.
  if (Number.isNaN(utc) || (!time?.zone && when.getUTCDate() !== date.d)) return null;
  return {
    iso: when.toISOString(),
    start: Math.min(date.start, time?.start ?? date.start),
    end: Math.max(date.end, time?.end ?? date.end),
  };
}

/** Words of a line outside its dates and times that still belong to a date line: weekdays and short labels ("Stand:", "Publié le … à"). */
function leftoverWords(line: string): string[] {
  const dates = datesIn(line);
  const spans = [...dates, ...timesIn(line, dates)].sort((a, b) => b.start - a.start);
  let rest = line;
  for (const s of spans) rest = rest.slice(0, s.start) + ' ' + rest.slice(s.end);
  return rest
    .split(/[\s,|·•()–—/-]+/)
    .map((w) => w.replace(/[:.]$/, ''))
    .filter((w) => w && !WEEKDAYS.has(fold(w)));
}

/**
 * A line that is a date (and perhaps its time, a weekday, a short label, a place): the page's
 * date line. Lines of prose that mention a date are not date lines.
 */
export function readDateLine(line: string): FoundDate | null {
  if (line.length > 120) return null;
  const found = findDate(line);
  if (!found) return null;
  const rest = leftoverWords(line);
  return rest.length <= 5 && !/[.!?]["”»]?$/.test(line.slice(found.end).trim()) ? found : null;
}

/** A date line as ISO 8601 (UTC), or null: kept for the HTML importer's `.date` elements. */
export function parseDateLine(line: string): string | null {
  return readDateLine(line.trim())?.iso ?? null;
}
