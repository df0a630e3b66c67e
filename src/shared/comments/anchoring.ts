import { diffChars, type ChangeObject } from 'diff';
import type { Article } from '../model/article';
import type { Block } from '../model/blocks';
import { plainText } from '../model/inline';
import type { Anchor, TextAnchor, TextField } from '../model/comment';

type Fields = Pick<Article, 'rubric' | 'kicker' | 'headline' | 'teaser' | 'body'>;

/**
 * The body's commentable text as one string: every paragraph, subhead, quote and list item, one per
 * line. Pictures hold none (their captions and credits are commented on as image parts). The editor
 * computes offsets the same way, so a range means the same words on both sides.
 */
export function bodySegments(body: readonly Block[]): string[] {
  return body.flatMap((b) => {
    switch (b.type) {
      case 'paragraph':
      case 'subhead':
      case 'quote':
        return [plainText(b.children)];
      case 'list':
        return b.items.map(plainText);
      case 'image':
        return [];
    }
  });
}

export function fieldText(article: Fields, field: TextField): string {
  return field === 'body' ? bodySegments(article.body).join('\n') : article[field];
}

/** Where an anchor stands after an edit; `detached` when the words it was on are gone. */
export interface Followed {
  anchor: Anchor;
  detached: boolean;
}

/**
 * Carries an anchor across one save. Text ranges are mapped through a character diff of the
 * field (text typed inside the range joins it; text typed at its edges does not); when the range
 * was deleted or moved, the quoted words are looked for again; only then is the comment detached.
 */
export function followEdits(anchor: Anchor, wasDetached: boolean, before: Fields, after: Fields): Followed {
  switch (anchor.kind) {
    case 'field':
      return { anchor, detached: false };
    case 'image': {
      const present = after.body.some((b) => b.type === 'image' && b.assetId === anchor.assetId);
      return { anchor, detached: !present };
    }
    case 'text':
      return followText(anchor, wasDetached, fieldText(before, anchor.field), fieldText(after, anchor.field));
  }
}

function followText(anchor: TextAnchor, wasDetached: boolean, oldText: string, newText: string): Followed {
  if (wasDetached) {
    // Offsets of a detached comment mean nothing any more; it comes back if its words do.
    const found = findQuote(newText, anchor.quote, anchor.start);
    return found ? { anchor: { ...anchor, ...found }, detached: false } : { anchor, detached: true };
  }
  if (oldText === newText) return { anchor, detached: false };
  const changes = changesBetween(oldText, newText);
  const start = mapOffset(changes, anchor.start, 'after-insertions');
  const end = Math.max(start, mapOffset(changes, anchor.end, 'before-insertions'));
  const text = newText.slice(start, end);
  if (text === anchor.quote) return { anchor: { ...anchor, start, end }, detached: false };
  // The words changed or went: find them intact elsewhere (moved), else stay on what is there now.
  const found = findQuote(newText, anchor.quote, start);
  if (found) return { anchor: { ...anchor, ...found }, detached: false };
  if (end > start && text.trim() !== '') return { anchor: { ...anchor, start, end, quote: text }, detached: false };
  return { anchor, detached: true };
}

/**
 * The edit as a list of kept, removed and added runs. A save usually changes one stretch, so the
 * common start and end are cut off first and only the middle is diffed, with a small budget: a
 * rewrite beyond it counts as one replacement (anchors inside it then look for their quote).
 */
function changesBetween(oldText: string, newText: string): ChangeObject<string>[] {
  let head = 0;
  const max = Math.min(oldText.length, newText.length);
  while (head < max && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < max - head &&
    oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)
  )
    tail++;
  const oldMid = oldText.slice(head, oldText.length - tail);
  const newMid = newText.slice(head, newText.length - tail);
  const run = (value: string, kind: 'same' | 'added' | 'removed'): ChangeObject<string> => ({
    value,
    count: value.length,
    added: kind === 'added',
    removed: kind === 'removed',
  });
  const middle = diffChars(oldMid, newMid, { maxEditLength: 300 }) ?? [run(oldMid, 'removed'), run(newMid, 'added')];
  return [run(oldText.slice(0, head), 'same'), ...middle, run(oldText.slice(oldText.length - tail), 'same')].filter(
    (c) => c.value !== '',
  );
}

/**
 * Maps an offset in the old text to the new one. Text inserted exactly at a range's start stays
 * outside it (`after-insertions`), as does text inserted exactly at its end (`before-insertions`).
 */
export function mapOffset(
  changes: readonly ChangeObject<string>[],
  offset: number,
  bias: 'after-insertions' | 'before-insertions',
): number {
  let oldPos = 0;
  let newPos = 0;
  for (const c of changes) {
    const len = c.value.length;
    if (c.added) {
      if (offset === oldPos && bias === 'before-insertions') return newPos;
      newPos += len;
    } else if (c.removed) {
      if (offset < oldPos + len) return newPos;
      oldPos += len;
    } else {
      if (offset < oldPos + len) return newPos + (offset - oldPos);
      oldPos += len;
      newPos += len;
    }
  }
  return newPos;
}

/** The occurrence of the quote nearest to where it was, if it occurs at all. */
function findQuote(text: string, quote: string, near: number): { start: number; end: number } | null {
  if (!quote) return null;
  let best: number | null = null;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) {
    if (best === null || Math.abs(i - near) < Math.abs(best - near)) best = i;
  }
  return best === null ? null : { start: best, end: best + quote.length };
}
