import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs `fn` with a fresh folder of this process's own under the system's temporary folder (mode
 * 0700, as mkdtemp makes it), and removes the folder afterwards, also when `fn` fails. For the
 * files other programs must read or write: exiftool, Chromium.
 */
export async function inPrivateTempDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    return await fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
