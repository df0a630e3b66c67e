import { z } from 'zod';

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
