import { HIT_END, HIT_START } from '../../shared/model/snippet';

/**
 * The search result's snippet, computed here rather than by FTS5's snippet(), whose cost grows
 * with the square of a column's length (34 s for one 400 KB article). This scans each column once
 * for the first hit and marks hits only inside a window of a dozen words around it, so the cost
 * is linear in the text and the result is short whatever the article holds.
 *
 * Matching follows the index's tokenizer (unicode61, diacritics removed, case folded) and the
 * query's prefix rule (toFtsQuery), so the words marked are the words that matched.
 */
const WORDS_BEFORE = 4;
const WORDS_AFTER = 8;
/** A window never exceeds this many characters each side, even in text without spaces. */
const MAX_SIDE_CHARS = 120;

/** One character folded to one character, so positions in the folded text are positions in the original. */
function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const folded = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const one = [...folded][0] ?? ch;
    // Keep the length in UTF-16 units equal, so indexes carry over.
    out += one.length === ch.length ? one : ch;
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function searchSnippet(columns: readonly (string | null | undefined)[], words: readonly string[]): string {
  if (!words.length) return '';
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words.map((w) => escape(fold(w))).join('|')})[\\p{L}\\p{N}]*`,
    'gu',
  );
  for (const column of columns) {
    if (!column) continue;
    const folded = fold(column);
    pattern.lastIndex = 0;
    const first = pattern.exec(folded);
    if (!first) continue;
    return window(column, folded, first.index, pattern);
  }
  return '';
}

function window(text: string, folded: string, at: number, pattern: RegExp): string {
  let start = at;
  for (let n = 0; n < WORDS_BEFORE && start > 0 && at - start < MAX_SIDE_CHARS; n++) {
    start = text.lastIndexOf(' ', start - 2) + 1;
  }
  if (at - start > MAX_SIDE_CHARS) start = at - MAX_SIDE_CHARS;
  let end = at;
  for (let n = 0; n <= WORDS_AFTER && end < text.length && end - at < MAX_SIDE_CHARS; n++) {
    const space = text.indexOf(' ', end + 1);
    end = space < 0 ? text.length : space;
  }
  if (end - at > MAX_SIDE_CHARS) end = at + MAX_SIDE_CHARS;
  // Marks every hit inside the window.
  let out = start > 0 ? '…' : '';
  let pos = start;
  pattern.lastIndex = start;
  for (let m = pattern.exec(folded); m && m.index < end; m = pattern.exec(folded)) {
    const hitEnd = Math.min(m.index + m[0].length, end);
    out += text.slice(pos, m.index) + HIT_START + text.slice(m.index, hitEnd) + HIT_END;
    pos = hitEnd;
  }
  out += text.slice(pos, end);
  if (end < text.length) out += '…';
  return out.replace(/\s+/g, ' ').trim();
}
