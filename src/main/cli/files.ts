import fs from 'node:fs';
import { BylineError } from '../../shared/errors';

/** A file the CLI was given that cannot be read, in one line that names it. */
function unreadable(file: string, error: unknown): BylineError {
  const code = (error as NodeJS.ErrnoException).code;
  return new BylineError(
    'invalid-input',
    code === 'ENOENT' ? `${file}: no such file.` : `${file}: cannot read it (${code ?? (error as Error).message}).`,
  );
}

export function readTextFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw unreadable(file, error);
  }
}

/**
 * A file's bytes, its size checked against `maxBytes` before it is read into memory;
 * `tooLarge(size)` says why a larger one is refused.
 */
export function readFileBytes(file: string, maxBytes: number, tooLarge: (size: number) => string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw unreadable(file, error);
  }
  if (!stat.isFile()) throw new BylineError('invalid-input', `${file}: not a file.`);
  if (stat.size > maxBytes) throw new BylineError('invalid-input', tooLarge(stat.size));
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw unreadable(file, error);
  }
}
