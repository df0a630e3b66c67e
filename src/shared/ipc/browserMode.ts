import type { JobProgress } from '../jobs';
import type { SyncStatus } from '../model/syncStatus';
/** The WebSocket close code for a browser-mode socket whose first message lacked the token. */
export const UNAUTHORIZED_CLOSE = 4401;

/** What the browser-mode server sends the page besides answers: the same events the preload passes on. */
export type BrowserModeEvent = { event: 'progress'; progress: JobProgress } | { event: 'sync'; status: SyncStatus };
