// byline-server as an operator runs it: real processes against a real PostgreSQL on 127.0.0.1.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_POSTGRES, usePostgres } from '../helpers/postgres';
import { commentRecord } from '../helpers/syncRecords';

const BIN = path.resolve('bin/byline-server.cjs');

function server(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts a long-running command and waits for a line of its output to match. */
async function startUntil(
  args: string[],
  ready: RegExp,
): Promise<{ child: ChildProcessWithoutNullStreams; output: () => string; match: RegExpExecArray }> {
  const child = spawn(process.execPath, [BIN, ...args]);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready: ${out}`)), 60_000);
    const check = () => {
      const m = ready.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve(m);
    };
    child.stdout.on('data', check);
    child.once('exit', () => (clearTimeout(timer), reject(new Error(`exited: ${out}`))));
  });
  return { child, output: () => out, match };
}

const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

async function call(url: string, method: string, route: string, body?: unknown, token?: string) {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe.skipIf(!!NO_POSTGRES)('byline-server', () => {
  const pgs = usePostgres();

  it('manages accounts and serves sign-in: every request but sign-in needs a device token; revoking stops it', async () => {
    const pg = ['--pg', pgs.cluster().url];
    const added = server([
      'add-user',
      'Anna Muster',
      '--initials',
      'am',
      '--role',
      'journalist',
      '--desk',
      'Politik',
      '--json',
      ...pg,
    ]);
    expect(added.code).toBe(0);
    const { password } = JSON.parse(added.stdout) as { password: string };
    expect(server(['add-user', 'Ben', '--initials', 'bd', '--role', 'chef', ...pg])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--role journalist|desk|photo|admin'),
    });
    expect(JSON.parse(server(['list-users', '--json', ...pg]).stdout)).toMatchObject([
      { name: 'Anna Muster', initials: 'am', role: 'journalist', desks: ['Politik'], revokedAt: null },
    ]);

    const { child, match } = await startUntil(['start', '--port', '0', ...pg], /listening on (http:\/\/\S+)/);
    const url = match[1]!;
    try {
      expect(await call(url, 'GET', '/api/v1/me')).toMatchObject({
        status: 401,
        body: { error: { code: 'unauthenticated' } },
      });
      expect(
        await call(url, 'POST', '/api/v1/sign-in', { name: 'Anna Muster', password: 'falsch', device: 'Laptop' }),
      ).toMatchObject({ status: 401 });
      expect(await call(url, 'POST', '/api/v1/sign-in', '{"name": "Anna Muster", ')).toMatchObject({
        status: 400,
        body: { error: { code: 'bad-request', message: 'The body is not valid JSON.' } },
      });
      expect(
        await call(url, 'POST', '/api/v1/sign-in', { name: 'Anna Muster', password, device: 'Laptop', admin: true }),
      ).toMatchObject({ status: 400 });
      expect(
        await call(url, 'POST', '/api/v1/sign-in', {
          name: 'Anna Muster',
          password: 'x'.repeat(2 * 1024 * 1024),
          device: 'Laptop',
        }),
      ).toMatchObject({ status: 413, body: { error: { code: 'too-large' } } });
      expect(await call(url, 'GET', '/api/v1/nothing')).toMatchObject({
        status: 404,
        body: { error: { code: 'not-found' } },
      });

      const signedIn = await call(url, 'POST', '/api/v1/sign-in', { name: 'Anna Muster', password, device: 'Laptop' });
      expect(signedIn).toMatchObject({ status: 201, body: { account: { name: 'Anna Muster', role: 'journalist' } } });
      const token = String(signedIn.body.token);
      expect(await call(url, 'GET', '/api/v1/me', undefined, token)).toMatchObject({
        status: 200,
        body: { account: { name: 'Anna Muster' } },
      });

      // Sync over HTTP: a push checked by the shared schema, then pulled back with its number.
      const articleId = crypto.randomUUID();
      expect(
        await call(url, 'POST', '/api/v1/push', { records: [{ kind: 'comment', id: 'not-a-uuid' }] }, token),
      ).toMatchObject({ status: 400, body: { error: { code: 'bad-request' } } });
      const comment = commentRecord(articleId, 'Erster Kommentar');
      expect(await call(url, 'POST', '/api/v1/push', { records: [comment] }, token)).toMatchObject({
        status: 200,
        body: { refused: [{ code: 'bad-request' }] },
      });
      expect(await call(url, 'GET', '/api/v1/pull?since=0&limit=10', undefined, token)).toMatchObject({
        status: 200,
        body: { records: [], cursor: 0, more: false },
      });
      expect(await call(url, 'GET', '/api/v1/pull?since=-1', undefined, token)).toMatchObject({ status: 400 });

      expect(server(['revoke', 'Anna Muster', ...pg])).toMatchObject({
        code: 0,
        stdout: 'revoked Anna Muster and every device it signed in from\n',
      });
      expect(await call(url, 'GET', '/api/v1/me', undefined, token)).toMatchObject({ status: 401 });

      // A new password from standard input, as a script sets it.
      server(['add-user', 'Carla Foto', '--initials', 'cf', '--role', 'photo', ...pg]);
      expect(server(['set-password', 'Carla Foto', ...pg], 'ein langes neues Passwort\n')).toMatchObject({ code: 0 });
      expect(
        await call(url, 'POST', '/api/v1/sign-in', {
          name: 'Carla Foto',
          password: 'ein langes neues Passwort',
          device: 'PC',
        }),
      ).toMatchObject({ status: 201 });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited(child)).toBe(0);
  });

  it('backs the database up with pg_dump and restores it only when told to replace it', () => {
    const pg = ['--pg', pgs.cluster().url];
    expect(server(['add-user', 'Vor der Sicherung', '--initials', 'vs', '--role', 'desk', ...pg]).code).toBe(0);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'byline-pgdump-')), 'newsroom.dump');
    const backup = server(['backup', '--out', file, '--json', ...pg]);
    expect(backup).toMatchObject({ code: 0 });
    expect(JSON.parse(backup.stdout)).toMatchObject({ file, bytes: fs.statSync(file).size });
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('PGDMP');
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    expect(server(['add-user', 'Nach der Sicherung', '--initials', 'ns', '--role', 'desk', ...pg]).code).toBe(0);
    expect(server(['restore', file, ...pg])).toMatchObject({ code: 1, stderr: expect.stringContaining('--replace') });
    expect(server(['restore', path.join(path.dirname(file), 'missing.dump'), '--replace', ...pg])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no backup at'),
    });
    expect(server(['restore', file, '--replace', ...pg])).toMatchObject({ code: 0 });
    const names = (JSON.parse(server(['list-users', '--json', ...pg]).stdout) as { name: string }[]).map((a) => a.name);
    expect(names).toContain('Vor der Sicherung');
    expect(names).not.toContain('Nach der Sicherung');
  });

  it('refuses plain HTTP beyond loopback unless told; behind a TLS proxy the sign-in limit counts the address the proxy forwards', async () => {
    const pg = ['--pg', pgs.cluster().url];
    expect(server(['start', '--host', '0.0.0.0', '--port', '0', ...pg])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('without TLS would send passwords and device tokens readable'),
    });
    const insecure = await startUntil(
      ['start', '--host', '0.0.0.0', '--port', '0', '--insecure-http', ...pg],
      /listening on/,
    );
    insecure.child.kill('SIGTERM');
    await exited(insecure.child);
    expect(insecure.output()).toContain('warning: listening on 0.0.0.0 without TLS (--insecure-http)');

    const { password } = JSON.parse(
      server(['add-user', 'Petra Proxy', '--initials', 'pp', '--role', 'journalist', '--json', ...pg]).stdout,
    ) as { password: string };
    const proxied = await startUntil(
      ['start', '--host', '0.0.0.0', '--port', '0', '--behind-proxy', ...pg],
      /listening on http:\/\/0\.0\.0\.0:(\d+)/,
    );
    try {
      expect(proxied.output()).not.toContain('warning');
      const url = `http://127.0.0.1:${proxied.match[1]}`;
      const signIn = (name: string, pw: string, from: string) =>
        fetch(`${url}/api/v1/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.9.9, ${from}` },
          body: JSON.stringify({ name, password: pw, device: 'x' }),
        }).then((r) => r.status);
      // Five wrong guesses from one person behind the proxy…
      for (let i = 0; i < 5; i++) expect(await signIn(`Niemand ${i}`, 'falsch', '203.0.113.7')).toBe(401);
      // …stop that person, not everyone else behind the same proxy.
      expect(await signIn('Petra Proxy', password, '203.0.113.7')).toBe(429);
      expect(await signIn('Petra Proxy', password, '203.0.113.8')).toBe(201);
    } finally {
      proxied.child.kill('SIGTERM');
      await exited(proxied.child);
    }
  });
});

describe.skipIf(!!NO_POSTGRES)('npm run server:try', () => {
  it('starts a throw-away PostgreSQL and a server, prints where to join and a first admin, and removes it all on Ctrl+C', async () => {
    const { child, match, output } = await startUntil(['try'], /Join:\s+(http:\/\/\S+)\nAdmin:\s+admin \/ (\S+)/);
    const [, url, password] = match;
    const dir = /PostgreSQL in (\S+);/.exec(output())![1]!;
    expect(fs.existsSync(dir)).toBe(true);
    expect(await call(url!, 'POST', '/api/v1/sign-in', { name: 'admin', password, device: 'try' })).toMatchObject({
      status: 201,
      body: { account: { role: 'admin' } },
    });
    child.kill('SIGINT');
    expect(await exited(child)).toBe(0);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
