import { BylineError, type ErrorInfo } from '../../shared/errors';
import type { Channel, MenuCommand } from '../../shared/ipc/channels';
import type { BylineApi, InputOf, OutputOf, Result } from '../../shared/ipc/contract';
import type { JobProgress } from '../../shared/jobs';
import { browserToken } from './browserToken';
import { UNAUTHORIZED_CLOSE, type BrowserModeEvent } from '../../shared/ipc/browserMode';
import type { SyncStatus } from '../../shared/model/syncStatus';

/** What the preload puts on `window.byline` in the desktop app. */
export interface PreloadBridge {
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onProgress(listener: (progress: JobProgress) => void): () => void;
  onSync(listener: (status: SyncStatus) => void): () => void;
}

declare global {
  interface Window {
    byline?: PreloadBridge;
  }
}

export interface Client extends BylineApi {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** How far the main process's long jobs have got (backup, check, empty trash, credit, import). */
  onProgress(listener: (progress: JobProgress) => void): () => void;
  /** Where this machine stands with the newsroom server, whenever that changes. */
  onSync(listener: (status: SyncStatus) => void): () => void;
}

function unwrap<T>(result: Result<unknown>): T {
  if (result.ok) return result.value as T;
  throw new BylineError(result.error.code, result.error.message, result.error.details);
}

function fromPreload(bridge: PreloadBridge): Client {
  return {
    invoke: async <C extends Channel>(channel: C, input: InputOf<C>) =>
      unwrap<OutputOf<C>>(await bridge.invoke(channel, input)),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    onProgress: (listener) => bridge.onProgress(listener),
    onSync: (listener) => bridge.onSync(listener),
  };
}

/**
 * The browser mode's transport: one WebSocket back to the page's own origin; its first message is
 * the token from the launch address (browserToken.ts), or the server closes it.
 */
function fromWebSocket(): Client {
  let socket: WebSocket | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: Result<unknown>) => void }>();
  const lost = (message: string): ErrorInfo => ({ code: 'io', message });
  const progressListeners = new Set<(progress: JobProgress) => void>();
  const syncListeners = new Set<(status: SyncStatus) => void>();

  const connect = (): Promise<WebSocket> =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ipc`);
      ws.onopen = () => {
        ws.send(JSON.stringify({ hello: browserToken() ?? '' }));
        resolve(ws);
      };
      ws.onerror = () =>
        reject(new BylineError('io', 'Cannot reach Byline. Is `npm start` (or `npm run web`) still running?'));
      ws.onmessage = (event) => {
        const msg = JSON.parse(String(event.data)) as { id: number; result: Result<unknown> } | BrowserModeEvent;
        if ('event' in msg) {
          if (msg.event === 'progress') for (const listener of progressListeners) listener(msg.progress);
          else for (const listener of syncListeners) listener(msg.status);
          return;
        }
        pending.get(msg.id)?.resolve(msg.result);
        pending.delete(msg.id);
      };
      ws.onclose = (event) => {
        socket = null;
        const error =
          event.code === UNAUTHORIZED_CLOSE
            ? lost(
                'This page does not have Byline’s token. Open the full address that `npm start` (or `npm run web`) printed; your text is still here.',
              )
            : lost('The connection to Byline was lost before it answered; your text is still here. Try again.');
        for (const p of pending.values()) p.resolve({ ok: false, error });
        pending.clear();
      };
    });

  let connecting: Promise<WebSocket> | null = null;
  const ready = async (): Promise<WebSocket> => {
    if (socket && socket.readyState === WebSocket.OPEN) return socket;
    connecting ??= connect().finally(() => (connecting = null));
    socket = await connecting;
    return socket;
  };

  return {
    invoke: async <C extends Channel>(channel: C, input: InputOf<C>) => {
      const ws = await ready();
      const id = nextId++;
      const result = await new Promise<Result<unknown>>((resolve) => {
        pending.set(id, { resolve });
        ws.send(JSON.stringify({ id, channel, payload: input }));
      });
      return unwrap<OutputOf<C>>(result);
    },
    onMenuCommand: () => () => undefined, // the browser mode has no application menu
    onProgress: (listener) => {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
    onSync: (listener) => {
      syncListeners.add(listener);
      return () => syncListeners.delete(listener);
    },
  };
}

export function createClient(): Client {
  return window.byline ? fromPreload(window.byline) : fromWebSocket();
}
