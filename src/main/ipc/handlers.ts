import fs from 'node:fs';
import path from 'node:path';
import { BylineError } from '../../shared/errors';
import type { AssetPreview } from '../../shared/ipc/contract';
import { exportFileName } from '../export/bylineJson';
import { chromiumPrintToPdf } from '../export/chromiumPdf';
import type { PrintToPdf } from '../export/pdf';
import { exportArticle } from '../export/formats';
import { stepAfterExport } from '../export/stepAfterExport';
import { PACKAGE_EXTENSION } from '../handoff/packageFormat';
import { resolveIncoming } from '../handoff/unpack';
import { writePackage } from '../handoff/writePackage';
import { importIntoStore, prepareImport } from '../import/importIntoStore';
import { fixPageLine, pageReview } from '../import/pageReview';
import { ImportBatches } from '../import/importBatches';
import { Jobs } from '../jobs/jobs';
import { listPhotos, setCredit } from '../media/photoDesk';
import { photoInfoOf } from '../media/photoInfo';
import { renditionOf } from '../media/renditions';
import { storePhoto } from '../media/storePhoto';
import type { RenditionKind } from '../store/assets';
import { historyWithWords } from '../store/historySessions';
import { writeFileDurably } from '../store/fsync';
import type { Store } from '../store/store';
import type { Handlers } from './dispatch';
import { CHANNELS, type Channel } from '../../shared/ipc/channels';
import { SyncAgent } from '../sync/syncAgent';
import { backToServerVersion } from '../sync/syncState';
import { BYLINE_VERSION } from '../version';

/** What differs between the desktop app and the browser mode. */
export interface Host {
  mode: 'desktop' | 'browser';
  /** Asks where to write a backup; null when the person cancels. */
  chooseBackupDestination(defaultPath: string): Promise<string | null>;
  /** Asks where to save an exported file; null when the person cancels. */
  chooseExportPath(defaultPath: string): Promise<string | null>;
  /** Points the spellchecker at a language; returns what it uses ([] where the browser decides). */
  setSpellcheckLanguage?(language: string): string[] | Promise<string[]>;
  /** Prints HTML to PDF; the desktop app uses Electron's Chromium, elsewhere a headless Chromium. */
  printToPdf?: PrintToPdf;
}

/** `data:…;base64,…` → bytes. The type in the URL is not trusted: the store reads the bytes themselves. */
export function decodeDataUrl(fileName: string, dataUrl: string): Buffer {
  const m = /^data:[a-z0-9.+/-]*;base64,([A-Za-z0-9+/=\s]+)$/i.exec(dataUrl);
  if (!m)
    throw new BylineError(
      'invalid-input',
      `${fileName} is not an embedded picture Byline can read (expected a base64 data: URL). Nothing was stored.`,
    );
  return Buffer.from(m[1]!, 'base64');
}

const PREVIEWABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);
export const MAX_PREVIEW_BYTES = 8 * 1024 * 1024;

/**
 * A picture as the page shows it: its WebP rendition (made now if it is missing), or, where none
 * can be made, the original where a page can show it and it is not too large to send.
 */
async function previewOf(store: Store, id: string, size: RenditionKind): Promise<AssetPreview> {
  const asset = store.assets.find(id);
  if (!asset) return { dataUrl: null, reason: 'This picture is not in the store.', photo: null };
  const photo = photoInfoOf(asset);
  const rendition = await renditionOf(store, asset, size);
  if (rendition) return { dataUrl: `data:image/webp;base64,${rendition.toString('base64')}`, photo };
  if (!PREVIEWABLE.has(asset.mime))
    return {
      dataUrl: null,
      reason: `No preview for ${asset.mime.replace('image/', '').toUpperCase()} pictures.`,
      photo,
    };
  if (asset.byteSize > MAX_PREVIEW_BYTES)
    return { dataUrl: null, reason: `No preview: the picture is ${(asset.byteSize / 1048576).toFixed(0)} MB.`, photo };
  return { dataUrl: `data:${asset.mime};base64,${store.assets.read(id).toString('base64')}`, photo };
}

/**
 * The suggested file, or the first free "name (2).ext", "name (3).ext" beside it: browser mode has
 * no dialog to ask before replacing an earlier export, so it never replaces one.
 */
export function unusedName(file: string): string {
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  let candidate = file;
  for (let n = 2; fs.existsSync(candidate); n++) candidate = `${stem} (${n})${ext}`;
  return candidate;
}

export function defaultExportDir(dbPath: string): string {
  return path.join(path.dirname(dbPath), 'exports');
}

export function defaultBackupPath(dbPath: string, now = new Date()): string {
  return path.join(path.dirname(dbPath), 'backups', `byline-backup-${now.toISOString().replace(/[:.]/g, '-')}`);
}

/**
 * The main process's services behind the IPC contract; the same object serves Electron and the
 * browser mode. Long jobs run through `jobs`, which reports their progress and cancels them.
 */
export function createHandlers(
  store: Store,
  host: Host,
  actorOverride?: string,
  jobs: Jobs = new Jobs(),
  sync: SyncAgent = new SyncAgent(store),
): Handlers {
  // Who a change is recorded as: the local profile (it may be set while the app runs), else the OS user.
  const who = () => actorOverride ?? store.profile.actor();
  const { articles } = store;
  const batches = new ImportBatches();
  const handlers: Handlers = {
    'app.info': () => ({
      mode: host.mode,
      version: BYLINE_VERSION,
      dbPath: store.dbPath,
      actor: who(),
      profile: store.profile.get(),
      houseStyle: store.houseStyle,
    }),
    'profile.set': (profile) => store.profile.set(profile),
    'app.spellcheck': async ({ language }) => ({ languages: (await host.setSpellcheckLanguage?.(language)) ?? [] }),
    'articles.list': (input) => articles.list(input),
    'articles.get': ({ id }) => articles.get(id),
    'articles.facets': () => articles.facets(),
    'articles.create': ({ headline }) => articles.create({ headline: headline ?? '' }, who()),
    'articles.save': ({ article, journal }) => {
      const result = articles.save(article, who());
      store.journal.settle(result.article, journal);
      return result;
    },
    'articles.journal': ({ article, mark }) => {
      store.journal.write(article, mark);
      return null;
    },
    'articles.recovery': ({ id }) => store.journal.recovery(articles.get(id)),
    'articles.discardRecovery': ({ id }) => {
      store.journal.discard(id);
      return null;
    },
    'articles.setStatus': ({ id, status, reason, revision }) =>
      articles.setStatus(id, status, who(), { reason, revision, role: store.profile.get()?.role }),
    'articles.history': ({ id }) => articles.history(id),
    'articles.sessions': ({ id }) => historyWithWords(articles, id),
    'articles.nameVersion': ({ id, revision, name }) => articles.nameVersion(id, revision, name, who()),
    'articles.revision': ({ id, revision }) => articles.getRevision(id, revision),
    'articles.restoreRevision': ({ id, revision, base }) => articles.restoreRevision(id, revision, who(), { base }),
    'articles.trash': ({ id }) => {
      articles.trash(id);
      return { id };
    },
    'articles.restore': ({ id }) => articles.restore(id),
    'articles.discardIfBlank': ({ id }) => ({ discarded: articles.discardIfBlank(id) }),
    'articles.emptyTrash': () => jobs.run('empty-trash', (job) => store.emptyTrash(job)),
    'articles.import': ({ fileName, dataBase64 }) =>
      importIntoStore(store, Buffer.from(dataBase64, 'base64'), fileName, 'auto', who()),
    'imports.stage': async ({ batch, fileName, dataBase64 }) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      const prepared = await prepareImport(store, bytes, fileName, 'auto');
      batches.stage(batch, prepared, bytes.byteLength);
      return { fileName, format: prepared.kind === 'package' ? 'byline-package' : prepared.imported.format };
    },
    'imports.commit': ({ batch }) => jobs.run('import', (job) => batches.commit(store, batch, who(), job)),
    'imports.discard': ({ batch }) => {
      batches.discard(batch);
      return null;
    },
    'imports.review': ({ id }) => pageReview(store, id),
    'imports.fixLine': ({ id, revision, fix }) => fixPageLine(store, id, fix, revision, who()),
    'jobs.cancel': ({ job }) => {
      jobs.cancel(job);
      return null;
    },
    'articles.export': async ({ id, format }) => {
      const article = articles.get(id);
      // Checked and validated before the person is asked where to put it: a refusal comes first.
      const { data, extension, checked } = await exportArticle(format, article, store, {
        printToPdf: host.printToPdf ?? chromiumPrintToPdf,
      });
      const dest = await host.chooseExportPath(
        unusedName(path.join(defaultExportDir(store.dbPath), exportFileName(article, extension))),
      );
      if (!dest) return { path: null, checked };
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      writeFileDurably(dest, data);
      return { path: dest, checked, step: stepAfterExport(store, article, who()) };
    },
    'comments.list': ({ articleId }) => store.comments.threads(articleId),
    'comments.add': ({ articleId, anchor, body }) => store.comments.add(articleId, { anchor, body }, who()),
    'comments.reply': ({ commentId, body }) => store.comments.reply(commentId, body, who()),
    'comments.setResolved': ({ commentId, resolved }) => store.comments.setResolved(commentId, resolved, who()),
    'articles.pack': async ({ id }) => {
      const article = articles.get(id);
      const { bytes } = writePackage(store, id, who());
      const dest = await host.chooseExportPath(
        unusedName(path.join(defaultExportDir(store.dbPath), exportFileName(article, PACKAGE_EXTENSION))),
      );
      if (!dest) return { path: null };
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      writeFileDurably(dest, bytes);
      return { path: dest };
    },
    'articles.incoming': ({ id }) => store.incoming.pending(id),
    'articles.resolveIncoming': ({ id, incomingId, keep, base }) =>
      resolveIncoming(store, id, incomingId, keep, who(), base),
    'assets.add': async ({ fileName, dataUrl, source }) => {
      const { asset, photo, suggested } = await storePhoto(store, decodeDataUrl(fileName, dataUrl), fileName, source);
      return {
        id: asset.id,
        mime: asset.mime,
        byteSize: asset.byteSize,
        width: photo.width,
        height: photo.height,
        embedded: photo.embedded,
        suggested,
      };
    },
    'assets.preview': ({ id, size }) => previewOf(store, id, size),
    'photos.list': (filter) => listPhotos(store, filter),
    'photos.setCredit': ({ assetIds, parts }) =>
      jobs.run('set-credit', (job) => {
        const changed = new Set<string>();
        const ids = [...new Set(assetIds)];
        // One transaction: a selection is changed as a whole or not at all, also when cancelled.
        store.db.transaction(() => {
          for (const [i, id] of ids.entries()) {
            job.progress('pictures', i, ids.length);
            for (const a of setCredit(store, id, parts, who(), job).articles) changed.add(a);
          }
        })();
        job.progress('pictures', ids.length, ids.length);
        return { articles: [...changed] };
      }),
    'store.check': () => jobs.run('check', (job) => store.check({}, job)),
    'store.backup': async () => {
      const fallback = defaultBackupPath(store.dbPath);
      const dest = await host.chooseBackupDestination(fallback);
      if (!dest) return { path: null, articles: 0, assets: 0 };
      // Byline's own backups folder beside the store is made on first use; a folder the person chose must exist.
      if (path.dirname(dest) === path.dirname(fallback)) fs.mkdirSync(path.dirname(fallback), { recursive: true });
      const manifest = await jobs.run('backup', (job) => store.backup(dest, job));
      return { path: dest, articles: manifest.articles, assets: manifest.assets };
    },
    'sync.status': () => sync.status(),
    'sync.signIn': ({ url, account, password }) => sync.signIn(url, account, password),
    'sync.signOut': () => sync.signOut(),
    'sync.now': () => sync.syncNow(),
    'sync.colleagues': () => sync.colleagues(),
    'sync.backToServer': ({ id, base }) => backToServerVersion(store, id, base, who()),
    'sync.assign': ({ articleId, assignedTo, desk }) => sync.assign(articleId, assignedTo, desk),
    'sync.editing': ({ articleId }) => {
      sync.setOpenArticle(articleId);
      return null;
    },
  };
  return afterChanges(handlers, () => sync.localChange());
}

/** Requests that only read (or only touch the journal): nothing for the newsroom server follows them. */
const READS = new Set<Channel>([
  'app.info',
  'app.spellcheck',
  'articles.list',
  'articles.get',
  'articles.facets',
  'articles.journal',
  'articles.recovery',
  'articles.history',
  'articles.sessions',
  'articles.revision',
  'articles.incoming',
  'imports.stage',
  'imports.discard',
  'imports.review',
  'jobs.cancel',
  'comments.list',
  'assets.preview',
  'photos.list',
  'store.backup',
  'sync.status',
  'sync.signIn',
  'sync.signOut',
  'sync.now',
  'sync.editing',
  'sync.colleagues',
  'sync.assign',
]);

/** Every request that may change what the server should have calls `changed` once it succeeded. */
function afterChanges(handlers: Handlers, changed: () => void): Handlers {
  const wrapped = { ...handlers } as Record<Channel, (input: unknown) => unknown>;
  for (const channel of CHANNELS) {
    if (READS.has(channel)) continue;
    const handler = wrapped[channel];
    wrapped[channel] = async (input) => {
      const result = await handler(input);
      changed();
      return result;
    };
  }
  return wrapped as Handlers;
}
