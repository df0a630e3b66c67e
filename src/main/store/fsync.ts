import fs from 'node:fs';
import path from 'node:path';

/** Writes a file so that after return it is on disk under its final name, or not there at all. */
export function writeFileDurably(file: string, data: Uint8Array | string, mode = 0o644): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w', mode);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    // The person named the target, not the temp file beside it (a failed write names no file).
    const e = error as NodeJS.ErrnoException;
    if (e.code && (!e.path || e.path === tmp)) e.path = file;
    throw error;
  }
  fsyncDirectory(path.dirname(file));
}

/** Makes a rename or a new file in `dir` durable (a no-op where directories cannot be opened). */
export function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot fsync a directory; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
