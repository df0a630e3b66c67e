import type { JobKind, JobPhase } from '../../shared/jobs';

/** A long job as the page shows it: what it does, how far it got, and a way to stop it. */
export interface ShownJob {
  kind: JobKind;
  phase: JobPhase;
  done: number;
  total: number;
  cancel(): void;
}

const count = (done: number, total: number) => (total ? ` (${done} of ${total})` : '');

/** The job's words; the codes come from the main process, the sentences are the page's. */
export function jobLabel({ kind, phase, done, total }: Pick<ShownJob, 'kind' | 'phase' | 'done' | 'total'>): string {
  switch (kind) {
    case 'backup':
      return phase === 'database'
        ? 'Backing up: copying the database'
        : `Backing up: copying pictures${count(done, total)}`;
    case 'check':
      return phase === 'database'
        ? 'Checking the store: the database'
        : `Checking the store: ${phase}${count(done, total)}`;
    case 'empty-trash':
      return `Emptying the trash${count(done, total)}`;
    case 'set-credit':
      return `Setting the credit on pictures${count(done, total)}`;
    case 'import':
      return phase === 'files'
        ? `Reading files to import${count(done, total)}`
        : `Storing the imported files${count(done, total)}`;
  }
}

/** Shown while a job runs; Cancel leaves the store as it was before the job. */
export function JobBar({ job, cancelling }: { job: ShownJob; cancelling: boolean }) {
  const label = jobLabel(job);
  return (
    <div className="job-bar" role="status" data-testid="job-bar">
      <span className="job-label">{label}</span>
      <progress max={job.total || 1} value={job.total ? job.done : 0} aria-label={label} />
      <button type="button" onClick={job.cancel} disabled={cancelling}>
        {cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
}
