// The live part of the newsroom: a desktop keeps a WebSocket open, and hears within a moment
// that records it may see have arrived, whichever server instance took them (PostgreSQL
// LISTEN/NOTIFY carries the news between instances). It then pulls them as usual.
import type http from 'node:http';
import type https from 'node:https';
import type net from 'node:net';
import pg from 'pg';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Account } from '../shared/server/api';
import { authenticate } from './accounts';
import { RECORDS_CHANNEL, VISIBLE, visibilityParams } from './sync';

export const LIVE_PATH = '/api/v1/live';
/** Dead connections are found by a ping this often. */
const PING_MS = 30_000;

/** What a desktop receives: records it may see wait up to `upTo`; pull since your cursor. */
export interface LiveMessage {
  type: 'records';
  upTo: number;
}

interface Listener {
  ws: WebSocket;
  account: Account;
  /** The highest number this listener was told about. */
  told: number;
}

export class Live {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly listeners = new Set<Listener>();
  private notifications: pg.Client | null = null;
  private ping: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: pg.Pool,
    private readonly connectionString: string,
  ) {}

  /** Listens for pushes (of this and every other instance) and takes WebSocket upgrades on LIVE_PATH. */
  async start(server: http.Server | https.Server): Promise<void> {
    this.notifications = new pg.Client({ connectionString: this.connectionString });
    await this.notifications.connect();
    this.notifications.on('notification', (n) => void this.fanOut(Number(n.payload)).catch((e: unknown) => console.error('byline-server: live:', e)));
    await this.notifications.query(`LISTEN ${RECORDS_CHANNEL}`);
    server.on('upgrade', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => void this.upgrade(req, socket, head));
    this.ping = setInterval(() => {
      for (const l of this.listeners) l.ws.ping();
    }, PING_MS);
    this.ping.unref();
  }

  private async upgrade(req: http.IncomingMessage, socket: net.Socket, head: Buffer): Promise<void> {
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if ((req.url ?? '').split('?')[0] !== LIVE_PATH) return refuse('404 Not Found');
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const who = token ? await authenticate(this.db, token).catch(() => null) : null;
    if (!who) return refuse('401 Unauthorized');
    const { rows } = await this.db.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM records');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const listener: Listener = { ws, account: who.account, told: Number(rows[0]?.seq ?? 0) };
      this.listeners.add(listener);
      ws.on('close', () => this.listeners.delete(listener));
      // Desktops only listen; anything they send is ignored.
      ws.on('message', () => undefined);
    });
  }

  /** Tells each listener that may see a record up to `seq` that there is something to pull. */
  private async fanOut(seq: number): Promise<void> {
    for (const l of this.listeners) {
      if (seq <= l.told) continue;
      const { rows } = await this.db.query<{ seq: string | null }>(
        `SELECT max(r.seq) AS seq FROM records r JOIN articles a ON a.id = r.article_id WHERE r.seq > $4 AND r.seq <= $5 AND ${VISIBLE}`,
        [...visibilityParams(l.account), l.told, seq],
      );
      l.told = seq;
      const upTo = rows[0]?.seq;
      if (upTo && l.ws.readyState === l.ws.OPEN) l.ws.send(JSON.stringify({ type: 'records', upTo: Number(upTo) } satisfies LiveMessage));
    }
  }

  async stop(): Promise<void> {
    if (this.ping) clearInterval(this.ping);
    for (const l of this.listeners) l.ws.close(1001, 'server stopping');
    this.listeners.clear();
    await this.notifications?.end().catch(() => undefined);
  }
}
