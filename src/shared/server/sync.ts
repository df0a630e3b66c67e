// What desktops and the newsroom server exchange: records of an article's append-only history.
// The server numbers every record it accepts; a desktop pulls "everything since my cursor".
import { z } from 'zod';
import { ArticleSchema } from '../model/article';
import { CommentSchema } from '../model/comment';
import { MAX_PICTURE_BYTES } from '../model/photo';

const RecordId = z.uuid();

/** A saved version of the article; `parents` are the revisions it was made on (two for a choice between versions). */
export const RevisionRecordSchema = z
  .object({
    kind: z.literal('revision'),
    id: RecordId,
    articleId: z.uuid(),
    parents: z.array(RecordId).max(2),
    savedAt: z.iso.datetime({ offset: true }),
    /** Why (a status step's reason, a restore). */
    note: z.string().max(2000).default(''),
    /** The desk a new article belongs to; later revisions leave it as it is. */
    desk: z.string().trim().min(1).max(60).optional(),
    doc: ArticleSchema,
  })
  .strict()
  .refine((r) => r.doc.id === r.articleId, { message: 'the text is of another article' });

/**
 * A comment or reply as it stands now: written, resolved or reopened. Each change goes out as a
 * record of its own; where copies meet, the later state wins (`changedAt`), as with packages.
 */
export const CommentRecordSchema = z
  .object({
    kind: z.literal('comment'),
    id: RecordId,
    articleId: z.uuid(),
    comment: CommentSchema,
  })
  .strict();

/**
 * Who an article is assigned to, and its desk: set by the desk (or an admin) on the server. An
 * article that becomes visible to someone this way comes to their machine with its whole history.
 */
export const AssignmentRecordSchema = z
  .object({
    kind: z.literal('assignment'),
    id: RecordId,
    articleId: z.uuid(),
    /** Account names; the server keeps their ids. */
    assignedTo: z.array(z.string().trim().min(1).max(100)).max(50),
    desk: z.string().trim().min(1).max(60).optional(),
    at: z.iso.datetime({ offset: true }),
  })
  .strict();

export const SyncRecordSchema = z.union([RevisionRecordSchema, CommentRecordSchema, AssignmentRecordSchema]);
export type SyncRecord = z.infer<typeof SyncRecordSchema>;

/** Assigning an article (POST /api/v1/articles/:id/assignment): account names, and a desk to move it to. */
export const AssignRequestSchema = z
  .object({
    assignedTo: z.array(z.string().trim().min(1).max(100)).max(50),
    desk: z.string().trim().min(1).max(60).optional(),
  })
  .strict();

export const PushRequestSchema = z.object({ records: z.array(SyncRecordSchema).min(1).max(500) }).strict();

export interface PushResult {
  /** Records stored now, with the sequence number the server gave them. */
  accepted: { id: string; seq: number }[];
  /** Records the server had already: pushing twice changes nothing. */
  duplicates: string[];
  /** Records refused, each with its reason (a step the role may not make, an article not one's own). */
  refused: { id: string; code: 'forbidden' | 'bad-request'; message: string }[];
}

export const PullQuerySchema = z
  .object({
    since: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
  })
  .strict();

export interface PulledRecord {
  seq: number;
  /** Who the record came from. */
  by: { name: string; initials: string };
  record: SyncRecord;
}

export interface PullResult {
  records: PulledRecord[];
  /** The sequence number to pull from next time. */
  cursor: number;
  /** More records wait past this batch. */
  more: boolean;
}

/** What a desktop says on the live socket: the article it has open now (null: none). */
export const LiveClientMessageSchema = z
  .object({ type: z.literal('editing'), articleId: z.uuid().nullable() })
  .strict();
export type LiveClientMessage = z.infer<typeof LiveClientMessageSchema>;

/** What the server says on the live socket. */
export type LiveServerMessage =
  /** Records it may see wait up to `upTo`: pull since your cursor. */
  | { type: 'records'; upTo: number }
  /** Who else has which of the articles it may see open now. */
  | { type: 'editing'; editing: { articleId: string; name: string }[] };

/** Pictures travel in chunks of at most this many bytes; an interrupted upload goes on from the last whole chunk. */
export const BLOB_CHUNK_BYTES = 4 * 1024 * 1024;

/** Announcing a picture's upload (or asking how far it got): its size in bytes. */
export const BlobStartSchema = z.object({ size: z.number().int().min(1).max(MAX_PICTURE_BYTES) }).strict();

export const BlobChunkQuerySchema = z
  .object({ offset: z.coerce.number().int().min(0).max(MAX_PICTURE_BYTES) })
  .strict();

/** How far a picture's upload got. */
export interface BlobState {
  size: number;
  received: number;
  complete: boolean;
}
