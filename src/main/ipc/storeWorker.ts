// The store worker: owns the SQLite store and runs every IPC handler on a thread of its own, so a
// long backup, import or search never freezes the window (the desktop app) or the server (browser
// mode). One thread, one connection, requests one after another: the one writer SQLite wants.
import { parentPort, workerData } from 'node:worker_threads';
import { BylineError } from '../../shared/errors';
import { endExiftool } from '../media/exiftool';
import { Store } from '../store/store';
import { dispatch } from './dispatch';
import { createHandlers, type Host } from './handlers';
import { Jobs } from '../jobs/jobs';
import { SyncAgent } from '../sync/syncAgent';
import type { FromWorker, HostCall, StoreWorkerInit, ToWorker } from './storeWorkerProtocol';

const port = parentPort!;
const init = workerData as StoreWorkerInit;
const post = (message: FromWorker) => port.postMessage(message);

let nextCall = 1;
const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

/** A host method that runs on the main thread (a native dialog, Electron's printToPDF). */
function callHost(name: HostCall) {
  return (...args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const callId = nextCall++;
      waiting.set(callId, { resolve, reject });
      post({ type: 'host-call', callId, name, args });
    });
}

let store: Store;
try {
  store = Store.open(init.dbPath, { houseStyle: init.houseStyle, nativeBinding: init.nativeBinding });
} catch (error) {
  post({
    type: 'failed',
    error: error instanceof BylineError ? error.toInfo() : { code: 'internal', message: (error as Error).message },
  });
  process.exit(1);
}
const host: Record<string, unknown> = { mode: init.mode };
for (const name of init.hostCalls) host[name] = callHost(name);
// The calls carry what the main thread's host returns; their types are the Host interface's.
const jobs = new Jobs((progress) => post({ type: 'progress', progress }), init.cancelFlag);
// The newsroom server, when this machine is signed in: rounds of sync beside the requests (sync/syncAgent.ts).
const sync = new SyncAgent(store, (status) => post({ type: 'sync', status }));
const handlers = createHandlers(store, host as unknown as Host, undefined, jobs, sync);
sync.start();

// Requests run one after another, as they did on the main thread.
let queue = Promise.resolve();
port.on('message', (message: ToWorker) => {
  if (message.type === 'host-result') {
    const call = waiting.get(message.callId);
    waiting.delete(message.callId);
    if (message.ok) call?.resolve(message.value);
    else call?.reject(new BylineError(message.error.code, message.error.message, message.error.details));
  } else if (message.type === 'invoke') {
    queue = queue.then(async () =>
      post({ type: 'result', id: message.id, result: await dispatch(handlers, message.channel, message.payload) }),
    );
  } else if (message.type === 'close') {
    queue = queue.then(async () => {
      await sync.settle();
      store.close();
      await endExiftool();
      post({ type: 'closed' });
    });
  }
});
post({ type: 'ready' });
