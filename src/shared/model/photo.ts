import { z } from 'zod';
import { CreditSchema, type Credit } from './blocks';

/**
 * The credit-related metadata embedded in a picture (IPTC IIM, XMP, EXIF), reconciled by the
 * Metadata Working Group's rules. Every field is as the file has it; absent ones are left out.
 */
export const PhotoMetadataSchema = z
  .object({
    /** Description / caption (MWG: EXIF ImageDescription, IPTC Caption-Abstract, XMP dc:description). */
    caption: z.string().max(10000).optional(),
    /** Creators, in order (MWG: EXIF Artist, IPTC By-line, XMP dc:creator). */
    creators: z.array(z.string().max(500)).max(50).optional(),
    /** The credit line the provider asks for (IPTC Credit, XMP photoshop:Credit). */
    creditLine: z.string().max(1000).optional(),
    /** Who owns or supplies the picture (IPTC Source, XMP photoshop:Source). */
    source: z.string().max(1000).optional(),
    copyright: z.string().max(2000).optional(),
    usageTerms: z.string().max(5000).optional(),
    /** As the file has it: a date, or a date and time with or without zone. */
    dateCreated: z.string().max(60).optional(),
    city: z.string().max(500).optional(),
    country: z.string().max(500).optional(),
    headline: z.string().max(1000).optional(),
    /** An IPTC Digital Source Type URI (photo, composite, AI-generated …). */
    digitalSourceType: z.string().max(500).optional(),
  })
  .strict();
export type PhotoMetadata = z.infer<typeof PhotoMetadataSchema>;

/** What the store keeps with a picture, beside its bytes: size, and what the file said. */
export const PhotoInfoSchema = z
  .object({
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    embedded: PhotoMetadataSchema,
  })
  .strict();
export type PhotoInfo = z.infer<typeof PhotoInfoSchema>;

/** The largest picture Byline stores (a 100 MB TIFF from a medium-format camera still fits). */
export const MAX_PICTURE_BYTES = 100 * 1024 * 1024;

/** Where a value shown on the photo desk came from: the picture's file, a person, or nowhere yet. */
export type ValueOrigin = 'file' | 'edited' | 'none';

/** One picture as used in one article: what the photo desk lists. */
export interface PhotoUse {
  /** null: the file is missing (the source named the picture without it); the article takes it. */
  assetId: string | null;
  articleId: string;
  headline: string;
  /** The picture's place in the body (0-based block index). */
  block: number;
  caption: string;
  credit: Credit;
  creditLine: string;
  alt: string;
  /** What the file said; null for pictures stored before the photo desk read metadata. */
  embedded: PhotoMetadata | null;
  /** The picture's size in pixels, where it was read. */
  size: { width: number; height: number } | null;
  origin: { caption: ValueOrigin; credit: ValueOrigin };
  problems: string[];
}

export const PhotoFilterSchema = z
  .object({
    missingCredit: z.boolean().optional(),
    missingAlt: z.boolean().optional(),
    mismatch: z.boolean().optional(),
    /** Pictures named with caption and credit whose file has not been attached yet. */
    missingFile: z.boolean().optional(),
    /** Pictures whose credit names this agency (case-insensitive). */
    agency: z.string().max(200).optional(),
  })
  .strict();
export type PhotoFilter = z.infer<typeof PhotoFilterSchema>;

/** Credit parts to set; a part left out stays as it is, an empty string clears it. */
export const CreditPartsSchema = CreditSchema;
export type CreditParts = Partial<Credit>;
