import { z } from 'zod';
import type { ErrorInfo } from '../errors';
import type { HouseStyle } from '../houseStyle';
import { ArticleInputSchema, type Article } from '../model/article';
import { CommentBodySchema, NewAnchorSchema, type CommentThread } from '../model/comment';
import type { HandoffOutcome, IncomingVersion } from '../model/handoff';
import { ListQuerySchema, type QueueFacets } from '../model/queue';
import {
  CreditPartsSchema,
  PhotoFilterSchema,
  type PhotoInfo,
  type PhotoMetadata,
  type PhotoUse,
} from '../model/photo';
import type { Credit } from '../model/blocks';
import type { HistoryEntryWithWords } from '../history/sessions';
import { JournalMarkSchema } from '../model/journal';
import { ProfileSchema, type Profile } from '../model/profile';
import type { IntegrityReport, ListResult, RevisionInfo, SaveResult } from '../model/storeReports';
import { EXPORT_FORMATS, type Channel } from './channels';
import { LineFixSchema, type SourceLine } from '../model/pageMapping';
import type { SyncStatus } from '../model/syncStatus';
import { AccountNameSchema, DeskNameSchema, type Colleague } from '../server/api';

export type { IntegrityReport, ListResult, RevisionInfo, SaveResult };

const Id = z.uuid();
const AssetId = z.string().regex(/^[0-9a-f]{64}$/);
/** The largest file the page sends to be imported: a 100 MB package (packageFormat.ts). */
export const MAX_IMPORT_FILE_BYTES = 100 * 1024 * 1024;
/** That file as base64, with room to spare; the web transport allows a little more. */
export const MAX_IMPORT_BASE64 = 136 * 1024 * 1024;
const Empty = z.object({}).strict();

export interface AppInfo {
  mode: 'desktop' | 'browser';
  version: string;
  dbPath: string;
  /** Who changes are recorded as: the profile, else the OS user. */
  actor: string;
  /** The local profile; null until it is set on first start. */
  profile: Profile | null;
  houseStyle: HouseStyle;
}
export interface BackupResult {
  /** Where the backup was written; null when the person cancelled the folder dialog. */
  path: string | null;
  articles: number;
  assets: number;
}
export interface AssetAdded {
  id: string;
  mime: string;
  byteSize: number;
  width: number;
  height: number;
  /** What the file said (IPTC/XMP/EXIF), and what it suggests for the image block. */
  embedded: PhotoMetadata;
  suggested: { caption: string; credit: Credit };
}
export interface AssetPreview {
  /** The rendition (WebP) or, for older pictures, the original; null when there is nothing to show. */
  dataUrl: string | null;
  reason?: string;
  /** Size and what the file said; null for pictures stored before metadata was read. */
  photo: PhotoInfo | null;
}
export interface CreditSet {
  /** Articles that changed (each got a revision). */
  articles: string[];
}
/** How a page was read: each source line and the field it went to. */
export interface PageReview {
  fileName: string;
  importedAt: string;
  mapping: SourceLine[];
}
export interface ImportResult {
  id: string;
  headline: string;
  /** The format found in the file's content. */
  format: string;
  changed: boolean;
  /** What could not be carried over (pictures whose files were not included, editorial notes). */
  warnings: string[];
  /** For a `.byline` package: what opening it did. */
  handoff?: HandoffOutcome;
}
/** What storing an import batch did: each file stored, or refused by the store with its reason. */
export interface ImportBatchResult {
  imported: (ImportResult & { fileName: string })[];
  refused: { fileName: string; error: ErrorInfo }[];
}
export interface ExportResult {
  /** Where the file was written; null when the person cancelled the dialog. */
  path: string | null;
  /** What the file was checked against before it was written (the format's schema, where it has one). */
  checked: string;
  /** The status step the export made (approved → exported), or why it could not be made; absent when none applies. */
  step?: { to: string; done: true } | { to: string; done: false; message: string };
}

/** Pairs a payload schema with the result type, so one object is both the check and the type. */
const channel =
  <Output>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });

export const contract = {
  'app.info': channel<AppInfo>()(Empty),
  /** The article's language for the spellchecker; answers the languages now in use ([] = the browser decides). */
  'app.spellcheck': channel<{ languages: string[] }>()(
    z.object({ language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/) }).strict(),
  ),
  'profile.set': channel<Profile>()(ProfileSchema),
  'articles.list': channel<ListResult>()(ListQuerySchema),
  'articles.facets': channel<QueueFacets>()(Empty),
  'articles.get': channel<Article>()(z.object({ id: Id }).strict()),
  'articles.create': channel<Article>()(z.object({ headline: z.string().max(1000).optional() }).strict()),
  /** `journal` says how far the editor had got; the save clears every journal entry it covers. */
  'articles.save': channel<SaveResult>()(
    z.object({ article: ArticleInputSchema, journal: JournalMarkSchema.optional() }).strict(),
  ),
  /** The editor's unsaved text, a few times a second while typing (see store/journal.ts). */
  'articles.journal': channel<null>()(z.object({ article: ArticleInputSchema, mark: JournalMarkSchema }).strict()),
  /** Text typed but never saved (the window crashed), on top of the stored article; null when none. */
  'articles.recovery': channel<{ article: Article; writtenAt: string } | null>()(z.object({ id: Id }).strict()),
  'articles.discardRecovery': channel<null>()(z.object({ id: Id }).strict()),
  /** A workflow step; `revision` is the one the person saw, so a step on stale information is a conflict. */
  'articles.setStatus': channel<Article>()(
    z
      .object({
        id: Id,
        status: z.string().max(40),
        reason: z.string().max(2000).optional(),
        revision: z.number().int().min(1).optional(),
      })
      .strict(),
  ),
  'articles.history': channel<RevisionInfo[]>()(z.object({ id: Id }).strict()),
  /** Names a version (an empty name removes it); answers with the history. */
  'articles.nameVersion': channel<RevisionInfo[]>()(
    z.object({ id: Id, revision: z.number().int().min(1), name: z.string().max(100) }).strict(),
  ),
  /** The history as editing sessions and steps, with words added and removed (history/sessions.ts). */
  'articles.sessions': channel<HistoryEntryWithWords[]>()(z.object({ id: Id }).strict()),
  'articles.revision': channel<Article>()(z.object({ id: Id, revision: z.number().int().min(1) }).strict()),
  /** An earlier revision's text as a new revision; `base` is the revision the person saw. */
  'articles.restoreRevision': channel<Article>()(
    z.object({ id: Id, revision: z.number().int().min(1), base: z.number().int().min(1).optional() }).strict(),
  ),
  'articles.trash': channel<{ id: string }>()(z.object({ id: Id }).strict()),
  'articles.restore': channel<Article>()(z.object({ id: Id }).strict()),
  /** Leaving a new article with nothing typed: it is forgotten (the store checks that it is blank). */
  'articles.discardIfBlank': channel<{ discarded: boolean }>()(z.object({ id: Id }).strict()),
  'articles.emptyTrash': channel<{ deleted: number; pictures: number }>()(Empty),
  /**
   * A file the person chose or dropped, as base64 (it may be binary, e.g. DOCX); the format is
   * found from its content. Room for a 100 MB `.byline` package; other formats stop at 20 MB.
   */
  'articles.import': channel<ImportResult>()(
    z.object({ fileName: z.string().min(1).max(500), dataBase64: z.base64().max(MAX_IMPORT_BASE64) }).strict(),
  ),
  /**
   * A many-file import in two halves (import/importBatches.ts): each file is read and checked
   * into a batch the page names, which stores nothing; `commit` stores the batch in one
   * transaction; `discard` drops it. A cancelled import therefore leaves the store as it was.
   */
  'imports.stage': channel<{ fileName: string; format: string }>()(
    z
      .object({ batch: z.uuid(), fileName: z.string().min(1).max(500), dataBase64: z.base64().max(MAX_IMPORT_BASE64) })
      .strict(),
  ),
  'imports.commit': channel<ImportBatchResult>()(z.object({ batch: z.uuid() }).strict()),
  'imports.discard': channel<null>()(z.object({ batch: z.uuid() }).strict()),
  /** How an article's page was read, line by line; null for an article not read from a page (import/pageReview.ts). */
  'imports.review': channel<PageReview | null>()(z.object({ id: Id }).strict()),
  /** One line's role set by the person; the page is read again into a new revision (`revision` is the one they saw). */
  'imports.fixLine': channel<{ article: Article; review: PageReview }>()(
    z.object({ id: Id, revision: z.number().int().min(1), fix: LineFixSchema }).strict(),
  ),
  /** Cancels a long job (backup, check, empty trash, credit, import) by the number its progress reports. */
  'jobs.cancel': channel<null>()(z.object({ job: z.number().int().min(1) }).strict()),
  /** Writes a `.byline` package for hand-off (File → Send for review). */
  'articles.pack': channel<{ path: string | null }>()(z.object({ id: Id }).strict()),
  /** Versions from packages that diverged from this machine's and wait for a choice. */
  'articles.incoming': channel<IncomingVersion[]>()(z.object({ id: Id }).strict()),
  /** The choice; `base` is the revision the person compared against. */
  'articles.resolveIncoming': channel<Article>()(
    z
      .object({
        id: Id,
        incomingId: z.number().int().min(1),
        keep: z.enum(['mine', 'theirs']),
        base: z.number().int().min(1),
      })
      .strict(),
  ),
  'articles.export': channel<ExportResult>()(
    z.object({ id: Id, format: z.enum(EXPORT_FORMATS).default('json') }).strict(),
  ),
  'comments.list': channel<CommentThread[]>()(z.object({ articleId: Id }).strict()),
  /** A text range is given as offsets into the saved field; the store reads the quote itself. */
  'comments.add': channel<CommentThread>()(
    z.object({ articleId: Id, anchor: NewAnchorSchema, body: CommentBodySchema }).strict(),
  ),
  'comments.reply': channel<CommentThread>()(z.object({ commentId: Id, body: CommentBodySchema }).strict()),
  'comments.setResolved': channel<CommentThread>()(z.object({ commentId: Id, resolved: z.boolean() }).strict()),
  /** A picture pasted, dropped or chosen in the page, as a data: URL (the page cannot read files). */
  'assets.add': channel<AssetAdded>()(
    z
      .object({
        fileName: z.string().min(1).max(500),
        dataUrl: z.string().max(MAX_IMPORT_BASE64),
        source: z.enum(['paste', 'drop', 'file']).default('paste'),
      })
      .strict(),
  ),
  /** The picture for an image block (display) or a list (thumbnail), with what its file said. */
  'assets.preview': channel<AssetPreview>()(
    z.object({ id: AssetId, size: z.enum(['thumbnail', 'display']).default('display') }).strict(),
  ),
  /** The photo desk: every picture in every article, filtered. */
  'photos.list': channel<PhotoUse[]>()(PhotoFilterSchema),
  /** Sets credit parts on the chosen pictures wherever they are used (a revision per changed article). */
  'photos.setCredit': channel<CreditSet>()(
    z.object({ assetIds: z.array(AssetId).min(1).max(1000), parts: CreditPartsSchema }).strict(),
  ),
  'store.check': channel<IntegrityReport>()(Empty),
  'store.backup': channel<BackupResult>()(Empty),
  /** The newsroom server: where this machine stands (the status line). */
  'sync.status': channel<SyncStatus>()(Empty),
  /** Signs this machine in once; it keeps a device token and syncs after restarts, offline in between. */
  'sync.signIn': channel<SyncStatus>()(
    z
      .object({
        url: z.string().trim().min(1).max(2000),
        account: AccountNameSchema,
        password: z.string().min(1).max(1000),
      })
      .strict(),
  ),
  /** Forgets the sign-in; what waits to go out stays for the next one. */
  'sync.signOut': channel<SyncStatus>()(Empty),
  /** A round of sync now, answered when it is done. */
  'sync.now': channel<SyncStatus>()(Empty),
  /** The article open here (null: none), so others see "… is editing". */
  'sync.editing': channel<null>()(z.object({ articleId: Id.nullable() }).strict()),
  /** The newsroom's accounts (name, initials, role, desks), to assign an article to. */
  'sync.colleagues': channel<Colleague[]>()(Empty),
  /** The answer to a refusal: the article goes back to the server's version (`base` is the revision the person saw). */
  'sync.backToServer': channel<Article>()(z.object({ id: Id, base: z.number().int().min(1) }).strict()),
  /** The desk assigns an article (and may move it to a desk); whoever it reaches gets its history. */
  'sync.assign': channel<{ assigned: string[]; desk: string | null }>()(
    z
      .object({ articleId: Id, assignedTo: z.array(AccountNameSchema).max(50), desk: DeskNameSchema.optional() })
      .strict(),
  ),
} satisfies Record<Channel, { input: z.ZodType; output: unknown }>;

export type Contract = typeof contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'];

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** The API the renderer sees, whether it goes through Electron's preload or the browser-mode socket. */
export interface BylineApi {
  invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
}
