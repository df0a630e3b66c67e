import type { Store } from '../store/store';
import type { Io } from './output';
import type { Job } from '../jobs/jobs';
import type { JobPhase } from '../../shared/jobs';

export interface CommandContext {
  io: Io;
  json: boolean;
  dbPath: string;
  openStore(): Store;
  positionals: string[];
  options: {
    headline?: string;
    query?: string;
    status?: string;
    trashed?: boolean;
    format?: string;
    out?: string;
    reason?: string;
    name?: string;
    initials?: string;
    role?: string;
    field?: string;
    quote?: string;
    caption?: string;
    credit?: string;
    provider?: string;
    agency?: string;
    creator?: string;
    missingCredit?: boolean;
    missingAlt?: boolean;
    mismatch?: boolean;
    missingFile?: boolean;
    force?: boolean;
    repair?: boolean;
    explain?: boolean;
    once?: boolean;
    user?: string;
    insecureHttp?: boolean;
    to?: string[];
    desk?: string;
  };
}

export interface Command {
  usage: string;
  summary: string;
  /** Number of positional arguments the command takes; 'some' for one or more. */
  args: number | 'some';
  run(ctx: CommandContext): number | Promise<number>;
}

/** Runs `fn`, then `cleanUp` once it is done: at once, or when the promise it returned settles. */
function thenCleanUp<T>(fn: () => T, cleanUp: () => void): T {
  let result: T;
  try {
    result = fn();
  } catch (error) {
    cleanUp();
    throw error;
  }
  if (result instanceof Promise) return result.finally(cleanUp) as T;
  cleanUp();
  return result;
}

/** Opens the store for `fn` and closes it when `fn` is done, also when `fn` returns a promise. */
export function withStore<T>(ctx: CommandContext, fn: (store: Store) => T): T {
  const store = ctx.openStore();
  // Said before anything else, on stderr, so that output for programs stays clean.
  if (store.readOnly)
    ctx.io.err(
      `byline: ${ctx.dbPath} is read-only here (the file or its folder is not writable): reading works, changes are refused.`,
    );
  return thenCleanUp(
    () => fn(store),
    () => store.close(),
  );
}

/**
 * Runs `fn` as a job whose progress goes to the terminal's progress line (when there is one),
 * cleared when it ends, also when it fails. Ctrl+C ends the process: each job writes beside its
 * target and renames at the end, or in one transaction, so a stopped job changes nothing.
 */
export function withCliJob<T>(
  ctx: CommandContext,
  label: (phase: JobPhase, done: number, total: number) => string,
  fn: (job: Job) => T,
): T {
  const progress = ctx.io.progress;
  return thenCleanUp(
    () => fn({ progress: (phase, done, total) => progress?.(label(phase, done, total)), checkpoint: () => undefined }),
    () => progress?.(''),
  );
}
