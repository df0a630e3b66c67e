import { z } from 'zod';
import { AssetIdSchema } from './blocks';

/** Fields whose text a comment can be anchored in, by character range. */
export const TEXT_FIELDS = ['rubric', 'kicker', 'headline', 'teaser', 'body'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Fields a comment can be about as a whole. */
export const WHOLE_FIELDS = [
  'rubric',
  'kicker',
  'headline',
  'teaser',
  'byline',
  'dateline',
  'keywords',
  'signOff',
] as const;
export type WholeField = (typeof WHOLE_FIELDS)[number];

export const IMAGE_PARTS = ['caption', 'credit', 'alt'] as const;

/**
 * Where a comment points. A text range keeps the quoted words as well as the offsets: offsets
 * follow edits, and the quote finds the words again when offsets alone cannot (a moved paragraph).
 */
export const AnchorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), field: z.enum(WHOLE_FIELDS) }).strict(),
  z
    .object({
      kind: z.literal('text'),
      field: z.enum(TEXT_FIELDS),
      start: z.number().int().min(0),
      end: z.number().int().min(0),
      quote: z.string().max(20000),
    })
    .strict()
    .refine((a) => a.start <= a.end, 'a range must not end before it starts'),
  z.object({ kind: z.literal('image'), assetId: AssetIdSchema, part: z.enum(IMAGE_PARTS) }).strict(),
]);
export type Anchor = z.infer<typeof AnchorSchema>;
export type TextAnchor = Extract<Anchor, { kind: 'text' }>;

/** What a person asks for: a text range without its quote (the store reads it from the saved text). */
export const NewAnchorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), field: z.enum(WHOLE_FIELDS) }).strict(),
  z
    .object({
      kind: z.literal('text'),
      field: z.enum(TEXT_FIELDS),
      start: z.number().int().min(0),
      end: z.number().int().min(0),
    })
    .strict()
    .refine((a) => a.start < a.end, 'select some text to comment on'),
  z.object({ kind: z.literal('image'), assetId: AssetIdSchema, part: z.enum(IMAGE_PARTS) }).strict(),
]);
export type NewAnchor = z.infer<typeof NewAnchorSchema>;

export const CommentBodySchema = z.string().trim().min(1, 'a comment needs some text').max(5000);

export const CommentSchema = z
  .object({
    id: z.uuid(),
    /** The thread's first comment; null for the first comment itself. */
    parentId: z.uuid().nullable(),
    /** Only a thread's first comment is anchored; replies share it. */
    anchor: AnchorSchema.nullable(),
    /** The anchored text was deleted; the comment keeps its quote and stays listed. */
    detached: z.boolean(),
    body: CommentBodySchema,
    author: z.string().min(1).max(200),
    createdAt: z.iso.datetime({ offset: true }),
    /** The article revision the comment was written against. */
    revision: z.number().int().min(0),
    resolvedAt: z.iso.datetime({ offset: true }).nullable(),
    resolvedBy: z.string().max(200).nullable(),
    /** When the comment was written, resolved or reopened: the later state wins when copies meet. */
    changedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type Comment = z.infer<typeof CommentSchema>;

export interface CommentThread extends Comment {
  replies: Comment[];
}

const FIELD_LABELS: Record<WholeField | TextField, string> = {
  rubric: 'Rubric',
  kicker: 'Kicker',
  headline: 'Headline',
  teaser: 'Teaser',
  body: 'Body',
  byline: 'Byline',
  dateline: 'Dateline',
  keywords: 'Keywords',
  signOff: 'Sign-off',
};

/** How a list names what a comment is on: `Headline`, `Body: “gestartet”`, `Image credit`. */
export function describeAnchor(anchor: Anchor | null): string {
  if (!anchor) return '';
  switch (anchor.kind) {
    case 'field':
      return FIELD_LABELS[anchor.field];
    case 'text': {
      const quote = anchor.quote.length > 60 ? `${anchor.quote.slice(0, 57)}…` : anchor.quote;
      return `${FIELD_LABELS[anchor.field]}: “${quote}”`;
    }
    case 'image':
      return `Image ${anchor.part === 'alt' ? 'alt text' : anchor.part}`;
  }
}

type CommentState = Pick<Comment, 'changedAt' | 'resolvedAt' | 'resolvedBy'>;

/**
 * Where two copies of a comment meet, the later state wins. Two states of the same instant are
 * ordered by what they say, so every machine keeps the same one whatever order they arrive in.
 */
export function isLaterState(a: CommentState, b: CommentState): boolean {
  if (a.changedAt !== b.changedAt) return a.changedAt > b.changedAt;
  return `${a.resolvedAt ?? ''}\u0000${a.resolvedBy ?? ''}` > `${b.resolvedAt ?? ''}\u0000${b.resolvedBy ?? ''}`;
}
