import { z } from 'zod';

/**
 * Where this machine stands with the newsroom server, for the status line. States are codes the
 * page words (and will in each of its languages):
 * - `signed-out`: no server; Byline works on this machine alone, as ever.
 * - `connecting`: signed in, the first contact is under way.
 * - `online`: the server answers and tells this machine of new records as they arrive.
 * - `offline`: the server cannot be reached; changes wait here and go out on reconnect.
 * - `refused`: the server no longer takes this device's token (revoked): sign in again.
 */
export const SYNC_STATES = ['signed-out', 'connecting', 'online', 'offline', 'refused'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export const EditingSchema = z.object({ articleId: z.uuid(), name: z.string().min(1).max(100) }).strict();
export type Editing = z.infer<typeof EditingSchema>;

export const SyncStatusSchema = z
  .object({
    state: z.enum(SYNC_STATES),
    url: z.string().max(2000).nullable(),
    account: z.string().max(100).nullable(),
    /** Revisions and comment changes saved here that the server does not have yet. */
    waiting: z.number().int().min(0),
    lastSyncedAt: z.iso.datetime({ offset: true }).nullable(),
    /** Why the last attempt failed, as the server or the network said it; null after a good round. */
    problem: z.string().max(2000).nullable(),
    /** Counts rounds that changed articles here; the page reloads what it shows when it moves. */
    generation: z.number().int().min(0),
    /** The articles the last such round changed. */
    changed: z.array(z.uuid()).max(10_000),
    /** Records the server refused, with its reasons: shown, never silently dropped. */
    refused: z.array(z.object({ articleId: z.uuid(), reason: z.string().max(2000) }).strict()).max(1000),
    /** Who else has an article open right now (a soft lock: it warns, never blocks). */
    editing: z.array(EditingSchema).max(10_000),
  })
  .strict();
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
