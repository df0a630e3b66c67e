import { z } from 'zod';
import { AssetIdSchema } from '../../shared/model/blocks';
import { CommentSchema } from '../../shared/model/comment';
import { RevisionRecordSchema } from '../../shared/model/handoff';

/**
 * A `.byline` package is a ZIP file holding one article for hand-off between machines:
 *
 *   manifest.json    what it is, who made it, when; written first, so the format shows at byte 30
 *   revisions.json   every revision, oldest first, with who/when/status/note and the text
 *   comments.json    every comment and reply
 *   assets.json      the images: id (SHA-256), type, original name, metadata
 *   assets/<sha256>  each image's bytes, unchanged
 *   sync.json        (optional) each revision's record id on a newsroom server, so an article that
 *                    travels by package and by sync ends with one history, not two copies of it
 *
 * Nothing is ever unpacked to disk by name: entries are read into memory and checked, so a
 * package cannot write outside the store whatever its entry names say.
 */
export const PACKAGE_FORMAT = 'byline-package';
export const PACKAGE_VERSION = 1;
export const PACKAGE_EXTENSION = 'byline';

/** Limits for reading a package someone sent. */
export const PACKAGE_LIMITS = {
  fileBytes: 100 * 1024 * 1024,
  unpackedBytes: 400 * 1024 * 1024,
  jsonEntryBytes: 64 * 1024 * 1024,
  assetBytes: 100 * 1024 * 1024,
  entries: 2000,
  /** DEFLATE cannot do better than about 1,032:1; real JSON and images stay far below this. */
  ratio: 200,
} as const;

export const ENTRY = {
  manifest: 'manifest.json',
  revisions: 'revisions.json',
  comments: 'comments.json',
  assets: 'assets.json',
  sync: 'sync.json',
} as const;
export const ASSET_ENTRY = /^assets\/([0-9a-f]{64})$/;

export const ManifestSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    version: z.literal(PACKAGE_VERSION),
    createdAt: z.iso.datetime({ offset: true }),
    createdBy: z.string().min(1).max(200),
    app: z.string().max(100),
    articleId: z.uuid(),
    revision: z.number().int().min(1),
    headline: z.string().max(1000),
  })
  .strict();
export type Manifest = z.infer<typeof ManifestSchema>;

export const AssetEntrySchema = z
  .object({
    id: AssetIdSchema,
    mime: z.string().regex(/^image\/[a-z0-9.+-]+$/),
    originalName: z.string().max(500),
    byteSize: z.number().int().min(1),
    metadata: z.record(z.string(), z.unknown()),
  })
  .strict();
export type AssetEntry = z.infer<typeof AssetEntrySchema>;

export const RevisionsSchema = z.array(RevisionRecordSchema).min(1).max(100_000);
export const CommentsSchema = z.array(CommentSchema).max(100_000);
export const AssetsSchema = z.array(AssetEntrySchema).max(1000);
export const SyncIdsSchema = z
  .array(z.object({ revision: z.number().int().min(1), recordId: z.uuid() }).strict())
  .max(100_000);

/** A package after every check: its parts, and each image's bytes. */
export interface BylinePackage {
  manifest: Manifest;
  revisions: z.infer<typeof RevisionsSchema>;
  comments: z.infer<typeof CommentsSchema>;
  assets: { entry: AssetEntry; bytes: Uint8Array }[];
  /** Record ids on a newsroom server, by revision (none when the sender never synced). */
  syncIds: z.infer<typeof SyncIdsSchema>;
}

/** A package announces itself: a ZIP whose first entry is manifest.json. */
export function isBylinePackage(bytes: Uint8Array): boolean {
  if (bytes.length < 30 + ENTRY.manifest.length) return false;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (
    b.readUInt32LE(0) === 0x04034b50 &&
    b.readUInt16LE(26) === ENTRY.manifest.length &&
    b.toString('latin1', 30, 30 + ENTRY.manifest.length) === ENTRY.manifest
  );
}
