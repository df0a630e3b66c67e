/**
 * A search snippet marks its hits with two control characters that no article text holds (the
 * model's strings are checked text; «» and »« are German quotation marks, so they cannot mark).
 */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

/** The snippet as runs of text, each a hit or not, for a list to mark. */
export function snippetParts(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  for (const [i, piece] of snippet.split(HIT_START).entries()) {
    if (i === 0) {
      if (piece) parts.push({ text: piece, hit: false });
      continue;
    }
    const [hit = '', ...rest] = piece.split(HIT_END);
    if (hit) parts.push({ text: hit, hit: true });
    const after = rest.join('');
    if (after) parts.push({ text: after, hit: false });
  }
  return parts;
}
