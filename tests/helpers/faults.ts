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

/** A server process; killed and restarted on a new port, behind the proxy. */
export class ServerProcess {
  child: ChildProcessWithoutNullStreams | null = null;
  port = 0;
  constructor(private readonly pgUrl: string) {}
  async start(): Promise<void> {
    const child = spawn(process.execPath, [BIN, 'start', '--port', '0', '--pg', this.pgUrl]);
    this.child = child;
    let out = '';
    this.port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.once('exit', () => reject(new Error(`server exited: ${out}`)));
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

/** Forwards to the server's current port; cuts a share of connections after a random delay. */
export function cuttingProxy(target: () => number, random: () => number, cutShare: number): Promise<net.Server & { port: number }> {
  const server = net.createServer((client) => {
    const upstream = net.connect(target(), '127.0.0.1');
    client.pipe(upstream).pipe(client);
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', cut);
    upstream.on('error', cut);
    client.on('close', cut);
    upstream.on('close', cut);
    if (random() < cutShare) setTimeout(cut, Math.floor(random() * 40)).unref();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(Object.assign(server, { port: (server.address() as net.AddressInfo).port }))));
}

