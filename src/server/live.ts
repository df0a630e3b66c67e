// The live part of the newsroom: a desktop keeps a WebSocket open, and hears within a moment
// that records it may see have arrived, whichever server instance took them (PostgreSQL
// LISTEN/NOTIFY carries the news between instances). It then pulls them as usual.
// Presence travels the same way: a desktop says which article it has open, and every desktop
// that may see that article hears "Anna Muster is editing" (a soft lock: it warns, never blocks).
import type http from 'node:http';
import type https from 'node:https';
import type net from 'node:net';
import pg from 'pg';
import { WebSocketServer, type WebSocket } from 'ws';
import crypto from 'node:crypto';
import type { Account } from '../shared/server/api';
import { LiveClientMessageSchema, type LiveServerMessage } from '../shared/server/sync';
import { authenticate, DEVICES_CHANNEL, type EndedDevices } from './accounts';
import { maySee, RECORDS_CHANNEL, VISIBLE, visibilityParams } from './sync';

export const LIVE_PATH = '/api/v1/live';
/** Dead connections are found by a ping this often; presence is said again as often. */
const PING_MS = 30_000;
/** The PostgreSQL channel presence travels on between instances. */
const PRESENCE_CHANNEL = 'byline_presence';
/**
 * A desktop's presence is passed on at most this often; what it says meanwhile is coalesced into
 * its latest word (one socket saying thousands of things a second costs the newsroom four a second).
 */
const PRESENCE_EVERY_MS = 250;
/** A presence not said again for this long is gone (its instance died without saying so). */
const PRESENCE_TTL_MS = 2 * PING_MS + 5_000;

/** An upgrade answered with a plain HTTP status, and the connection closed. */
function refuseUpgrade(socket: net.Socket, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

interface Listener {
  ws: WebSocket;
  account: Account;
  device: string;
  /** The highest number this listener was told about. */
  told: number;
  /** The article this desktop has open. */
  editing: string | null;
  /** The article it last said it has open, not yet passed on (see PRESENCE_EVERY_MS). */
  wanted: string | null;
  saidAt: number;
  presenceTimer: NodeJS.Timeout | null;
}

/** One desktop's open article, as every instance knows it. */
interface Presence {
  device: string;
  name: string;
  articleId: string;
  instance: string;
  at: number;
}

export class Live {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly listeners = new Set<Listener>();
  private notifications: pg.Client | null = null;
  private ping: NodeJS.Timeout | null = null;
  /** Every desktop's open article, from this instance and the others, by device. */
  private readonly presence = new Map<string, Presence>();
  private readonly instance = crypto.randomUUID();
  private stopping = false;

  constructor(
    private readonly db: pg.Pool,
    private readonly connectionString: string,
  ) {}

  /** Listens for pushes (of this and every other instance) and takes WebSocket upgrades on LIVE_PATH. */
  async start(server: http.Server | https.Server): Promise<void> {
    await this.listen();
    server.on('upgrade', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
      // A connection reset before the answer must cost only that connection.
      socket.on('error', () => socket.destroy());
      this.upgrade(req, socket, head).catch((e: unknown) => {
        console.error('byline-server: live:', e);
        if (!socket.destroyed) refuseUpgrade(socket, '503 Service Unavailable');
      });
    });
    this.ping = setInterval(() => {
      for (const l of this.listeners) {
        l.ws.ping();
        if (l.editing) void this.sayPresence(l).catch(() => undefined);
      }
      this.forgetStalePresence();
    }, PING_MS);
    this.ping.unref();
  }

  /**
   * A connection of its own that LISTENs for news. When PostgreSQL drops it (a restart, a crash, a
   * failover, a terminated backend) it is opened again with back-off, and listeners hear of
   * whatever arrived meanwhile; the server itself goes on answering.
   */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.notifications === client) this.notifications = null;
      client.end().catch(() => undefined);
      if (this.stopping) return;
      console.error(
        `byline-server: live: the database connection for news was lost (${error?.message ?? 'closed'}); opening it again`,
      );
      void this.relisten();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (n) => {
      const done =
        n.channel === PRESENCE_CHANNEL
          ? this.heardPresence(n.payload ?? '')
          : n.channel === DEVICES_CHANNEL
            ? Promise.resolve(this.endedDevices(n.payload ?? ''))
            : this.fanOut(Number(n.payload));
      void done.catch((e: unknown) => console.error('byline-server: live:', e));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${RECORDS_CHANNEL}`);
      await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
      await client.query(`LISTEN ${DEVICES_CHANNEL}`);
    } catch (error) {
      lost = true;
      await client.end().catch(() => undefined);
      throw error;
    }
    this.notifications = client;
  }

  private async relisten(): Promise<void> {
    for (let delay = 200; !this.stopping; delay = Math.min(delay * 2, 10_000)) {
      await new Promise((r) => setTimeout(r, delay * (0.5 + Math.random())).unref());
      if (this.stopping) return;
      try {
        await this.listen();
      } catch (error) {
        console.error(
          `byline-server: live: the database cannot be reached yet (${(error as Error).message}); trying again`,
        );
        continue;
      }
      console.error('byline-server: live: listening for news again');
      // Whatever arrived while nobody listened: every listener behind the newest record hears of it.
      await this.db
        .query<{ seq: string | null }>('SELECT max(seq) AS seq FROM records')
        .then(({ rows }) => this.fanOut(Number(rows[0]?.seq ?? 0)))
        .catch((e: unknown) => console.error('byline-server: live:', e));
      return;
    }
  }

  private async upgrade(req: http.IncomingMessage, socket: net.Socket, head: Buffer): Promise<void> {
    const refuse = (status: string) => refuseUpgrade(socket, status);
    if (this.stopping) return refuse('503 Service Unavailable');
    if ((req.url ?? '').split('?')[0] !== LIVE_PATH) return refuse('404 Not Found');
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    // A database that cannot answer is a 503 (from the caller), never a 401 that would tell the desktop its token is gone.
    const who = token ? await authenticate(this.db, token) : null;
    if (!who) return refuse('401 Unauthorized');
    const { rows } = await this.db.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM records');
    if (this.stopping) return refuse('503 Service Unavailable');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const listener: Listener = {
        ws,
        account: who.account,
        device: who.device,
        told: Number(rows[0]?.seq ?? 0),
        editing: null,
        wanted: null,
        saidAt: 0,
        presenceTimer: null,
      };
      this.listeners.add(listener);
      // A bad frame (too long, not UTF-8, unmasked) closes this socket alone.
      ws.on('error', () => ws.terminate());
      ws.on('close', () => {
        this.listeners.delete(listener);
        if (listener.presenceTimer) clearTimeout(listener.presenceTimer);
        if (listener.editing) {
          listener.editing = null;
          void this.sayPresence(listener).catch(() => undefined);
        }
      });
      // A desktop says which article it has open; anything else it sends is ignored.
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        let parsed: unknown;
        try {
          parsed = JSON.parse(data.toString());
        } catch {
          return;
        }
        const message = LiveClientMessageSchema.safeParse(parsed);
        if (!message.success) return;
        listener.wanted = message.data.articleId;
        this.passOnPresence(listener);
      });
      void this.tellPresence(listener, true).catch(() => undefined);
    });
  }

  /** Passes on what the desktop has open, at most every PRESENCE_EVERY_MS: its latest word then. */
  private passOnPresence(l: Listener): void {
    if (l.presenceTimer) return;
    l.presenceTimer = setTimeout(
      () => {
        l.presenceTimer = null;
        if (l.wanted === l.editing || !this.listeners.has(l)) return;
        l.editing = l.wanted;
        l.saidAt = Date.now();
        void this.sayPresence(l).catch((e: unknown) => console.error('byline-server: live:', e));
      },
      Math.max(0, l.saidAt + PRESENCE_EVERY_MS - Date.now()),
    );
  }

  /** A device signed out, or its account revoked or given a new password: its live socket ends now. */
  private endedDevices(payload: string): void {
    const ended = JSON.parse(payload) as EndedDevices;
    for (const l of this.listeners) {
      const named = !ended.device || l.device === ended.device;
      if (l.account.id === ended.account && named && l.device !== ended.except) l.ws.terminate();
    }
  }

  /** Tells every instance (this one too) what this desktop has open now. */
  private async sayPresence(l: Listener): Promise<void> {
    const payload = JSON.stringify({
      device: l.device,
      name: l.account.name,
      articleId: l.editing,
      instance: this.instance,
    });
    await this.db.query('SELECT pg_notify($1, $2)', [PRESENCE_CHANNEL, payload]);
  }

  private async heardPresence(payload: string): Promise<void> {
    const p = JSON.parse(payload) as { device: string; name: string; articleId: string | null; instance: string };
    const before = this.presence.get(p.device)?.articleId ?? null;
    if (p.articleId)
      this.presence.set(p.device, {
        device: p.device,
        name: p.name,
        articleId: p.articleId,
        instance: p.instance,
        at: Date.now(),
      });
    else this.presence.delete(p.device);
    if (before !== p.articleId) for (const l of this.listeners) await this.tellPresence(l);
  }

  private forgetStalePresence(): void {
    const now = Date.now();
    let changed = false;
    for (const [device, p] of this.presence) {
      if (now - p.at > PRESENCE_TTL_MS) {
        this.presence.delete(device);
        changed = true;
      }
    }
    if (changed) for (const l of this.listeners) void this.tellPresence(l).catch(() => undefined);
  }

  /** Who else has which of the articles this listener may see open (a new listener hears only of someone). */
  private async tellPresence(l: Listener, onlyIfAny = false): Promise<void> {
    const others = [...this.presence.values()].filter((p) => p.device !== l.device);
    const ids = [...new Set(others.map((p) => p.articleId))];
    let visible = new Set<string>();
    if (ids.length) {
      const { rows } = await this.db.query<{ id: string }>(
        `SELECT a.id FROM articles a WHERE a.id = ANY($4::uuid[]) AND ${VISIBLE}`,
        [...visibilityParams(l.account), ids],
      );
      visible = new Set(rows.map((r) => r.id));
    }
    const editing = others
      .filter((p) => visible.has(p.articleId))
      .map((p) => ({ articleId: p.articleId, name: p.name }));
    if (editing.length || !onlyIfAny) this.send(l, { type: 'editing', editing });
  }

  private send(l: Listener, message: LiveServerMessage): void {
    if (l.ws.readyState === l.ws.OPEN) l.ws.send(JSON.stringify(message));
  }

  /** Tells each listener that may see a record up to `seq` that there is something to pull. */
  private async fanOut(seq: number): Promise<void> {
    const behind = [...this.listeners].filter((l) => seq > l.told);
    if (!behind.length) return;
    // One query for every listener: the new records with who may see each (as VISIBLE says).
    const since = Math.min(...behind.map((l) => l.told));
    const { rows } = await this.db.query<{
      seq: string;
      created_by: string;
      desk: string | null;
      assigned_to: string[];
    }>(
      'SELECT r.seq, a.created_by, a.desk, a.assigned_to FROM records r JOIN articles a ON a.id = r.article_id WHERE r.seq > $1 AND r.seq <= $2 ORDER BY r.seq',
      [since, seq],
    );
    for (const l of behind) {
      let upTo = 0;
      for (const r of rows) if (Number(r.seq) > l.told && maySee(l.account, r)) upTo = Number(r.seq);
      l.told = seq;
      if (!upTo) continue;
      this.send(l, { type: 'records', upTo });
      // The news may be an article this listener sees only now (an assignment): who edits it, too.
      if (this.presence.size) await this.tellPresence(l);
    }
  }

  async stop(): Promise<void> {
    // Desktops reconnect at once when their socket closes; a stopping server takes none of them.
    this.stopping = true;
    if (this.ping) clearInterval(this.ping);
    // Cut rather than closed with a handshake: desktops reconnect to another instance either way.
    for (const l of this.listeners) l.ws.terminate();
    this.listeners.clear();
    const notifications = this.notifications;
    this.notifications = null;
    await notifications?.end().catch(() => undefined);
  }
}
