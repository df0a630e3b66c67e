// Backups of the newsroom's database with PostgreSQL's own tools: pg_dump's custom format
// (compressed, restorable table by table) written beside its target and renamed when whole, and
// pg_restore to bring one back. The database is the server's whole state, pictures included.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { dirOnPath, findPostgresBin } from './binaries';

const run = promisify(execFile);

/** A PostgreSQL client program: on the PATH, or beside the server's programs. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const onPath = dirOnPath(name);
  if (onPath) return path.join(onPath, name);
  const bin = findPostgresBin();
  if (bin && fs.existsSync(path.join(bin, name))) return path.join(bin, name);
  throw new Error(`${name} was not found; install PostgreSQL's client programs (apt-get install postgresql-client).`);
}

/** Writes a backup of the database to `file`; a failed or interrupted dump leaves no file behind. */
export async function backupDatabase(url: string, file: string): Promise<{ file: string; bytes: number }> {
  const partial = `${file}.partial`;
  try {
    await run(pgTool('pg_dump'), ['--format=custom', `--file=${partial}`, `--dbname=${url}`], {
      maxBuffer: 16 * 1024 * 1024,
    });
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new Error(
      `The backup failed: ${((error as { stderr?: string }).stderr || (error as Error).message).trim()}`,
      { cause: error },
    );
  }
  return { file, bytes: fs.statSync(file).size };
}

/** Replaces the database's contents with a backup's (servers should be stopped meanwhile). */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`There is no backup at ${file}.`);
  try {
    await run(
      pgTool('pg_restore'),
      ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${url}`, file],
      { maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    throw new Error(
      `The restore failed, and the database is as it was: ${((error as { stderr?: string }).stderr || (error as Error).message).trim()}`,
      { cause: error },
    );
  }
}
