import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Database } from 'better-sqlite3';
import type { AssetStore } from './assets';

const ASSET_ID = /[0-9a-f]{64}/g;
const RENDITION = /^([0-9a-f]{64})\.(thumbnail|display)\.webp$/;
/** writeFileDurably's temp files: `.NAME.PID.tmp`. */
const TEMP_FILE = /^\.[^/]+\.\d+\.tmp$/;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A temp file younger than this may still be being written by a running Byline. */
const TEMP_FILE_AGE_MS = 10 * 60 * 1000;

function oldTempFile(file: string): boolean {
  if (!TEMP_FILE.test(path.basename(file))) return false;
  try {
    return Date.now() - fs.statSync(file).mtimeMs > TEMP_FILE_AGE_MS;
  } catch {
    return false;
  }
}

/**
 * Every picture some article may still need: any revision of any article (the trash included),
 * the typing journal (a picture dropped in but not saved yet) and package versions waiting for a
 * choice. The journal and the packages are read as text for anything shaped like an id, which can
 * only keep more, never less.
 */
export function picturesInUse(db: Database): Set<string> {
  const used = new Set(db.prepare('SELECT DISTINCT asset_id FROM revision_assets').pluck().all() as string[]);
  for (const doc of db.prepare('SELECT doc FROM journal').pluck().iterate() as IterableIterator<string>) {
    for (const id of doc.match(ASSET_ID) ?? []) used.add(id);
  }
  for (const blob of db
    .prepare('SELECT revisions FROM incoming_versions')
    .pluck()
    .iterate() as IterableIterator<Buffer>) {
    for (const id of zlib.inflateRawSync(blob).toString('utf8').match(ASSET_ID) ?? []) used.add(id);
  }
  return used;
}

/** A picture's file and its renditions; what is already gone is no error. */
function removeFiles(assets: AssetStore, id: string): void {
  for (const file of [assets.pathOf(id), assets.renditionPath(id, 'thumbnail'), assets.renditionPath(id, 'display')]) {
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // left for `byline check --repair`, which lists and removes files without rows
    }
  }
}

/**
 * Removes the rows of pictures nothing uses and that have been stored longer than `keepDays`, in
 * the caller's transaction; returns the ids. Their files go only after that transaction commits
 * (`removePictureFiles`), so a crash in between leaves files without rows, never rows without files.
 */
export function deleteUnusedPictureRows(db: Database, now: Date, keepDays: number): string[] {
  const used = picturesInUse(db);
  const cutoff = new Date(now.getTime() - keepDays * DAY_MS).toISOString();
  const old = db.prepare('SELECT id FROM assets WHERE created_at <= ?').pluck().all(cutoff) as string[];
  const unused = old.filter((id) => !used.has(id));
  const del = db.prepare('DELETE FROM assets WHERE id = ?');
  for (const id of unused) del.run(id);
  return unused;
}

export function removePictureFiles(assets: AssetStore, ids: readonly string[]): void {
  for (const id of ids) removeFiles(assets, id);
}

export interface AssetFolderReport {
  /** Picture files (named by their hash) with no row in the store. */
  filesWithoutRows: string[];
  /** Pictures the store lists whose file is gone. */
  rowsWithoutFiles: string[];
  /** Renditions of pictures the store does not list, and temp files a crash left behind. */
  strayFiles: string[];
}

/** Compares the assets folder with the assets table, both ways. */
export function scanAssetFolder(db: Database, assets: AssetStore): AssetFolderReport {
  const rows = new Set(db.prepare('SELECT id FROM assets').pluck().all() as string[]);
  const report: AssetFolderReport = { filesWithoutRows: [], rowsWithoutFiles: [], strayFiles: [] };
  const seen = new Set<string>();
  const list = (dir: string) => {
    try {
      return fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
  };
  for (const shard of list(assets.dir)) {
    if (!shard.isDirectory() || !/^[0-9a-f]{2}$/.test(shard.name)) continue;
    const shardDir = path.join(assets.dir, shard.name);
    for (const entry of list(shardDir)) {
      const file = path.join(shardDir, entry.name);
      if (entry.isDirectory() && entry.name === 'renditions') {
        for (const r of list(file)) {
          const m = RENDITION.exec(r.name);
          if ((m && !rows.has(m[1]!)) || oldTempFile(path.join(file, r.name)))
            report.strayFiles.push(path.join(file, r.name));
        }
      } else if (entry.isFile() && /^[0-9a-f]{64}$/.test(entry.name)) {
        seen.add(entry.name);
        if (!rows.has(entry.name)) report.filesWithoutRows.push(file);
      } else if (entry.isFile() && oldTempFile(file)) {
        report.strayFiles.push(file);
      }
    }
  }
  for (const id of rows) if (!seen.has(id)) report.rowsWithoutFiles.push(id);
  return report;
}
