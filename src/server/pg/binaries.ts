import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The first folder on the PATH that holds all of `programs`, or null. */
export function dirOnPath(...programs: string[]): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && programs.every((p) => fs.existsSync(path.join(dir, p)))) return dir;
  }
  return null;
}

/**
 * The folder with PostgreSQL's server programs (initdb, pg_ctl): on the PATH, or where Debian's
 * `postgresql` package puts them (/usr/lib/postgresql/<version>/bin, newest first). Null when
 * PostgreSQL is not installed.
 */
export function findPostgresBin(): string | null {
  const onPath = dirOnPath('initdb', 'pg_ctl');
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const dir = path.join(root, v, 'bin');
    if (fs.existsSync(path.join(dir, 'initdb'))) return dir;
  }
  return null;
}

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user Debian's package creates. */
export function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      "PostgreSQL cannot run as root, and there is no `postgres` user to run it as (install Debian's postgresql package).",
    );
  }
}
