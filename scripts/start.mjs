#!/usr/bin/env node
// `npm start`: the desktop app where Electron's binary can be had; otherwise the same renderer and
// main-process handlers served on 127.0.0.1 for a browser, with a message saying why.
// `npm run web` (--web) goes straight to the browser mode.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2).filter((a) => a !== '--web');
const webOnly = process.argv.includes('--web');

/** Electron's npm package downloads its binary on first use; a failure means there is none here. */
function findElectron() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const binary = probe.stdout?.trim();
  if (probe.status === 0 && binary && fs.existsSync(binary)) return { binary };
  const lines = `${probe.stderr ?? ''}`.split('\n').filter((l) => /error|failed|ENOTFOUND|ECONN|EAI_AGAIN/i.test(l));
  return { reason: lines.slice(-1)[0]?.trim() || 'the Electron binary is not installed' };
}

function run(cmd, cmdArgs) {
  const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function startWeb() {
  run(process.execPath, [path.join(root, 'dist', 'main', 'web.cjs'), ...args]);
}

if (webOnly) {
  startWeb();
} else {
  const electron = findElectron();
  if (electron.binary) {
    const native = spawnSync(process.execPath, [path.join(root, 'scripts', 'native-electron.mjs')], {
      cwd: root,
      stdio: 'inherit',
    });
    if (native.status !== 0) {
      console.error('Could not build better-sqlite3 for Electron (see above); starting the browser mode instead.');
      startWeb();
    } else {
      run(electron.binary, [root, ...args]);
    }
  } else {
    console.log(
      [
        '',
        "Electron's binary is not available on this machine, so Byline starts in browser mode:",
        `  (${electron.reason})`,
        'The same app and data, served on 127.0.0.1 only, behind a per-run token.',
        'Open the address below in Chromium, Chrome, Firefox or Edge.',
        '',
      ].join('\n'),
    );
    startWeb();
  }
}
