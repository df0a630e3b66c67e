import { Worker } from 'node:worker_threads';
import { BylineError, type ErrorInfo } from '../../shared/errors';
import type { Result } from '../../shared/ipc/contract';
import { bundlePath } from '../bundles';
import type { Host } from './handlers';
import { HOST_CALLS, type FromWorker, type HostCall, type StoreWorkerInit, type ToWorker } from './storeWorkerProtocol';

/** How the browser-mode server and the desktop app reach the handlers: one request, one typed result. */
export type Invoke = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

export interface StoreWorker {
  invoke: Invoke;
  /** Finishes the requests already sent, closes the store and ends the thread. */
  close(): Promise<void>;
}

const stopped = (why: string): Result<never> => ({ ok: false, error: { code: 'internal', message: `Byline's store thread stopped (${why}); the request was not carried out. Everything saved before it is safe.` } });

/**
 * Starts the store worker (storeWorker.ts) for `init`, answering its calls back to `host`
 * (dialogs, Electron's printToPDF) on this thread. Resolves once the store is open; a store that
 * cannot be opened rejects with the store's own message (newer schema, damaged file …).
 */
export function startStoreWorker(init: Omit<StoreWorkerInit, 'hostCalls' | 'mode'>, host: Host): Promise<StoreWorker> {
  const hostCalls = HOST_CALLS.filter((name) => typeof host[name] === 'function');
  const worker = new Worker(bundlePath('store-worker.cjs'), { workerData: { ...init, mode: host.mode, hostCalls } satisfies StoreWorkerInit });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let exited: string | null = null;
  const send = (message: ToWorker) => worker.postMessage(message);

  const answerHost = async (callId: number, name: HostCall, args: unknown[]) => {
    try {
      const fn = host[name] as (...a: unknown[]) => unknown;
      send({ type: 'host-result', callId, ok: true, value: await fn(...args) });
    } catch (error) {
      const info: ErrorInfo = error instanceof BylineError ? error.toInfo() : { code: 'internal', message: (error as Error).message };
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
