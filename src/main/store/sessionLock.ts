import fs from 'node:fs';
import os from 'node:os';
import { BylineError } from '../../shared/errors';

/**
 * Who has the store open for a while (the desktop app, browser mode): a small file beside the
 * database. Short commands still share the store with it (SQLite and the revision check keep
 * their saves apart), but what would pull the store from under it, restoring a backup,
 * emptying the trash or migrating the schema, refuses while it runs, naming it.
 */
export interface SessionHolder {
  kind: string;
  pid: number;
  host: string;
  since: string;
}

const lockFile = (dbPath: string) => `${dbPath}.session`;

function alive(holder: SessionHolder): boolean {
  if (holder.host !== os.hostname()) return true; // another machine's process cannot be checked: assume it runs
  if (holder.pid === process.pid) return false; // this process: never in its own way
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live session holding the store, if any (a file left by a crashed one does not count). */
export function sessionHolder(dbPath: string): SessionHolder | null {
  try {
    const holder = JSON.parse(fs.readFileSync(lockFile(dbPath), 'utf8')) as SessionHolder;
    return typeof holder.pid === 'number' && alive(holder) ? holder : null;
  } catch {
    return null;
  }
}

/** Refuses `what` while another process holds the store. */
export function assertNoSession(dbPath: string, what: string): void {
  const holder = sessionHolder(dbPath);
  if (holder) {
    throw new BylineError(
      'conflict',
      `${what} is not possible while ${holder.kind} (process ${holder.pid}) has this store open, since ${holder.since}. Quit it first; nothing was changed.`,
      {
        holder,
      },
    );
  }
}

/** Takes the store for a long-running session; the returned function gives it back. */
export function holdSession(dbPath: string, kind: string): () => void {
  assertNoSession(dbPath, `Starting ${kind}`);
  const file = lockFile(dbPath);
  fs.writeFileSync(
    file,
    JSON.stringify({
      kind,
      pid: process.pid,
      host: os.hostname(),
      since: new Date().toISOString(),
    } satisfies SessionHolder),
  );
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      const now = JSON.parse(fs.readFileSync(file, 'utf8')) as SessionHolder;
      if (now.pid === process.pid) fs.rmSync(file, { force: true });
    } catch {
      // gone already
    }
  };
}
