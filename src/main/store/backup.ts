import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { BylineError } from '../../shared/errors';
import { AssetStore, sha256File } from './assets';
import { fsyncDirectory } from './fsync';
import { checkIntegrity } from './integrity';
import { NO_JOB, type Job } from '../jobs/jobs';

/** Pages copied per step of SQLite's online backup (4 KB each): 32 MB, then the cancel flag is read. */
const PAGES_PER_STEP = 8192;

const BACKUP_DB = 'byline.db';
const BACKUP_ASSETS = 'assets';
const MANIFEST = 'byline-backup.json';

const ManifestSchema = z.object({
  format: z.literal('byline-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  articles: z.number().int(),
  assets: z.number().int(),
});
export type BackupManifest = z.infer<typeof ManifestSchema>;

/**
 * A consistent copy while the app runs: SQLite's online backup copies the database a step at a
 * time (the store thread serves nothing else meanwhile, so the copy is one moment's state), then
 * the pictures it names, which are immutable (content-addressed). Written to `<dest>.partial`
 * and renamed, so a backup folder is whole or absent, also when the job is cancelled.
 */
export async function createBackup(
  db: Database.Database,
  assets: AssetStore,
  dest: string,
  job: Job = NO_JOB,
): Promise<BackupManifest> {
  const target = path.resolve(dest);
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
    throw new BylineError(
      'invalid-input',
      `${target} already exists and is not empty; choose a new folder for the backup.`,
    );
  }
  const parent = path.dirname(target);
  if (!fs.statSync(parent, { throwIfNoEntry: false })?.isDirectory()) {
    throw new BylineError(
      'invalid-input',
      `The folder ${parent} does not exist; create it, or choose another place for the backup.`,
    );
  }
  const partial = `${target}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  // One level at a time: a recursive mkdir under /proc or a similar file system retries for ever.
  // The backup holds the store, and with it the newsroom server's device token: its user's alone.
  fs.mkdirSync(partial, { mode: 0o700 });
  fs.mkdirSync(path.join(partial, BACKUP_ASSETS));
  try {
    const dbCopy = path.join(partial, BACKUP_DB);
    job.checkpoint();
    await db.backup(dbCopy, {
      progress: ({ totalPages, remainingPages }) => {
        job.progress('database', totalPages - remainingPages, totalPages);
        job.checkpoint();
        return PAGES_PER_STEP;
      },
    });
    const snapshot = new Database(dbCopy);
    // The copy keeps the store's WAL mode; a backup is one file, with no -wal or -shm beside it.
    snapshot.pragma('journal_mode = DELETE');
    let manifest: BackupManifest;
    try {
      const ids = snapshot.prepare('SELECT id FROM assets').pluck().all() as string[];
      for (const [i, id] of ids.entries()) {
        job.progress('pictures', i, ids.length);
        job.checkpoint();
        const to = path.join(partial, BACKUP_ASSETS, id.slice(0, 2), id);
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.copyFileSync(assets.pathOf(id), to);
        if (sha256File(to) !== id)
          throw new BylineError('io', `Image ${id} changed while it was copied; the backup was not written.`);
      }
      job.progress('pictures', ids.length, ids.length);
      manifest = {
        format: 'byline-backup',
        version: 1,
        createdAt: new Date().toISOString(),
        schemaVersion: snapshot.pragma('user_version', { simple: true }) as number,
        articles: snapshot.prepare('SELECT count(*) FROM articles').pluck().get() as number,
        assets: ids.length,
      };
    } finally {
      snapshot.close();
    }
    fs.writeFileSync(path.join(partial, MANIFEST), JSON.stringify(manifest, null, 2));
    syncTree(partial);
    job.checkpoint(); // the last moment a cancel is heard: after the rename the backup is whole
    if (fs.existsSync(target)) fs.rmdirSync(target);
    fs.renameSync(partial, target);
    fsyncDirectory(path.dirname(target));
    return manifest;
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

export function readBackupManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BylineError(
      'invalid-input',
      `${dir} is not a Byline backup (${MANIFEST} is missing or unreadable).`,
      undefined,
      { cause: error },
    );
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) throw new BylineError('invalid-input', `${file} is not a Byline backup manifest.`);
  return parsed.data;
}

/**
 * Replaces the store at `dbPath` with a backup. The backup is copied next to the store and checked
 * there first; only a copy that passes replaces the store, and the replaced store is moved aside
 * (never deleted) so that the restore itself can be undone. The store must be closed.
 */
export function restoreBackup(
  backupDir: string,
  dbPath: string,
  assetsDir: string,
  job: Job = NO_JOB,
): { manifest: BackupManifest; previous: string | null } {
  const manifest = readBackupManifest(backupDir);
  const stagedDb = `${dbPath}.restoring`;
  const stagedAssets = `${assetsDir}.restoring`;
  const cleanStaged = () => {
    for (const f of [stagedDb, `${stagedDb}-wal`, `${stagedDb}-shm`, stagedAssets])
      fs.rmSync(f, { recursive: true, force: true });
  };
  cleanStaged();
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  try {
    fs.copyFileSync(path.join(backupDir, BACKUP_DB), stagedDb);
    copyTree(path.join(backupDir, BACKUP_ASSETS), stagedAssets, job);
    const staged = new Database(stagedDb, { fileMustExist: true });
    try {
      const report = checkIntegrity(staged, new AssetStore(staged, stagedAssets), {}, job);
      if (!report.ok) {
        throw new BylineError(
          'store-corrupt',
          `The backup in ${backupDir} failed its check (${report.problems.slice(0, 3).join('; ')}); nothing was restored.`,
        );
      }
    } finally {
      staged.close();
    }
    syncTree(stagedAssets);
  } catch (error) {
    cleanStaged();
    throw error;
  }

  let previous: string | null = null;
  if (fs.existsSync(dbPath)) {
    previous = `${dbPath}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.mkdirSync(previous);
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(dbPath + suffix))
        fs.renameSync(dbPath + suffix, path.join(previous, path.basename(dbPath) + suffix));
    }
    if (fs.existsSync(assetsDir)) fs.renameSync(assetsDir, path.join(previous, path.basename(assetsDir)));
  }
  fs.renameSync(stagedAssets, assetsDir);
  fs.renameSync(stagedDb, dbPath);
  fsyncDirectory(path.dirname(dbPath));
  return { manifest, previous };
}

/** Copies a folder's files one by one, reporting each (a backup's pictures may be gigabytes). */
function copyTree(from: string, to: string, job: Job): void {
  const files = (fs.readdirSync(from, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((e) =>
    e.isFile(),
  );
  fs.mkdirSync(to, { recursive: true });
  for (const [i, entry] of files.entries()) {
    job.progress('pictures', i, files.length);
    const rel = path.relative(from, path.join(entry.parentPath, entry.name));
    fs.mkdirSync(path.dirname(path.join(to, rel)), { recursive: true });
    fs.copyFileSync(path.join(from, rel), path.join(to, rel));
  }
  job.progress('pictures', files.length, files.length);
}

function syncTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) syncTree(full);
    else {
      const fd = fs.openSync(full, 'r');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    }
  }
  fsyncDirectory(dir);
}
