import { Worker } from 'node:worker_threads';
import { BylineError, type ErrorInfo } from '../../shared/errors';
import type { JobProgress } from '../../shared/jobs';
import type { SyncStatus } from '../../shared/model/syncStatus';
import { cancelJob } from '../jobs/jobs';
import type { Result } from '../../shared/ipc/contract';
import { checkPayload } from './dispatch';
import { bundlePath } from '../bundles';
import type { Host } from './handlers';
import { HOST_CALLS, type FromWorker, type HostCall, type StoreWorkerInit, type ToWorker } from './storeWorkerProtocol';

/** How the browser-mode server and the desktop app reach the handlers: one request, one typed result. */
export type Invoke = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

export interface StoreWorker {
  /** Every request goes to the worker, in order; `jobs.cancel` is answered here at once. */
  invoke: Invoke;
  /** Finishes the requests already sent, closes the store and ends the thread. */
  close(): Promise<void>;
}

const stopped = (why: string): Result<never> => ({
  ok: false,
  error: {
    code: 'internal',
    message: `Byline's store thread stopped (${why}); the request was not carried out. Everything saved before it is safe.`,
  },
});

/**
 * A cancel cannot wait in line behind the job it cancels: the worker is busy with that job. It
 * is checked against the contract here and set in the flag the job reads between its steps.
 */
function cancel(payload: unknown, cancelFlag: SharedArrayBuffer): Result<null> {
  const parsed = checkPayload('jobs.cancel', payload);
  if (!parsed.ok) return parsed;
  cancelJob(cancelFlag, parsed.value.job);
  return { ok: true, value: null };
}

/**
 * Starts the store worker (storeWorker.ts) for `init`, answering its calls back to `host`
 * (dialogs, Electron's printToPDF) on this thread. Resolves once the store is open; a store that
 * cannot be opened rejects with the store's own message (newer schema, damaged file …).
 */
/** What the worker reports on its own: long jobs' progress, and where sync with the newsroom server stands. */
export interface StoreWorkerEvents {
  onProgress?(progress: JobProgress): void;
  onSync?(status: SyncStatus): void;
}

export function startStoreWorker(
  init: Omit<StoreWorkerInit, 'hostCalls' | 'mode' | 'cancelFlag'>,
  host: Host,
  events: StoreWorkerEvents = {},
): Promise<StoreWorker> {
  const hostCalls = HOST_CALLS.filter((name) => typeof host[name] === 'function');
  const cancelFlag = new SharedArrayBuffer(4);
  const worker = new Worker(bundlePath('store-worker.cjs'), {
    workerData: { ...init, mode: host.mode, hostCalls, cancelFlag } satisfies StoreWorkerInit,
  });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let exited: string | null = null;
  const send = (message: ToWorker) => worker.postMessage(message);

  const answerHost = async (callId: number, name: HostCall, args: unknown[]) => {
    try {
      const fn = host[name] as (...a: unknown[]) => unknown;
      send({ type: 'host-result', callId, ok: true, value: await fn(...args) });
    } catch (error) {
      const info: ErrorInfo =
        error instanceof BylineError ? error.toInfo() : { code: 'internal', message: (error as Error).message };
      send({ type: 'host-result', callId, ok: false, error: info });
    }
  };

  return new Promise<StoreWorker>((resolve, reject) => {
    let closed: (() => void) | null = null;
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') {
        resolve({
          invoke: (channel, payload) =>
            exited
              ? Promise.resolve(stopped(exited))
              : channel === 'jobs.cancel'
                ? Promise.resolve(cancel(payload, cancelFlag))
                : new Promise((done) => {
                    const id = nextId++;
                    pending.set(id, done);
                    send({ type: 'invoke', id, channel, payload });
                  }),
          close: () =>
            exited
              ? Promise.resolve()
              : new Promise<void>((done) => {
                  closed = done;
                  send({ type: 'close' });
                }),
        });
      } else if (message.type === 'failed') {
        reject(new BylineError(message.error.code, message.error.message, message.error.details));
      } else if (message.type === 'result') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else if (message.type === 'progress') {
        events.onProgress?.(message.progress);
      } else if (message.type === 'sync') {
        events.onSync?.(message.status);
      } else if (message.type === 'host-call') {
        void answerHost(message.callId, message.name, message.args);
      } else if (message.type === 'closed') {
        void worker.terminate().then(() => closed?.());
      }
    });
    worker.on('error', (error) => {
      exited = error.message;
      reject(error);
    });
    worker.on('exit', (code) => {
      exited ??= `exit code ${code}`;
      for (const done of pending.values()) done(stopped(exited));
      pending.clear();
      closed?.();
    });
  });
}
