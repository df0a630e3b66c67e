// byline-server speaking HTTPS with a certificate and key, as an operator starts it without a
// TLS proxy: sign-in, the API and the live socket over TLS, two desktops' login and sync of an
// article with a picture (compared by content), plain HTTP refused, and a missing or
// wrong file named before anything listens. The certificate is made for the test by openssl.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addAccount } from '../../src/server/accounts';
import { migrate } from '../../src/server/db/migrations';
import { NO_POSTGRES, usePostgres } from '../helpers/postgres';
import { missingPrerequisite } from '../helpers/prerequisites';
import { Store } from '../../src/main/store/store';
import { storePhoto } from '../../src/main/media/storePhoto';
import { seedArticle } from '../helpers/articles';
import { jpegOf } from '../helpers/images';
import { serverContent, storeContent, syncProblems } from '../helpers/syncContent';
import { bylineAsync } from '../main/cli/run';

const BIN = path.resolve('bin/byline-server.cjs');
const NO_OPENSSL =
  spawnSync('openssl', ['version']).status === 0
    ? null
    : missingPrerequisite(
        "the newsroom server's TLS test",
        'openssl was not found (apt-get install openssl); the test makes its certificate with it',
      );
const SKIP = NO_POSTGRES ?? NO_OPENSSL;

/** A self-signed certificate for 127.0.0.1 and its key, in a temp folder. */
function selfSigned(dir: string, name: string): { cert: string; key: string } {
  const cert = path.join(dir, `${name}.crt`);
  const key = path.join(dir, `${name}.key`);
  const r = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`openssl: ${r.stderr}`);
  return { cert, key };
}

function request(
  url: string,
  options: https.RequestOptions,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = (url.startsWith('https:') ? https : http).request(
      url,
      { ...options, headers: { 'content-type': 'application/json', ...options.headers } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text || '{}') as Record<string, unknown> }),
        );
      },
    );
    req.once('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe.skipIf(!!SKIP)('byline-server over TLS', () => {
  const pgs = usePostgres();

  it(
    "serves sign-in, the API, the live socket and a desktop's sync over HTTPS with the given certificate; refuses plain HTTP; names a missing or wrong file",
    { timeout: 60_000 },
    async () => {
      await migrate(pgs.db());
      const { password } = await addAccount(pgs.db(), {
        name: 'Tina TLS',
        initials: 'tt',
        role: 'journalist',
        desks: ['Politik'],
      });
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-tls-'));
      const pair = selfSigned(dir, 'server');
      const other = selfSigned(dir, 'other');
      const pg = ['--pg', pgs.cluster().url];

      const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [
        BIN,
        'start',
        '--port',
        '0',
        '--cert',
        pair.cert,
        '--key',
        pair.key,
        ...pg,
      ]);
      let out = '';
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /listening on (\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', () => reject(new Error(out)));
      });
      try {
        expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        const ca = fs.readFileSync(pair.cert);
        const signedIn = await request(
          `${url}/api/v1/sign-in`,
          { method: 'POST', ca },
          { name: 'Tina TLS', password, device: 'Laptop' },
        );
        expect(signedIn).toMatchObject({ status: 201, json: { account: { name: 'Tina TLS' } } });
        const token = String(signedIn.json.token);
        expect(await request(`${url}/api/v1/me`, { ca, headers: { authorization: `Bearer ${token}` } })).toMatchObject({
          status: 200,
          json: { account: { name: 'Tina TLS' } },
        });
        // A client that does not trust the certificate gets no answer at all.
        await expect(request(`${url}/api/v1/me`, {})).rejects.toThrow(/self-signed|certificate/i);
        // Plain HTTP on the same port is not served.
        await expect(request(`${url.replace('https:', 'http:')}/api/v1/me`, {})).rejects.toThrow();
        // The live socket is WSS on the same certificate.
        const ws = new WebSocket(`${url.replace('https:', 'wss:')}/api/v1/live`, {
          ca,
          headers: { authorization: `Bearer ${token}` },
        });
        await new Promise<void>((resolve, reject) => (ws.once('open', () => resolve()), ws.once('error', reject)));
        ws.close();

        // A desktop whose machine trusts the certificate (here through NODE_EXTRA_CA_CERTS, as a
        // newsroom's own CA would be installed) signs in and syncs over HTTPS.
        // What goes out is an article with a picture, and a second machine takes both in.
        const db = path.join(dir, 'desktop.db');
        const other = path.join(dir, 'other.db');
        const written = Store.open(db);
        const { asset } = await storePhoto(written, await jpegOf(320, 200), 'tls.jpg', 'file');
        const article = written.articles.create(
          { ...seedArticle(asset.id), headline: 'Über TLS geschickt' },
          'Tina TLS',
        );
        written.close();
        const byline = (store: string, args: string[], input = '') =>
          bylineAsync(['--db', store, ...args], { input, env: { NODE_EXTRA_CA_CERTS: pair.cert } });
        // A machine that does not trust the certificate is told so, not "fetch failed".
        expect(
          await bylineAsync(['--db', path.join(dir, 'untrusting.db'), 'login', url, '--user', 'Tina TLS'], {
            input: `${password}\n`,
          }),
        ).toMatchObject({
          code: 1,
          stderr: expect.stringContaining('shows a certificate this machine does not trust'),
        });
        for (const store of [db, other]) {
          expect(await byline(store, ['login', url, '--user', 'Tina TLS'], `${password}\n`)).toMatchObject({
            code: 0,
            stdout: expect.stringContaining(`signed in to ${url}`),
          });
          expect(await byline(store, ['sync', '--once'])).toMatchObject({ code: 0 });
        }
        const [a, b] = [Store.open(db), Store.open(other)];
        try {
          expect(b.articles.get(article.id).headline).toBe('Über TLS geschickt');
          expect(b.assets.read(asset.id).equals(a.assets.read(asset.id))).toBe(true);
          const contents = new Map([
            ['writer', storeContent(a)],
            ['reader', storeContent(b)],
          ]);
          expect(syncProblems(contents, await serverContent(pgs.db()))).toEqual([]);
        } finally {
          a.close();
          b.close();
        }
      } finally {
        child.kill('SIGTERM');
      }

      const start = (...args: string[]) =>
        spawnSync(process.execPath, [BIN, 'start', '--port', '0', ...args, ...pg], {
          encoding: 'utf8',
          timeout: 30_000,
        });
      expect(start('--cert', pair.cert)).toMatchObject({
        status: 1,
        stderr: expect.stringContaining('HTTPS needs both --cert'),
      });
      expect(start('--cert', pair.cert, '--key', path.join(dir, 'missing.key'))).toMatchObject({
        status: 1,
        stderr: expect.stringContaining('The key cannot be read'),
      });
      expect(start('--cert', pair.cert, '--key', other.key)).toMatchObject({
        status: 1,
        stderr: expect.stringContaining('are not a certificate and its key'),
      });
      expect(start('--cert', pair.key, '--key', pair.key)).toMatchObject({
        status: 1,
        stderr: expect.stringContaining('are not a certificate and its key'),
      });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );
});
