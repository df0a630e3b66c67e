// Tools for fault injection against the newsroom server: a seeded random source, a server
// process that can be killed and started again, and a loopback proxy that cuts connections.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const BIN = path.resolve('bin/byline-server.cjs');

/** mulberry32: the same seed, the same run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Signs a device in to the server at `url` (its HTTP API, as a desktop does): its token. */
export async function deviceToken(url: string, name: string, password: string, device = 'test'): Promise<string> {
  const res = await fetch(`${url}/api/v1/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password, device }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** A server process; killed and restarted on a new port, behind the proxy. */
export class ServerProcess {
  child: ChildProcessWithoutNullStreams | null = null;
  port = 0;
  /** What the running process printed (for a failure's message). */
  output = '';
  constructor(private readonly pgUrl: string) {}
  async start(): Promise<void> {
    const child = spawn(process.execPath, [BIN, 'start', '--port', '0', '--pg', this.pgUrl]);
    this.child = child;
    this.output = '';
    this.port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        this.output += d.toString();
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(this.output);
        if (m) resolve(Number(m[1]));
      });
      child.stderr.on('data', (d: Buffer) => (this.output += d.toString()));
      child.once('exit', () => reject(new Error(`server exited: ${this.output}`)));
    });
  }
  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill(signal);
    });
  }
}

export interface FaultProxy extends net.Server {
  port: number;
  /** The request lines ("POST /api/v1/push") sent upstream and not yet answered, this moment. */
  inFlight(): string[];
  /**
   * Resolves at a random moment while requests are in flight (after passing over a random number
   * of request starts), with the requests in flight then: the moment to kill the server.
   */
  midRequest(random: () => number, timeoutMs?: number): Promise<string[]>;
}

interface Exchange {
  line: string | null;
  waiting: boolean;
}

/**
 * Forwards to the server's current port; cuts a share of connections after a random delay, and
 * holds back a share of connections' requests for a while (so requests arrive late and out of
 * the order they were made in). Knows which requests are in flight, to kill the server during one.
 */
export function cuttingProxy(
  target: () => number,
  random: () => number,
  cutShare: number,
  lateShare = 0,
): Promise<FaultProxy> {
  const exchanges = new Set<Exchange>();
  const startListeners = new Set<() => void>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target(), '127.0.0.1');
    const exchange: Exchange = { line: null, waiting: false };
    exchanges.add(exchange);
    const late = random() < lateShare ? Math.floor(random() * 60) : 0;
    client.on('data', (chunk: Buffer) => {
      const send = () => {
        if (upstream.destroyed) return;
        const line = /^(GET|POST|PUT|DELETE) (\S+)/.exec(chunk.toString('latin1', 0, 200));
        if (line) {
          exchange.line = `${line[1]} ${line[2]!.split('?')[0]}`;
          exchange.waiting = true;
        }
        upstream.write(chunk);
        if (line) for (const listener of [...startListeners]) listener();
      };
      // The same delay for every chunk of a connection keeps its bytes in order.
      if (late) setTimeout(send, late).unref();
      else send();
    });
    upstream.on('data', (chunk: Buffer) => {
      exchange.waiting = false;
      if (!client.destroyed) client.write(chunk);
    });
    const cut = () => {
      exchanges.delete(exchange);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', cut);
    upstream.on('error', cut);
    client.on('close', cut);
    upstream.on('close', cut);
    if (random() < cutShare) setTimeout(cut, Math.floor(random() * 40)).unref();
  });
  const inFlight = () => [...exchanges].filter((e) => e.waiting && e.line).map((e) => e.line!);
  const midRequest = (random: () => number, timeoutMs = 20_000) =>
    new Promise<string[]>((resolve, reject) => {
      let skip = Math.floor(random() * 4);
      const timer = setTimeout(() => {
        startListeners.delete(listener);
        reject(new Error(`no request was in flight within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = () => {
        if (skip-- > 0) return;
        startListeners.delete(listener);
        clearTimeout(timer);
        resolve(inFlight());
      };
      startListeners.add(listener);
    });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(Object.assign(server, { port: (server.address() as net.AddressInfo).port, inFlight, midRequest })),
    ),
  );
}

/** Kills the server (SIGKILL) while requests are in flight and starts it again; answers the requests that were in flight. */
export async function killMidRequest(
  server: ServerProcess,
  proxy: FaultProxy,
  random: () => number,
): Promise<string[]> {
  const inFlight = await proxy.midRequest(random);
  await server.kill('SIGKILL');
  await server.start();
  return inFlight;
}
