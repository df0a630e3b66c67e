import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileDurably } from '../store/fsync';

/** The browser mode's address for one data folder: the same port and token after a restart, so an open tab reconnects by itself and keeps its origin (and with it the page's own journal). */
export interface BrowserSession {
  port: number;
  token: string;
}

const FILE = 'browser-session.json';

/** The session kept beside the database, or a new one (port 0: any free port). A damaged file is replaced, never trusted. */
export function loadBrowserSession(dataDir: string): BrowserSession {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dataDir, FILE), 'utf8')) as Partial<BrowserSession>;
    if (
      Number.isInteger(raw.port) &&
      raw.port! > 1023 &&
      raw.port! < 65536 &&
      typeof raw.token === 'string' &&
      /^[\w-]{32}$/.test(raw.token)
    ) {
      return { port: raw.port!, token: raw.token };
    }
  } catch {
    // none yet, or unreadable: a new one
  }
  return { port: 0, token: crypto.randomBytes(24).toString('base64url') };
}

/** Keeps the session for the next start; readable by this user only, as the token is the way in. */
export function saveBrowserSession(dataDir: string, session: BrowserSession): void {
  writeFileDurably(path.join(dataDir, FILE), JSON.stringify(session), 0o600);
}
