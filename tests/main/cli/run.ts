import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve(import.meta.dirname, '..', '..', '..', 'bin', 'byline.cjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `byline` command (the built bundle) in a child process. */
export function byline(args: string[], options: SpawnSyncOptions & { env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    ...options,
    env: { ...process.env, BYLINE_DB: '', ...options.env },
  });
  return { code: r.status ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}
