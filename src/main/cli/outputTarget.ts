import fs from 'node:fs';
import path from 'node:path';
import { BylineError } from '../../shared/errors';

/** The store's own files: never a command's output, whatever it is told. */
function storeFiles(dbPath: string): { files: string[]; assets: string } {
  const db = path.resolve(dbPath);
  return { files: [db, `${db}-wal`, `${db}-shm`, `${db}-journal`], assets: `${db}-assets` };
}

const real = (p: string) => {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

/**
 * Where a command may write one file: a folder given (existing, or written with a trailing
 * slash) takes the default name; the store's database, its -wal/-shm and its assets are refused
 * even with --force; an existing file is replaced only with --force. Each refusal is a sentence
 * naming the path, and nothing is written.
 */
export function fileTarget(requested: string | undefined, opts: { dbPath: string; force: boolean; defaultName: string }): string {
  let target = path.resolve(requested ?? opts.defaultName);
  const asFolder = requested !== undefined && (/[\\/]$/.test(requested) || (fs.existsSync(target) && fs.statSync(target).isDirectory()));
  if (asFolder) target = path.join(target, opts.defaultName);
  const own = storeFiles(opts.dbPath);
  const resolved = real(target);
  const parentReal = path.join(real(path.dirname(target)), path.basename(target));
  for (const candidate of [target, resolved, parentReal]) {
    if (own.files.map(real).includes(candidate) || own.files.includes(candidate) || candidate.startsWith(`${real(own.assets)}${path.sep}`) || candidate.startsWith(`${own.assets}${path.sep}`)) {
      throw new BylineError('invalid-input', `${target} is one of the store's own files; Byline never writes over it. Nothing was written.`);
    }
  }
  if (fs.existsSync(target)) {
    if (fs.statSync(target).isDirectory()) throw new BylineError('invalid-input', `${target} is a folder; name a file inside it. Nothing was written.`);
    if (!opts.force) throw new BylineError('invalid-input', `${target} exists already; add --force to replace it. Nothing was written.`);
  }
  return target;
}

/** Where a command may write files: a folder (made when missing), never a file or the store's assets. */
export function folderTarget(requested: string | undefined, opts: { dbPath: string }): string {
  const target = path.resolve(requested ?? '.');
  if (fs.existsSync(target) && !fs.statSync(target).isDirectory()) throw new BylineError('invalid-input', `--out must be a folder, and ${target} is a file. Nothing was written.`);
  const assets = storeFiles(opts.dbPath).assets;
  if (real(target) === real(assets) || real(target).startsWith(`${real(assets)}${path.sep}`)) {
    throw new BylineError('invalid-input', `${target} is the store's own assets folder; Byline never writes there. Nothing was written.`);
  }
  return target;
}
