import { z } from 'zod';

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
