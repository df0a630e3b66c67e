import fs from 'node:fs';
import path from 'node:path';
import { BylineError } from '../../shared/errors';

const real = (p: string) => {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

/** A path as the file system will resolve it, also when the file does not exist yet (its folder may be a link). */
const resolvedTarget = (p: string) => path.join(real(path.dirname(p)), path.basename(p));

/**
 * Whether `target` is one of the store's own files (the database, its -wal, -shm and -journal)
 * or inside its assets folder: never a command's output, whatever it is told.
 */
function isStoreFile(target: string, dbPath: string): boolean {
  // Each path as written and as resolved through links, so a link cannot lead a write onto the store.
  const forms = (p: string) => [resolvedTarget(path.resolve(p)), real(p)];
  const files = forms(dbPath)
    .flatMap((db) => [db, `${db}-wal`, `${db}-shm`, `${db}-journal`])
    .flatMap(forms);
  const assets = forms(`${dbPath}-assets`);
  return forms(target).some(
    (at) => files.includes(at) || assets.some((a) => at === a || at.startsWith(`${a}${path.sep}`)),
  );
}

/**
 * Where a command may write one file: a folder given (existing, or written with a trailing
 * slash) takes the default name; the store's database, its -wal/-shm and its assets are refused
 * even with --force; an existing file is replaced only with --force. Each refusal is a sentence
 * naming the path, and nothing is written.
 */
export function fileTarget(
  requested: string | undefined,
  opts: { dbPath: string; force: boolean; defaultName: string },
): string {
  let target = path.resolve(requested ?? opts.defaultName);
  const asFolder =
    requested !== undefined &&
    (/[\\/]$/.test(requested) || (fs.existsSync(target) && fs.statSync(target).isDirectory()));
  if (asFolder) target = path.join(target, opts.defaultName);
  if (isStoreFile(target, opts.dbPath)) {
    throw new BylineError(
      'invalid-input',
      `${target} is one of the store's own files; Byline never writes over it. Nothing was written.`,
    );
  }
  if (fs.existsSync(target)) {
    if (fs.statSync(target).isDirectory())
      throw new BylineError('invalid-input', `${target} is a folder; name a file inside it. Nothing was written.`);
    if (!opts.force)
      throw new BylineError(
        'invalid-input',
        `${target} exists already; add --force to replace it. Nothing was written.`,
      );
  }
  return target;
}

/** Where a command may write files: a folder (made when missing), never a file or the store's assets. */
export function folderTarget(requested: string | undefined, opts: { dbPath: string }): string {
  const target = path.resolve(requested ?? '.');
  if (fs.existsSync(target) && !fs.statSync(target).isDirectory())
    throw new BylineError('invalid-input', `--out must be a folder, and ${target} is a file. Nothing was written.`);
  if (isStoreFile(target, opts.dbPath)) {
    throw new BylineError(
      'invalid-input',
      `${target} is the store's own assets folder; Byline never writes there. Nothing was written.`,
    );
  }
  return target;
}
