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
  stop(): Promise<void>;
}

/** Starts the browser mode exactly as `npm run web` does (the built bundle), on a fresh data folder. */
export async function startBrowserMode(): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-e2e-'));
  const dbPath = path.join(dataDir, 'byline.db');
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
  return {
    url,
    base: url.split('?')[0]!,
    dbPath,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium (or the one BYLINE_CHROMIUM names), with the flags this sandboxed machine needs. */
export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.BYLINE_CHROMIUM || '/usr/bin/chromium';
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
