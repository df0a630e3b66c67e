import { BylineError } from '../../shared/errors';
import { translateFileError } from '../fileErrors';

/**
 * Translates SQLite's error codes into messages a journalist can act on. The original error stays
 * attached as `cause` for logs.
 */
export function translateSqliteError(error: unknown, file: string): BylineError {
  if (error instanceof BylineError) return error;
  // A file-system call's own error (it names its syscall and path), e.g. while copying images.
  const fileError = (error as { syscall?: unknown })?.syscall ? translateFileError(error) : null;
  if (fileError) return fileError;
  const code = (error as { code?: unknown })?.code;
  const raw = error instanceof Error ? error.message : String(error);
  const c = typeof code === 'string' ? code : '';
  if (c === 'SQLITE_FULL' || /ENOSPC|EFBIG/.test(c))
    return new BylineError(
      'disk-full',
      `The disk holding ${file} is full: the change was not saved and the store is unchanged. Free some space and save again.`,
      undefined,
      { cause: error },
    );
  if (c === 'SQLITE_NOTADB')
    return new BylineError(
      'store-not-sqlite',
      `${file} is not a Byline database (it is not an SQLite file). Nothing was changed.`,
      undefined,
      { cause: error },
    );
  if (c.startsWith('SQLITE_CORRUPT'))
    return new BylineError(
      'store-corrupt',
      `${file} is damaged (${raw}). Restore it from a backup; Byline did not change it.`,
      undefined,
      { cause: error },
    );
  if (
    c.startsWith('SQLITE_READONLY') ||
    c === 'SQLITE_CANTOPEN' ||
    c === 'SQLITE_PERM' ||
    c === 'SQLITE_AUTH' ||
    /EACCES|EROFS|EPERM/.test(c)
  )
    return new BylineError(
      'store-readonly',
      `Byline cannot write to ${file} (${raw}). Check that the folder is writable.`,
      undefined,
      { cause: error },
    );
  if (c === 'SQLITE_IOERR_WRITE' || c === 'SQLITE_IOERR_FSYNC' || c === 'SQLITE_IOERR_TRUNCATE')
    return new BylineError(
      'io',
      `Writing to ${file} failed (${raw}); the disk may be full, over a size limit or failing. The change was not saved; the last acknowledged save is safe.`,
      undefined,
      { cause: error },
    );
  if (c.startsWith('SQLITE_IOERR'))
    return new BylineError(
      'io',
      `Reading or writing ${file} failed (${raw}). The last acknowledged save is safe.`,
      undefined,
      { cause: error },
    );
  if (c === 'SQLITE_BUSY' || c === 'SQLITE_LOCKED')
    return new BylineError('io', `${file} is busy in another program; try again in a moment.`, undefined, {
      cause: error,
    });
  return new BylineError('internal', `Unexpected database error in ${file}: ${raw}`, undefined, { cause: error });
}
