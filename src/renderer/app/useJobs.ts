import { useCallback, useEffect, useState } from 'react';
import { BylineError } from '../../shared/errors';
import type { JobKind, JobPhase, JobProgress } from '../../shared/jobs';
import type { Client } from '../api/client';
import type { ShownJob } from './JobBar';

/** A cancelled job is the person's own doing: shown as a notice, not as an error. */
export const wasCancelled = (e: unknown): e is BylineError => e instanceof BylineError && e.code === 'cancelled';

/**
 * The long job the bar shows: one the store thread reports (its Cancel goes to `jobs.cancel`),
 * or steps the page runs itself (`runSteps`, e.g. reading the files of an import).
 */
export function useJobs(client: Client) {
  const [workerJob, setWorkerJob] = useState<JobProgress | null>(null);
  const [pageJob, setPageJob] = useState<ShownJob | null>(null);
  const [cancelling, setCancelling] = useState(false);
  useEffect(
    () =>
      client.onProgress((p) => {
        setWorkerJob(p.ended ? null : p);
        if (p.ended) setCancelling(false);
      }),
    [client],
  );

  /** Runs `step` for 0 … total-1 under the bar, stopping when Cancel is pressed; resolves whether it was. */
  const runSteps = useCallback(
    async (kind: JobKind, phase: JobPhase, total: number, step: (i: number) => Promise<void>): Promise<boolean> => {
      let cancelled = false;
      const cancel = () => {
        cancelled = true;
        setCancelling(true);
      };
      try {
        for (let i = 0; i < total && !cancelled; i++) {
          setPageJob({ kind, phase, done: i, total, cancel });
          await step(i);
        }
      } finally {
        setPageJob(null);
        setCancelling(false);
      }
      return cancelled;
    },
    [],
  );

  const shownJob: ShownJob | null =
    pageJob ??
    (workerJob
      ? {
          ...workerJob,
          cancel: () => {
            setCancelling(true);
            void client.invoke('jobs.cancel', { job: workerJob.job });
          },
        }
      : null);
  return { shownJob, cancelling, runSteps };
}
