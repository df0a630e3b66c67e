import { z } from 'zod';
import type { Article, ParsedArticleInput } from './article';

/**
 * How far one editor had got when it sent text: its session (one per opened article) and a count
 * of its changes. A save carrying the mark clears every journal entry of that session written at
 * or before it, so an entry never outlives a save that covers it.
 */
export const JournalMarkSchema = z
  .object({
    session: z.string().regex(/^[\w-]{8,64}$/),
    seq: z.number().int().min(0),
  })
  .strict();
export type JournalMark = z.infer<typeof JournalMarkSchema>;

/** What a person edits: everything but identity, revision, status and times. */
export function editedText(a: ParsedArticleInput | Article) {
  const { id: _id, revision: _r, status: _s, createdAt: _c, updatedAt: _u, ...text } = a;
  return text;
}

/** Whether two versions hold the same text (a journal entry that a save already holds). */
export const sameEditedText = (a: ParsedArticleInput | Article, b: ParsedArticleInput | Article) =>
  JSON.stringify(editedText(a)) === JSON.stringify(editedText(b));
