import path from 'node:path';
import type Database from 'better-sqlite3';
import { BylineError } from '../../shared/errors';
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from '../../shared/houseStyle';
import { ArticleRepository } from './articles';
import { CommentRepository } from './comments';
import { IncomingRepository } from './incoming';
import { ImportSourceRepository } from './importSources';
import { JournalRepository } from './journal';
import { embeddedLookup } from '../media/photoInfo';
import { AssetStore } from './assets';
import { createBackup, restoreBackup, type BackupManifest } from './backup';
import { openDatabase, type OpenOptions } from './database';
import type { IntegrityReport } from '../../shared/model/storeReports';
import { checkIntegrity } from './integrity';
import { ProfileStore } from './profile';
import { translateSqliteError } from './sqliteErrors';
import { deleteUnusedPictureRows, removePictureFiles } from './unusedPictures';
import { NO_JOB, type Job } from '../jobs/jobs';

export interface StoreOptions extends OpenOptions {
  houseStyle?: HouseStyle;
  /** The time stamps saves and comments get; tests pass a fixed clock. */
  clock?: () => string;
}

/** Images live beside the database, the way SQLite keeps `-wal` and `-shm` beside it. */
export function assetsDirFor(dbPath: string): string {
  return `${dbPath}-assets`;
}

/**
 * The whole of Byline's persistent state: one SQLite file plus its image folder. Plain Node, no
 * Electron, so the app, the browser mode, the CLI and the tests share it.
 */
export class Store {
  readonly articles: ArticleRepository;
  readonly comments: CommentRepository;
  readonly incoming: IncomingRepository;
  readonly journal: JournalRepository;
  readonly importSources: ImportSourceRepository;
  readonly assets: AssetStore;
  readonly profile: ProfileStore;
  private closed = false;

  private constructor(
    readonly db: Database.Database,
    readonly dbPath: string,
    readonly houseStyle: HouseStyle,
    private readonly clock?: () => string,
  ) {
    const comments = new CommentRepository(db, clock);
    const assets = new AssetStore(db, assetsDirFor(dbPath));
    this.comments = guarded(comments, dbPath);
    this.incoming = guarded(new IncomingRepository(db, clock), dbPath);
    this.journal = guarded(new JournalRepository(db, clock), dbPath);
    this.importSources = guarded(new ImportSourceRepository(db, clock), dbPath);
    this.articles = guarded(
      new ArticleRepository(
        db,
        houseStyle,
        clock,
        (pk, before, after) => comments.followSave(pk, before, after),
        embeddedLookup(assets),
      ),
      dbPath,
    );
    this.assets = guarded(assets, dbPath);
    this.profile = guarded(new ProfileStore(db), dbPath);
  }

  static open(dbPath: string, options: StoreOptions = {}): Store {
    const resolved = path.resolve(dbPath);
    return new Store(
      openDatabase(resolved, options),
      resolved,
      options.houseStyle ?? DEFAULT_HOUSE_STYLE,
      options.clock,
    );
  }

  /**
   * Runs `fn` in one transaction. SQLite takes back the rows of a failed one; the picture files it
   * wrote are on disk already (a row never exists without its file), so they are removed here.
   */
  transaction<T>(fn: () => T): T {
    return this.assets.removingNewFilesOnFailure(() => this.db.transaction(fn)());
  }

  /** Opened for reading only: the file or its folder is not writable. Every change is refused. */
  get readOnly(): boolean {
    return this.db.readonly;
  }

  /** `repair` also fixes what is safe to fix (see checkIntegrity). */
  check(options: { repair?: boolean } = {}, job: Job = NO_JOB): IntegrityReport {
    return this.run(() => checkIntegrity(this.db, this.assets, options, job));
  }

  /**
   * Deletes the articles in the trash for good, and with them the pictures no remaining revision,
   * journal entry or waiting package uses (once stored `pictures.keepUnusedDays`), in one
   * transaction; the picture files go after it commits.
   */
  emptyTrash(job: Job = NO_JOB): { deleted: number; pictures: number } {
    const now = new Date(this.clock?.() ?? Date.now());
    const { deleted, unused } = this.run(() =>
      this.db.transaction(() => {
        const deleted = this.articles.emptyTrash(job);
        const unused = deleteUnusedPictureRows(this.db, now, this.houseStyle.pictures.keepUnusedDays);
        // The last moment a cancel takes everything back; the files go only after the commit.
        job.checkpoint();
        return { deleted, unused };
      })(),
    );
    removePictureFiles(this.assets, unused);
    return { deleted, pictures: unused.length };
  }

  async backup(dest: string, job: Job = NO_JOB): Promise<BackupManifest> {
    try {
      return await createBackup(this.db, this.assets, dest, job);
    } catch (error) {
      throw translateSqliteError(error, this.dbPath);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private run<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw translateSqliteError(error, this.dbPath);
    }
  }
}

export function restoreStore(backupDir: string, dbPath: string, job: Job = NO_JOB) {
  const resolved = path.resolve(dbPath);
  try {
    return restoreBackup(path.resolve(backupDir), resolved, assetsDirFor(resolved), job);
  } catch (error) {
    if (error instanceof BylineError) throw error;
    throw translateSqliteError(error, resolved);
  }
}

/** Wraps every method so SQLite and file-system errors surface as BylineErrors naming the file. */
function guarded<T extends object>(target: T, file: string): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          return (value as (...a: unknown[]) => unknown).apply(obj, args);
        } catch (error) {
          throw translateSqliteError(error, file);
        }
      };
    },
  });
}
