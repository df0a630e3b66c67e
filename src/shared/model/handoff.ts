import { z } from 'zod';
import { ArticleSchema, type Article } from './article';

/** One revision as it was saved: the text and who, when, which status, and why. */
export const RevisionRecordSchema = z
  .object({
    revision: z.number().int().min(1),
    savedAt: z.iso.datetime({ offset: true }),
    savedBy: z.string().min(1).max(200),
    status: z.string().max(40),
    note: z.string().max(2000),
    doc: ArticleSchema,
  })
  .strict()
  .refine((r) => r.doc.revision === r.revision, {
    message: 'a revision record holds a different revision of the text',
  });
export type RevisionRecord = z.infer<typeof RevisionRecordSchema>;

/** What opening a package did to the article here. */
export type HandoffResult =
  /** The article was not here: it arrived with its whole history. */
  | 'new'
  /** The package continued this machine's history: its newer revisions were added. */
  | 'updated'
  /** Nothing new: this machine already had every revision in the package. */
  | 'up-to-date'
  /** Both sides changed the same revision: the package's version waits for the desk to choose. */
  | 'diverged';

/**
 * A version that arrived in a package while this machine had changed the same base revision.
 * It is kept until a person chooses; choosing keeps both in the history.
 */
export interface IncomingVersion {
  id: number;
  receivedAt: string;
  /** Who made the package. */
  sender: string;
  packageName: string;
  /** The last revision both sides share. */
  baseRevision: number;
  /** Their revisions after the base, oldest first (numbers as they were on the sender's machine). */
  revisions: Omit<RevisionRecord, 'doc'>[];
  /** Their latest text. */
  theirs: Article;
}

/** What opening a package did, for the person who opened it. */
export interface HandoffOutcome {
  id: string;
  headline: string;
  result: HandoffResult;
  /** Revisions added to this machine's history. */
  revisionsAdded: number;
  commentsAdded: number;
  /** Set when the package's version waits for a choice. */
  incomingId?: number;
  /** Who made the package. */
  sender: string;
}

export function describeHandoff(o: HandoffOutcome): string {
  switch (o.result) {
    case 'new':
      return `arrived from ${o.sender} with ${o.revisionsAdded} revision(s) and ${o.commentsAdded} comment(s)`;
    case 'updated':
      return `${o.revisionsAdded} revision(s) and ${o.commentsAdded} comment(s) from ${o.sender} added`;
    case 'up-to-date':
      return `already up to date${o.commentsAdded ? `; ${o.commentsAdded} comment(s) added` : ''}`;
    case 'diverged':
      return `${o.sender} changed the same revision as this machine did: both versions are kept; compare them in the article and choose`;
  }
}
