// Finds a Chromium for the end-to-end tests: Playwright's own download if present, else the
// system's. On Debian as root it installs the `chromium` package; otherwise it says what to run.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const SYSTEM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

function playwrightChromium() {
  try {
    const out = execFileSync(
      process.execPath,
      ['-e', "process.stdout.write(require('playwright-core').chromium.executablePath())"],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    return out && fs.existsSync(out) ? out : null;
  } catch {
    return null;
  }
}

export function findChromium({ install = true } = {}) {
  if (process.env.BYLINE_CHROMIUM && fs.existsSync(process.env.BYLINE_CHROMIUM)) {
    return { path: process.env.BYLINE_CHROMIUM, source: 'BYLINE_CHROMIUM' };
  }
  const own = playwrightChromium();
  if (own) return { path: own, source: "Playwright's browser" };
  const system = SYSTEM.find((p) => fs.existsSync(p));
  if (system) return { path: system, source: 'system browser' };

  const isDebian = fs.existsSync('/etc/debian_version');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (install && isDebian && isRoot) {
    console.log("No Chromium found; installing Debian's chromium package (apt-get install chromium)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    if (r.status === 0 && fs.existsSync('/usr/bin/chromium'))
      return { path: '/usr/bin/chromium', source: 'installed with apt-get' };
  }
  return {
    path: null,
    message: isDebian
      ? 'No Chromium found for the end-to-end tests. Run: sudo apt-get install chromium   (or set BYLINE_CHROMIUM to a Chromium or Chrome binary)'
      : 'No Chromium found for the end-to-end tests. Install Chromium or Chrome, or set BYLINE_CHROMIUM to its binary.',
  };
}
