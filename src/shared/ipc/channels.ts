/**
 * Every request the renderer may make of the main process. The preload refuses anything else, so
 * this list is also the renderer's whole reach. Payload schemas are in ./contract.
 */
export const CHANNELS = [
  'app.info',
  'app.spellcheck',
  'profile.set',
  'articles.list',
  'articles.get',
  'articles.facets',
  'articles.create',
  'articles.save',
  'articles.journal',
  'articles.recovery',
  'articles.discardRecovery',
  'articles.setStatus',
  'articles.history',
  'articles.sessions',
  'articles.nameVersion',
  'articles.revision',
  'articles.restoreRevision',
  'articles.trash',
  'articles.restore',
  'articles.discardIfBlank',
  'articles.emptyTrash',
  'articles.import',
  'imports.stage',
  'imports.commit',
  'imports.discard',
  'imports.review',
  'imports.fixLine',
  'jobs.cancel',
  'articles.export',
  'articles.pack',
  'articles.incoming',
  'articles.resolveIncoming',
  'comments.list',
  'comments.add',
  'comments.reply',
  'comments.setResolved',
  'assets.add',
  'assets.preview',
  'photos.list',
  'photos.setCredit',
  'store.check',
  'store.backup',
  'sync.status',
  'sync.signIn',
  'sync.signOut',
  'sync.now',
  'sync.editing',
  'sync.colleagues',
  'sync.assign',
  'sync.backToServer',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Electron channel names carry the app's prefix, as VS Code's preload requires of its channels. */
export const IPC_PREFIX = 'byline:';

/** Events the main process sends to the renderer (menu commands). */
export const MENU_COMMANDS = [
  'new-article',
  'show-list',
  'show-trash',
  'backup',
  'save-now',
  'import',
  'export',
  'send-for-review',
  'show-photos',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_EVENT = `${IPC_PREFIX}menu`;
/** How far a long job has got (shared/jobs.ts), sent by the main process to the page. */
export const PROGRESS_EVENT = `${IPC_PREFIX}progress`;
/** Where this machine stands with the newsroom server (shared/model/syncStatus.ts), sent whenever it changes. */
export const SYNC_EVENT = `${IPC_PREFIX}sync`;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/** Exchange formats Byline writes; more arrive with issue 4. */
export const EXPORT_FORMATS = [
  'json',
  'nitf',
  'newsml',
  'newsml-package',
  'ninjs',
  'ninjs-package',
  'ninjs2',
  'html',
  'md',
  'text',
  'pdf',
  'docx',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How the export form names each format, in the order it offers them. */
export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  nitf: 'NITF 3.6 (validated against the official schema)',
  newsml: 'NewsML-G2 2.35 (validated against the official schema)',
  'newsml-package': 'NewsML-G2 2.35 package (ZIP with credited pictures)',
  ninjs: 'ninjs 3.1 (validated against the official JSON schema)',
  'ninjs-package': 'ninjs 3.1 package (ZIP with credited pictures)',
  ninjs2: 'ninjs 2.2 (validated against the official JSON schema)',
  html: 'HTML (one file, credited pictures embedded)',
  md: 'Markdown',
  text: 'Plain wire text',
  pdf: 'PDF proof (A4)',
  docx: 'Word (DOCX)',
  json: 'Byline JSON',
};
