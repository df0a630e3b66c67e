import { BylineError } from '../shared/errors';

/**
 * Node's file-system errors as sentences a person can act on, naming the path; other errors stay
 * as they are (null). Used where every command's failure is reported (the CLI, the IPC door), so
 * a full disk during an export never reads "internal … ENOSPC".
 */
export function translateFileError(error: unknown): BylineError | null {
  if (error instanceof BylineError || !(error instanceof Error)) return null;
  const { code, path: file } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string') return null;
  const where = file ?? 'the file';
  const options = { cause: error };
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return new BylineError(
        'disk-full',
        `The disk holding ${where} is full (or over its quota): it was not written, and the store is unchanged. Free some space and try again.`,
        undefined,
        options,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new BylineError(
        'io',
        `Byline may not write to ${where} (${code === 'EROFS' ? 'a read-only disk' : 'no permission'}); choose a folder you can write to. The store is unchanged.`,
        undefined,
        options,
      );
    case 'ENOENT':
      return new BylineError(
        'io',
        `${where} does not exist, or its folder cannot hold new files; choose another place. The store is unchanged.`,
        undefined,
        options,
      );
    case 'ENOTDIR':
      return new BylineError(
        'io',
        `Part of ${where} is a file, not a folder; choose another place. The store is unchanged.`,
        undefined,
        options,
      );
    case 'EISDIR':
      return new BylineError('io', `${where} is a folder; name a file. The store is unchanged.`, undefined, options);
    case 'EEXIST':
      return new BylineError(
        'io',
        `${where} already exists; choose another name. The store is unchanged.`,
        undefined,
        options,
      );
    case 'EIO':
      return new BylineError(
        'io',
        `Reading or writing ${where} failed (the disk reported an error). The store is unchanged.`,
        undefined,
        options,
      );
    default:
      return null;
  }
}

/** What to print for one item of a batch that failed (one export, one import file). */
export function failureMessage(error: unknown): string {
  const e = translateFileError(error) ?? error;
  return e instanceof BylineError ? e.message : String(e);
}
