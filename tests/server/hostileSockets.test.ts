// One connection or one frame costs only itself: raw sockets against a real server process on a
// real PostgreSQL. An upgrade reset before its answer, a frame over the size limit, text that is
// not UTF-8, an unmasked frame and an unknown opcode each end their own socket; the server keeps
// answering everyone else, and a desktop's live socket beside them keeps hearing news.
import crypto from 'node:crypto';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addAccount } from '../../src/server/accounts';
import { migrate } from '../../src/server/db/migrations';
import { deviceToken, ServerProcess } from '../helpers/faults';
import { NO_POSTGRES, usePostgres } from '../helpers/postgres';
import { revisionRecord } from '../helpers/syncRecords';

/** Opens a live socket by hand (no WebSocket library): answers the socket once the server said 101. */
function handshake(port: number, token: string | null): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', reject);
    let head = '';
    socket.on('data', function onData(d: Buffer) {
      head += d.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (head.startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(head.split('\r\n')[0]));
    });
    socket.write(
      [
        'GET /api/v1/live HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        ...(token ? [`Authorization: Bearer ${token}`] : []),
        '',
        '',
      ].join('\r\n'),
    );
  });
}

/** A client frame: FIN set, the opcode given, masked unless told otherwise. */
function frame(opcode: number, payload: Buffer, masked = true): Buffer {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, (masked ? 0x80 : 0) | length])
      : Buffer.from([0x80 | opcode, (masked ? 0x80 : 0) | 126, length >> 8, length & 0xff]);
  if (!masked) return Buffer.concat([header, payload]);
  const mask = crypto.randomBytes(4);
  return Buffer.concat([header, mask, Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!))]);
}

/** Resolves when the server has closed the socket. */
const closed = (socket: net.Socket) =>
  new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));

describe.skipIf(!!NO_POSTGRES)('hostile sockets against the live newsroom', () => {
  const pgs = usePostgres();

  it(
    'an upgrade reset before its answer, an oversized, non-UTF-8, unmasked or unknown frame each end only their own socket',
    { timeout: 120_000 },
    async () => {
      await migrate(pgs.db());
      const { password } = await addAccount(pgs.db(), {
        name: 'Holger Host',
        initials: 'hh',
        role: 'desk',
        desks: ['Politik'],
      });
      const server = new ServerProcess(pgs.cluster().url);
      await server.start();
      const url = `http://127.0.0.1:${server.port}`;
      const token = await deviceToken(url, 'Holger Host', password);
      // An honest desktop's live socket, open throughout.
      const honest = new WebSocket(`ws://127.0.0.1:${server.port}/api/v1/live`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const news: number[] = [];
      honest.on('message', (d) => news.push((JSON.parse(d.toString()) as { upTo?: number }).upTo ?? 0));
      await new Promise<void>(
        (resolve, reject) => (honest.once('open', () => resolve()), honest.once('error', reject)),
      );
      try {
        // Upgrades without a token, the connection reset before the answer is read, twenty times.
        for (let i = 0; i < 20; i++) {
          const socket = net.connect(server.port, '127.0.0.1');
          socket.on('error', () => undefined);
          await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
          socket.write(
            `GET /api/v1/live HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
          );
          socket.resetAndDestroy();
        }
        // A signed-in device's bad frames, each on a socket of its own.
        const bad: [string, Buffer][] = [
          ['5 KB, over the limit', frame(0x1, Buffer.alloc(5 * 1024, 0x61))],
          ['text that is not UTF-8', frame(0x1, Buffer.from([0xff, 0xfe, 0xfd]))],
          ['an unmasked frame', frame(0x1, Buffer.from('{}'), false)],
          ['an unknown opcode', frame(0x3, Buffer.from('x'))],
        ];
        for (const [what, bytes] of bad) {
          const socket = await handshake(server.port, token);
          socket.on('error', () => undefined);
          socket.write(bytes);
          await closed(socket);
          expect(server.child!.exitCode, what).toBeNull();
        }
        // Everyone else is still served: a push is taken, and the honest desktop hears of it.
        const record = revisionRecord(crypto.randomUUID(), [], {}, { desk: 'Politik' });
        const res = await fetch(`${url}/api/v1/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ records: [record] }),
        });
        expect(res.status).toBe(200);
        const { accepted } = (await res.json()) as { accepted: { seq: number }[] };
        await expect.poll(() => news, { timeout: 5000 }).toContain(accepted[0]!.seq);
        expect(honest.readyState).toBe(WebSocket.OPEN);
        expect(server.child!.exitCode).toBeNull();
      } finally {
        honest.close();
        await server.kill('SIGTERM');
      }
    },
  );
});
