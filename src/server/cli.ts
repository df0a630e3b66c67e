// `byline-server`: run the newsroom server and manage its accounts. Its only state is PostgreSQL.
import fs from 'node:fs';
import tls from 'node:tls';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { openPool } from './db/pool';
import { SERVER_ROLES, ServerRoleSchema } from '../shared/server/api';
import { addAccount, listAccounts, revokeAccount, ServerError, setPassword } from './accounts';
import { migrate } from './db/migrations';
import { backupDatabase, restoreDatabase } from './pg/dump';
import { beyondLoopback, createServer, listen } from './http';
import { Live } from './live';
import { startThrowawayCluster } from './pg/throwawayCluster';

const USAGE = `Usage: byline-server COMMAND [--pg postgres://…] [--json]

  start [--host H] [--port P] [--cert F --key F]   run the server (migrates first); beyond loopback
        [--behind-proxy | --insecure-http]         it needs TLS, or a TLS proxy in front (--behind-proxy),
                                                   or an explicit --insecure-http
  try                                              a throw-away PostgreSQL and a server on 127.0.0.1, with a first admin
  migrate                                          bring the database's schema up to date
  add-user NAME --initials I --role ${SERVER_ROLES.join('|')} [--desk D]...
  list-users
  revoke NAME                                      stops the account and every device it signed in from
  set-password NAME                                the password from a prompt, or from standard input
  backup --out FILE                                the whole database (pictures too) with pg_dump
  restore FILE --replace                           replace the database's contents with a backup (stop the servers first)

--pg defaults to BYLINE_PG. More for operators: docs/server.md.`;

export const DEFAULT_PORT = 8470;

interface Io {
  out(text: string): void;
  err(text: string): void;
}

async function readPassword(io: Io): Promise<string> {
  if (process.stdin.isTTY) {
    io.err('New password (not shown): ');
    const rl = (await import('node:readline')).createInterface({ input: process.stdin, terminal: true });
    // The terminal does not echo what is typed: readline is given no output to write it to.
    return new Promise((resolve) => rl.once('line', (line) => (rl.close(), resolve(line))));
  }
  return fs.readFileSync(0, 'utf8').replace(/\r?\n$/, '');
}

/** The certificate and key for HTTPS, both or neither, checked before anything listens, so a wrong file is named at once. */
function readTls(certFile: string | undefined, keyFile: string | undefined): { cert: string; key: string } | undefined {
  if (!certFile && !keyFile) return undefined;
  if (!certFile || !keyFile)
    throw new ServerError(
      'bad-request',
      'HTTPS needs both --cert (the certificate, PEM) and --key (its private key, PEM).',
    );
  const read = (file: string, what: string) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new ServerError(
        'bad-request',
        `The ${what} cannot be read: ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      );
    }
  };
  const pair = { cert: read(certFile, 'certificate'), key: read(keyFile, 'key') };
  try {
    tls.createSecureContext(pair);
  } catch (error) {
    throw new ServerError(
      'bad-request',
      `${certFile} and ${keyFile} are not a certificate and its key in PEM (${(error as Error).message}).`,
    );
  }
  return pair;
}

/** Waits for SIGINT/SIGTERM, then runs the clean-up. */
function onStop(cleanUp: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => void cleanUp().finally(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Migrates, then serves the API and the live socket; `stop` closes both. */
export async function serve(
  db: pg.Pool,
  connectionString: string,
  io: Io,
  host: string,
  port: number,
  tls?: { cert: string; key: string },
  transport: { behindProxy?: boolean; insecureHttp?: boolean } = {},
) {
  if (beyondLoopback(host) && !tls && !transport.behindProxy && !transport.insecureHttp) {
    throw new ServerError(
      'bad-request',
      `Listening on ${host} without TLS would send passwords and device tokens readable across the network. Give --cert and --key; or --behind-proxy when a TLS proxy in front of the server is the only way to it; or --insecure-http to take that risk.`,
    );
  }
  await migrate(db);
  const server = createServer(db, { tls, behindProxy: transport.behindProxy });
  const live = new Live(db, connectionString);
  await live.start(server);
  const address = await listen(server, port, host);
  if (beyondLoopback(host) && !tls && transport.insecureHttp)
    io.err(
      `byline-server: warning: listening on ${host} without TLS (--insecure-http); device tokens and passwords cross the network readable.`,
    );
  const url = `${tls ? 'https' : 'http'}://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  // Stopping: live connections are closed first, so the server's close does not wait for them.
  const stop = () =>
    live.stop().then(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Kept-alive connections with no request under way would hold the close for seconds.
          server.closeIdleConnections();
        }),
    );
  return { stop, url };
}

export async function main(
  argv: string[],
  io: Io = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) },
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      pg: { type: 'string' },
      json: { type: 'boolean', default: false },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      initials: { type: 'string' },
      role: { type: 'string' },
      desk: { type: 'string', multiple: true, default: [] },
      out: { type: 'string' },
      replace: { type: 'boolean', default: false },
      'behind-proxy': { type: 'boolean', default: false },
      'insecure-http': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    io.out(USAGE);
    return command || values.help ? 0 : 2;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ServerError('bad-request', `--port must be a port number (got "${values.port}").`);

  if (command === 'try') {
    const cluster = await startThrowawayCluster();
    const db = openPool(cluster.url);
    try {
      await migrate(db);
      const { account, password } = await addAccount(db, { name: 'admin', initials: 'adm', role: 'admin' });
      const { stop, url } = await serve(db, cluster.url, io, '127.0.0.1', values.port === undefined ? 0 : port);
      io.out(
        `Byline newsroom server (try-out, PostgreSQL in ${cluster.dir}; all of it is removed when you stop with Ctrl+C)`,
      );
      io.out(`Join:     ${url}`);
      io.out(`Admin:    ${account.name} / ${password}   (shown once)`);
      await onStop(stop);
    } finally {
      await db.end();
      await cluster.stop();
    }
    return 0;
  }

  const url = values.pg ?? process.env.BYLINE_PG;
  if (!url)
    throw new ServerError('bad-request', 'Give the database: --pg postgres://USER:PASSWORD@HOST/DB (or BYLINE_PG).');
  const db = openPool(url);
  try {
    switch (command) {
      case 'start': {
        const { stop, url: at } = await serve(db, url, io, values.host, port, readTls(values.cert, values.key), {
          behindProxy: values['behind-proxy'],
          insecureHttp: values['insecure-http'],
        });
        io.out(`Byline newsroom server listening on ${at}`);
        await onStop(stop);
        return 0;
      }
      case 'migrate': {
        const applied = await migrate(db);
        io.out(
          values.json
            ? JSON.stringify({ applied })
            : applied.length
              ? `applied migrations ${applied.join(', ')}`
              : 'the schema is up to date',
        );
        return 0;
      }
      case 'add-user': {
        const [name] = rest;
        const role = ServerRoleSchema.safeParse(values.role);
        if (!name || !values.initials || !role.success)
          throw new ServerError('bad-request', `add-user needs NAME --initials I --role ${SERVER_ROLES.join('|')}.`);
        await migrate(db);
        const { account, password } = await addAccount(db, {
          name,
          initials: values.initials,
          role: role.data,
          desks: values.desk,
        });
        io.out(
          values.json
            ? JSON.stringify({ account, password })
            : `added ${account.name} (${account.role}); password, shown once: ${password}`,
        );
        return 0;
      }
      case 'list-users': {
        const accounts = await listAccounts(db);
        io.out(
          values.json
            ? JSON.stringify(accounts)
            : accounts
                .map(
                  (a) =>
                    `${a.name.padEnd(24)} ${a.initials.padEnd(6)} ${a.role.padEnd(10)} ${a.desks.join(', ') || '-'}${a.revokedAt ? '  (revoked)' : ''}`,
                )
                .join('\n'),
        );
        return 0;
      }
      case 'revoke': {
        const account = await revokeAccount(db, rest[0] ?? '');
        io.out(values.json ? JSON.stringify(account) : `revoked ${account.name} and every device it signed in from`);
        return 0;
      }
      case 'backup': {
        if (!values.out) throw new ServerError('bad-request', 'backup needs --out FILE.');
        const done = await backupDatabase(url, path.resolve(values.out));
        io.out(values.json ? JSON.stringify(done) : `backed up to ${done.file} (${(done.bytes / 1024).toFixed(0)} KB)`);
        return 0;
      }
      case 'restore': {
        if (!rest[0]) throw new ServerError('bad-request', 'restore needs the backup FILE.');
        if (!values.replace)
          throw new ServerError(
            'bad-request',
            'restore replaces everything in the database with the backup: say so with --replace.',
          );
        await restoreDatabase(url, path.resolve(rest[0]));
        io.out(values.json ? JSON.stringify({ restored: path.resolve(rest[0]) }) : `restored ${path.resolve(rest[0])}`);
        return 0;
      }
      case 'set-password': {
        await setPassword(db, rest[0] ?? '', await readPassword(io));
        io.out(`password set for ${rest[0]}`);
        return 0;
      }
      default:
        io.err(USAGE);
        return 2;
    }
  } finally {
    await db.end();
  }
}
