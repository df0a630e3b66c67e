// Keeps this machine in step with the newsroom server while the app runs: a round of sync
// (syncOnce) shortly after every local change, whenever the server says records arrived (its
// live socket), and every half minute as a safety net. Offline is a normal state: changes wait in
// the store and go out once the server answers again. The agent lives beside the store (the store
// thread) and reports a SyncStatus for the status line whenever something it shows changes.
import os from 'node:os';
import WebSocket from 'ws';
import { z } from 'zod';
import { BylineError } from '../../shared/errors';
import { EditingSchema, type SyncStatus } from '../../shared/model/syncStatus';
import type { Colleague } from '../../shared/server/api';
import type { LiveServerMessage } from '../../shared/server/sync';
import type { Store } from '../store/store';
import { assignOnServer, type Assigned } from './assign';
import { call } from './serverApi';
import { signInToServer, signOutOfServer, syncOnce } from './syncOnce';
import { refusedRevisions, signedIn, syncServer, waitingCount } from './syncState';

export interface SyncAgentOptions {
  /** The longest wait between attempts to reach a server that does not answer. */
  retryMaxMs?: number;
  /** A round this often even when the server says nothing (a missed notice costs at most this). */
  safetyRoundMs?: number;
  /** How long after a local change its round starts (several saves in a row go out together). */
  afterChangeMs?: number;
}

const DEFAULTS: Required<SyncAgentOptions> = { retryMaxMs: 500, safetyRoundMs: 30_000, afterChangeMs: 300 };
const RETRY_MIN_MS = 100;
const LIVE_RETRY_MIN_MS = 500;
const LIVE_RETRY_MAX_MS = 30_000;
/** How often the store is checked for saves made by another process. */
const OTHER_WRITERS_MS = 1000;
/** What the server says of who edits what is checked like any other payload. */
const EditingListSchema = z.array(EditingSchema).max(10_000);

export class SyncAgent {
  private readonly options: Required<SyncAgentOptions>;
  private live: WebSocket | null = null;
  private liveOpen = false;
  private state: SyncStatus['state'] = 'signed-out';
  private problem: string | null = null;
  private generation = 0;
  private changed: string[] = [];
  private editing: SyncStatus['editing'] = [];
  /** The article open on this machine, told to the server for presence. */
  private openArticle: string | null = null;
  private round: Promise<void> | null = null;
  private roundAgain = false;
  private roundTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private safetyTimer: NodeJS.Timeout | null = null;
  private othersTimer: NodeJS.Timeout | null = null;
  private liveTimer: NodeJS.Timeout | null = null;
  private liveRetryMs = LIVE_RETRY_MIN_MS;
  private retryMs = RETRY_MIN_MS;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly emit: (status: SyncStatus) => void = () => undefined,
    options: SyncAgentOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Starts syncing when this machine is signed in (it stays signed in across restarts). */
  start(): void {
    this.stopped = false;
    const server = syncServer(this.store);
    if (!server?.token) return this.setState('signed-out');
    this.setState('connecting');
    this.connectLive();
    this.soon(0);
    this.safetyTimer ??= setInterval(() => this.soon(0), this.options.safetyRoundMs);
    this.safetyTimer.unref();
    // Another process saved in this store (the CLI beside the app): SQLite's data_version moves.
    let seen = this.dataVersion();
    this.othersTimer ??= setInterval(() => {
      const now = this.dataVersion();
      if (now !== seen) this.localChange();
      seen = now;
    }, OTHER_WRITERS_MS);
    this.othersTimer.unref();
  }

  status(): SyncStatus {
    const server = syncServer(this.store);
    return {
      state: this.state,
      url: server?.url ?? null,
      account: server?.account ?? null,
      waiting: server?.token ? waitingCount(this.store) : 0,
      lastSyncedAt: server?.lastSyncedAt ?? null,
      problem: this.problem,
      generation: this.generation,
      changed: this.changed,
      refused: refusedRevisions(this.store).map(({ articleId, reason }) => ({ articleId, reason })),
      editing: this.editing,
    };
  }

  async signIn(url: string, account: string, password: string): Promise<SyncStatus> {
    this.stop();
    let parsed: URL;
    try {
      parsed = new URL(url);
      if (!/^https?:$/.test(parsed.protocol)) throw new Error('not http');
    } catch {
      throw new BylineError(
        'invalid-input',
        `"${url.slice(0, 200)}" is not a server address (expected http://… or https://…).`,
      );
    }
    await signInToServer(this.store, parsed.origin, account, password, `Byline on ${os.hostname()}`);
    this.problem = null;
    this.start();
    return this.status();
  }

  async signOut(): Promise<SyncStatus> {
    this.stop();
    await signOutOfServer(this.store, 5_000);
    this.editing = [];
    this.problem = null;
    this.setState('signed-out');
    return this.status();
  }

  /** Something was saved here: it goes out shortly. */
  localChange(): void {
    if (this.state === 'signed-out' || this.state === 'refused' || this.stopped) return;
    this.soon(this.options.afterChangeMs);
    this.emit(this.status());
  }

  /** The article this machine has open (null: none), for "… is editing" elsewhere. */
  setOpenArticle(articleId: string | null): void {
    this.openArticle = articleId;
    this.sayOpenArticle();
  }

  /** The newsroom's accounts, from the server (assigning needs it to answer). */
  async colleagues(): Promise<Colleague[]> {
    const { url, token } = signedIn(this.store);
    return (await call<{ accounts: Colleague[] }>(url, token, 'GET', '/api/v1/accounts')).accounts;
  }

  /** Assigns an article on the server, after a round so that the server has the article. */
  async assign(articleId: string, assignedTo: string[], desk?: string): Promise<Assigned> {
    signedIn(this.store);
    await this.runRound();
    if (this.state !== 'online')
      throw new BylineError(
        'io',
        `The newsroom server cannot be reached (${this.problem ?? 'offline'}); assign the article once it answers.`,
        { problem: 'offline' },
      );
    return assignOnServer(this.store, articleId, assignedTo, desk);
  }

  /** A round now, answered when it is done (the status line's "Sync now"). */
  async syncNow(): Promise<SyncStatus> {
    signedIn(this.store);
    if (this.state === 'refused') this.start();
    this.retryMs = RETRY_MIN_MS;
    await this.runRound();
    return this.status();
  }

  stop(): void {
    this.stopped = true;
    for (const t of [this.roundTimer, this.reconnectTimer, this.safetyTimer, this.othersTimer, this.liveTimer])
      if (t) clearTimeout(t);
    this.roundTimer = this.reconnectTimer = this.safetyTimer = this.othersTimer = this.liveTimer = null;
    this.live?.removeAllListeners();
    this.live?.on('error', () => undefined);
    this.live?.terminate();
    this.live = null;
    this.liveOpen = false;
  }

  /** Waits for a round under way (closing the store must not cut one in half). */
  async settle(): Promise<void> {
    this.stop();
    await this.round;
  }

  private dataVersion(): number {
    return this.store.db.pragma('data_version', { simple: true }) as number;
  }

  private setState(state: SyncStatus['state']): void {
    this.state = state;
    this.emit(this.status());
  }

  private soon(ms: number): void {
    if (this.stopped || this.roundTimer) return;
    this.roundTimer = setTimeout(() => {
      this.roundTimer = null;
      void this.runRound();
    }, ms);
  }

  /** One round at a time; a request for another while one runs makes one more afterwards. */
  private runRound(): Promise<void> {
    if (this.round) {
      this.roundAgain = true;
      return this.round;
    }
    this.round = this.oneRound().finally(() => {
      this.round = null;
      if (this.roundAgain && !this.stopped) {
        this.roundAgain = false;
        this.soon(0);
      }
    });
    return this.round;
  }

  private async oneRound(): Promise<void> {
    try {
      const report = await syncOnce(this.store);
      const problems = [
        ...report.refused.map((r) => r.reason),
        ...report.unreadable.map((u) => `Not taken in here: ${u.reason}`),
      ];
      this.problem = problems.length ? problems.join('\n').slice(0, 2000) : null;
      this.retryMs = RETRY_MIN_MS;
      if (report.changed.length) {
        this.generation++;
        this.changed = report.changed;
      }
      // Reachable is online; the live socket only makes news faster. A server that answers gets its
      // live socket tried at once (it may have just come back), whatever the back-off said.
      this.setState('online');
      if (!this.live) {
        if (this.liveTimer) clearTimeout(this.liveTimer);
        this.liveTimer = null;
        this.connectLive();
      }
    } catch (error) {
      const e = error as BylineError;
      this.problem = e.message;
      if (e.code === 'forbidden' && e.details?.problem === 'unauthenticated') {
        // The device was revoked (or the account): no more attempts until the person signs in again.
        this.stop();
        this.setState('refused');
        return;
      }
      this.setState('offline');
      this.retryLater();
    }
  }

  private retryLater(): void {
    if (this.stopped || this.reconnectTimer) return;
    // Jittered, so that a newsroom's desktops do not all come back in the same millisecond.
    const wait = this.retryMs * (0.5 + Math.random() / 2);
    this.retryMs = Math.min(this.retryMs * 2, this.options.retryMaxMs);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.soon(0);
    }, wait);
  }

  /** The server's live socket: news of records (a round follows) and of who edits what. */
  private connectLive(): void {
    const server = syncServer(this.store);
    if (this.stopped || !server?.token || this.live) return;
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/api/v1/live`, {
      headers: { authorization: `Bearer ${server.token}` },
      handshakeTimeout: 10_000,
    });
    this.live = ws;
    ws.on('open', () => {
      this.liveOpen = true;
      this.liveRetryMs = LIVE_RETRY_MIN_MS;
      this.sayOpenArticle();
      // Whatever arrived while the socket was down comes in now.
      this.soon(0);
    });
    ws.on('message', (data) => this.heard(data.toString()));
    ws.on('unexpected-response', (_req, res) => {
      ws.terminate();
      // 401: the token no longer works; a round says so by name and stops.
      if (res.statusCode === 401) this.soon(0);
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (this.live !== ws) return;
      this.live = null;
      const wasOpen = this.liveOpen;
      this.liveOpen = false;
      if (this.editing.length) {
        this.editing = [];
        this.emit(this.status());
      }
      if (this.stopped) return;
      // Gone while open: a round finds out at once whether the server went (offline, retried soon).
      if (wasOpen) this.soon(0);
      // The socket is tried again, less and less often, each time with a round that finds out
      // whether the server is still there (a proxy without WebSockets leaves rounds every 30 s).
      if (!this.liveTimer) {
        this.liveTimer = setTimeout(() => {
          this.liveTimer = null;
          this.connectLive();
          this.soon(0);
        }, this.liveRetryMs);
        this.liveRetryMs = Math.min(this.liveRetryMs * 2, LIVE_RETRY_MAX_MS);
      }
    });
  }

  private heard(text: string): void {
    let message: LiveServerMessage;
    try {
      message = JSON.parse(text) as LiveServerMessage;
    } catch {
      return;
    }
    if (message.type === 'records') this.soon(0);
    else if (message.type === 'editing') {
      const editing = EditingListSchema.safeParse(message.editing);
      if (!editing.success) return;
      this.editing = editing.data;
      this.emit(this.status());
    }
  }

  private sayOpenArticle(): void {
    if (this.liveOpen && this.live?.readyState === WebSocket.OPEN)
      this.live.send(JSON.stringify({ type: 'editing', articleId: this.openArticle }));
  }
}
