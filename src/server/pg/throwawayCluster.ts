// A PostgreSQL cluster in a temporary folder on 127.0.0.1, for `npm run server:try` and the
// tests: initdb, pg_ctl start, and on stop pg_ctl stop and the folder removed. Nothing of it
// outlives the process that made it.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { findPostgresBin, postgresUser } from './binaries';

const run = promisify(execFile);

export interface ThrowawayCluster {
  /** postgres://byline:…@127.0.0.1:PORT/byline */
  url: string;
  port: number;
  dir: string;
  /** Stops it as a crash would (`immediate`) or as an operator does (`fast`), and starts it again on the same port. */
  restart(mode?: 'fast' | 'immediate'): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = findPostgresBin();
  if (!bin)
    throw new Error(
      "PostgreSQL's server programs (initdb, pg_ctl) were not found; on Debian: apt-get install postgresql.",
    );
  const owner = postgresUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-pg-'));
  const data = path.join(dir, 'data');
  const password = crypto.randomBytes(18).toString('base64url');
  const pwfile = path.join(dir, 'pw');
  fs.writeFileSync(pwfile, password, { mode: 0o600 });
  if (owner) for (const p of [dir, pwfile]) fs.chownSync(p, owner.uid, owner.gid);
  const as = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const port = await freePort();
  try {
    await run(
      path.join(bin, 'initdb'),
      [
        '-D',
        data,
        '-U',
        'byline',
        '--pwfile',
        pwfile,
        '--auth-local=scram-sha-256',
        '--auth-host=scram-sha-256',
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
      ],
      { ...as, env: { ...process.env, LC_ALL: 'C.UTF-8' } },
    );
    fs.rmSync(pwfile);
    await run(
      path.join(bin, 'pg_ctl'),
      [
        '-D',
        data,
        '-l',
        path.join(dir, 'log'),
        '-w',
        '-t',
        '60',
        '-o',
        `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories='${dir}' -c fsync=on`,
        'start',
      ],
      as,
    );
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'byline', password, database: 'postgres' });
    await admin.connect();
    try {
      await admin.query('CREATE DATABASE byline');
    } finally {
      await admin.end();
    }
  } catch (error) {
    const log = fs.existsSync(path.join(dir, 'log')) ? fs.readFileSync(path.join(dir, 'log'), 'utf8').slice(-2000) : '';
    await run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], as).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `The throw-away PostgreSQL cluster did not start: ${(error as Error).message}${log ? `\n${log}` : ''}`,
      { cause: error },
    );
  }
  let stopped = false;
  return {
    url: `postgres://byline:${encodeURIComponent(password)}@127.0.0.1:${port}/byline`,
    port,
    dir,
    async restart(mode = 'immediate') {
      await run(
        path.join(bin, 'pg_ctl'),
        ['-D', data, '-l', path.join(dir, 'log'), '-m', mode, '-w', '-t', '60', 'restart'],
        as,
      );
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], as).catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
