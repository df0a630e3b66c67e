import type { ErrorInfo } from '../../shared/errors';
import type { HouseStyle } from '../../shared/houseStyle';
import type { Result } from '../../shared/ipc/contract';
import type { JobProgress } from '../../shared/jobs';
import type { SyncStatus } from '../../shared/model/syncStatus';

/** The host's methods the worker may call back; a host offers some of them. */
export const HOST_CALLS = [
  'chooseBackupDestination',
  'chooseExportPath',
  'setSpellcheckLanguage',
  'printToPdf',
] as const;
export type HostCall = (typeof HOST_CALLS)[number];

export interface StoreWorkerInit {
  dbPath: string;
  houseStyle: HouseStyle;
  mode: 'desktop' | 'browser';
  /** The better-sqlite3 addon for this runtime (Electron's own build in the app). */
  nativeBinding?: string;
  /** Which host methods exist on the main thread. */
  hostCalls: HostCall[];
  /** The long jobs' cancel flag (jobs/jobs.ts), set from the main thread while the worker is busy. */
  cancelFlag: SharedArrayBuffer;
}

/** Main thread → worker. */
export type ToWorker =
  | { type: 'invoke'; id: number; channel: unknown; payload: unknown }
  | { type: 'host-result'; callId: number; ok: true; value: unknown }
  | { type: 'host-result'; callId: number; ok: false; error: ErrorInfo }
  | { type: 'close' };

/** Worker → main thread. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; error: ErrorInfo }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'host-call'; callId: number; name: HostCall; args: unknown[] }
  | { type: 'progress'; progress: JobProgress }
  | { type: 'sync'; status: SyncStatus }
  | { type: 'closed' };
