import { BylineError } from '../../shared/errors';
import type { JobKind, JobPhase, JobProgress } from '../../shared/jobs';

/** What a long job sees: where to report how far it got, and where it stops if cancelled. */
export interface Job {
  progress(phase: JobPhase, done: number, total: number): void;
  /** Throws a `cancelled` BylineError once the job was cancelled; called between steps. */
  checkpoint(): void;
}

/** For callers that neither watch nor cancel (tests, the CLI's quiet runs). */
export const NO_JOB: Job = { progress: () => undefined, checkpoint: () => undefined };

/** Progress is sent at most this often by default; the first and last report always go. */
const REPORT_EVERY_MS = 100;

/**
 * Hands out jobs and cancels them. The cancel flag lives in shared memory, so the thread that
 * holds it (the main thread) can cancel a job while the store thread is busy in synchronous work:
 * a transaction checks the flag between articles and rolls back when it is set.
 */
export class Jobs {
  private next = 1;
  private readonly cancelFlag: Int32Array;

  constructor(
    private readonly report: (progress: JobProgress) => void = () => undefined,
    private readonly shared: SharedArrayBuffer = new SharedArrayBuffer(4),
    private readonly reportEveryMs = REPORT_EVERY_MS,
  ) {
    this.cancelFlag = new Int32Array(shared);
  }

  /** Cancels job `id` from this thread (where the store is not on a thread of its own). */
  cancel(id: number): void {
    cancelJob(this.shared, id);
  }

  /** Runs `fn` as a job of `kind`; whatever happens, the page hears that it ended. */
  async run<T>(kind: JobKind, fn: (job: Job) => T | Promise<T>): Promise<T> {
    const id = this.next++;
    let last = 0;
    let at: JobProgress = { job: id, kind, phase: 'database', done: 0, total: 0, ended: false };
    const job: Job = {
      progress: (phase, done, total) => {
        at = { ...at, phase, done, total };
        const now = Date.now();
        if (now - last >= this.reportEveryMs || done === total) {
          last = now;
          this.report(at);
        }
      },
      checkpoint: () => {
        if (Atomics.load(this.cancelFlag, 0) === id)
          throw new BylineError('cancelled', cancelledMessage(kind), { kind });
      },
    };
    try {
      return await fn(job);
    } finally {
      this.report({ ...at, ended: true });
    }
  }
}

/**
 * Cancels job `id` through the shared flag; the job stops at its next checkpoint. Called on the
 * thread that holds the flag's other end, so it reaches a job whose thread is busy.
 */
export function cancelJob(shared: SharedArrayBuffer, id: number): void {
  Atomics.store(new Int32Array(shared), 0, id);
}

function cancelledMessage(kind: JobKind): string {
  switch (kind) {
    case 'backup':
      return 'The backup was cancelled; no backup folder was written.';
    case 'check':
      return 'The check was cancelled before it finished; nothing was changed.';
    case 'empty-trash':
      return 'Emptying the trash was cancelled; every article is still in the trash.';
    case 'set-credit':
      return 'The credit change was cancelled; no picture or article was changed.';
    case 'import':
      return 'The import was cancelled; nothing from it was stored.';
  }
}
