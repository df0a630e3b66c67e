import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface RunningApp {
  url: string;
  base: string;
  dbPath: string;
  dataDir: string;
  /** Stops the server at once (SIGKILL: as a crash or a closed terminal would) and keeps the data. */
  kill(): Promise<void>;
  /** Starts the server again on the same data folder; resolves with the address it printed. */
  restart(): Promise<string>;
  stop(): Promise<void>;
}

/** Runs `web.cjs` on a database and waits for the address it prints. */
async function spawnServer(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'dist', 'main', 'web.cjs'), '--db', dbPath], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 20_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`browser mode exited (${code}):\n${output}`)));
  });
  return { child, url };
}

const ended = (child: ChildProcess, signal: NodeJS.Signals) => {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  return exited.then(() => undefined);
};

/** Starts the browser mode exactly as `npm run web` does (the built bundle), on a fresh data folder (`prepare` may fill it first). */
export async function startBrowserMode(prepare?: (dbPath: string) => void): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-e2e-'));
  const dbPath = path.join(dataDir, 'byline.db');
  prepare?.(dbPath);
  let running = await spawnServer(dbPath);
  const app: RunningApp = {
    url: running.url,
    base: running.url.split('?')[0]!,
    dbPath,
    dataDir,
    kill: () => ended(running.child, 'SIGKILL'),
    restart: async () => {
      await ended(running.child, 'SIGKILL');
      running = await spawnServer(dbPath);
      return running.url;
    },
    stop: async () => {
      await ended(running.child, 'SIGTERM');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return app;
}

/** Debian's Chromium (or the one BYLINE_CHROMIUM names), with the flags this sandboxed machine needs. */
export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.BYLINE_CHROMIUM || '/usr/bin/chromium';
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
