import { z } from 'zod';

/**
 * Long jobs that report progress and take a cancel. Codes, not sentences: the page words them
 * (and will in each of its languages).
 */
export const JOB_KINDS = ['backup', 'check', 'empty-trash', 'set-credit', 'import'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** The step a job is at; `done` and `total` count in that step's own unit. */
export const JOB_PHASES = ['database', 'articles', 'pictures', 'files', 'saving'] as const;
export type JobPhase = (typeof JOB_PHASES)[number];

export const JobProgressSchema = z
  .object({
    job: z.number().int().min(1),
    kind: z.enum(JOB_KINDS),
    phase: z.enum(JOB_PHASES),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    /** The job has ended (done, failed or cancelled): the page takes its bar away. */
    ended: z.boolean(),
  })
  .strict();
export type JobProgress = z.infer<typeof JobProgressSchema>;
