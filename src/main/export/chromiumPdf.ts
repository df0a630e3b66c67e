import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BylineError } from '../../shared/errors';
import { inPrivateTempDir } from '../privateTemp';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** A Chromium or Chrome on this machine: $BYLINE_CHROMIUM, else the usual places. */
export function findChromiumBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.BYLINE_CHROMIUM;
  if (configured && fs.existsSync(configured)) return configured;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

/**
 * Prints HTML to PDF with headless Chromium, for the CLI and the browser mode (the desktop app
 * prints with Electron's own Chromium). A fresh profile, no network, no extensions; the page is
 * Byline's own export, which carries no scripts and a CSP that forbids loading anything.
 */
export async function chromiumPrintToPdf(html: string, timeoutMs = 60_000): Promise<Uint8Array> {
  const binary = findChromiumBinary();
  if (!binary)
    throw new BylineError(
      'io',
      'A PDF proof needs Chromium or Chrome: install it (Debian: apt-get install chromium) or set BYLINE_CHROMIUM to its binary.',
    );
  return inPrivateTempDir('byline-pdf-', async (dir) => {
    const page = path.join(dir, 'proof.html');
    const out = path.join(dir, 'proof.pdf');
    fs.writeFileSync(page, html);
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-sync',
      '--proxy-server=127.0.0.1:9', // nothing is fetched; a stray request fails at once
      `--user-data-dir=${path.join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${out}`,
      // Chromium refuses to start as root with its sandbox; root runs are CI containers.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      `file://${page}`,
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new BylineError('io', `Chromium could not be started for the PDF proof (${error.message}).`));
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        if (code === 0 && fs.existsSync(out)) resolve();
        else
          reject(
            new BylineError(
              'io',
              `Chromium could not print the PDF proof (exit ${code ?? 'killed'}): ${stderr.trim().split('\n').pop() ?? ''}`,
            ),
          );
      });
    });
    return fs.readFileSync(out);
  });
}
