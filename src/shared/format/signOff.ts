import type { SignOff } from '../model/article';
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from '../houseStyle';

type SignOffStyle = HouseStyle['signOff'];

/** `{ authors: ['haz','qu'], agencies: ['afp','dpa'] }` → `haz/qu (afp, dpa)` */
export function formatSignOff(signOff: SignOff, style: SignOffStyle = DEFAULT_HOUSE_STYLE.signOff): string {
  const norm = (s: string) => (style.lowerCase ? s.trim().toLowerCase() : s.trim());
  const authors = signOff.authors.map(norm).filter(Boolean).join(style.authorSeparator);
  const agencies = signOff.agencies.map(norm).filter(Boolean).join(style.agencySeparator);
  if (!agencies) return authors;
  if (!authors) return `${style.agencyOpen.trimStart()}${agencies}${style.agencyClose}`;
  return `${authors}${style.agencyOpen}${agencies}${style.agencyClose}`;
}

// Initials are short letter runs; agencies are letter/digit codes such as dpa, afp, AP, rtr, kna, epd.
const SIGN_OFF_LINE =
  /^\s*([\p{L}]{1,6}(?:\s*[/,]\s*[\p{L}]{1,6})*)?\s*(?:\(\s*([\p{L}\p{N}-]{1,12}(?:\s*[,/]\s*[\p{L}\p{N}-]{1,12})*)\s*\))?\s*$/u;

/**
 * Reads a sign-off line such as `haz/qu (afp, dpa)`, `ml (dpa)` or `(AP)`. Returns null when the
 * line does not look like one, so callers can tell prose from a sign-off.
 */
export function parseSignOff(line: string, options: { inSignOffSlot?: boolean } = {}): SignOff | null {
  const trimmed = line.trim();
  if (!trimmed || trimmed.length > 120) return null;
  const match = SIGN_OFF_LINE.exec(trimmed);
  if (!match || (!match[1] && !match[2])) return null;
  // A lone word without agencies ("Politik") is prose, not a sign-off, unless it stands where
  // a format keeps the sign-off (Byline's own exports: `ml` alone is one author).
  if (!match[2] && !/[/,]/.test(match[1] ?? '') && !options.inSignOffSlot) return null;
  const split = (s: string | undefined) =>
    (s ?? '')
      .split(/[/,]/)
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean);
  return { authors: split(match[1]), agencies: split(match[2]) };
}

/** Why a typed sign-off entry was not taken: a code for programs (and later translations). */
export type SignOffEntryProblem = { code: 'signoff-not-recognised'; text: string };

/**
 * What a person types into the sign-off box, read as one line with the sign-off grammar: the
 * whole line (`haz/qu (afp, dpa)`), authors alone (`haz` or `haz/qu`), agencies alone
 * (`(afp, dpa)`, `dpa)`), agencies separated by commas, slashes or spaces, and a bracket left
 * open at the end (`haz (afp, dpa`). A comma inside the brackets is text, never a commit.
 */
export function parseSignOffEntry(
  text: string,
): { ok: true; value: SignOff } | { ok: false; problem: SignOffEntryProblem } {
  let line = text.trim();
  if (!line) return { ok: true, value: { authors: [], agencies: [] } };
  const opens = (line.match(/\(/g) ?? []).length;
  const closes = (line.match(/\)/g) ?? []).length;
  if (opens === 1 && closes === 0) line = `${line})`;
  else if (opens === 0 && closes === 1 && line.endsWith(')')) line = `(${line}`;
  // Agencies written with spaces between them: `(afp dpa)` → `(afp, dpa)`.
  line = line.replace(
    /\(([^()]*)\)/,
    (_m, inner: string) =>
      `(${inner
        .trim()
        .split(/\s*[,/]\s*|\s+/)
        .join(', ')})`,
  );
  const value = parseSignOff(line, { inSignOffSlot: true });
  return value ? { ok: true, value } : { ok: false, problem: { code: 'signoff-not-recognised', text: text.trim() } };
}

/** The sign-off with `extra` added after what it holds, each initial and agency once. */
export function mergeSignOff(value: SignOff, extra: SignOff): SignOff {
  return {
    authors: [...new Set([...value.authors, ...extra.authors])],
    agencies: [...new Set([...value.agencies, ...extra.agencies])],
  };
}
