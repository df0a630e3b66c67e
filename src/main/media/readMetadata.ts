import type { Tags } from 'exiftool-vendored';
import { BylineError } from '../../shared/errors';
import { PhotoMetadataSchema, type PhotoMetadata } from '../../shared/model/photo';
import { exiftool } from './exiftool';

const text = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object' && value !== null && 'rawValue' in value)
    return String((value as { rawValue: unknown }).rawValue).trim() || undefined;
  const s = String(value).trim();
  return s || undefined;
};
const list = (value: unknown): string[] | undefined => {
  const items = (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .map(text)
    .filter((v): v is string => !!v);
  return items.length ? items : undefined;
};

/**
 * The credit-related metadata of a picture file. ExifTool reads IPTC IIM (honouring its coded
 * character set), XMP and EXIF, and `-use MWG` reconciles them by the Metadata Working Group's
 * rules (for instance: IIM only counts when its checksum says it is in step with XMP).
 */
export async function readPhotoMetadata(file: string, displayName: string): Promise<PhotoMetadata> {
  let tags: Tags;
  try {
    tags = await exiftool().read(file, { readArgs: ['-use', 'MWG'] });
  } catch (error) {
    throw new BylineError(
      'invalid-input',
      `The metadata of ${displayName} cannot be read (${(error as Error).message.split('\n')[0]}). Nothing was stored.`,
    );
  }
  const t = tags as Record<string, unknown>;
  if (typeof t.Error === 'string')
    throw new BylineError(
      'invalid-input',
      `The metadata of ${displayName} cannot be read (${t.Error}). Nothing was stored.`,
    );
  const metadata = {
    caption: text(t.Description),
    creators: list(t.Creator),
    creditLine: text(t.Credit),
    source: text(t.Source),
    copyright: text(t.Copyright),
    usageTerms: text(t.UsageTerms),
    dateCreated: text(t.DateCreated),
    city: text(t.City),
    country: text(t.Country),
    headline: text(t.Headline),
    digitalSourceType: text(t.DigitalSourceType),
  };
  // Over-long values are cut rather than refused: a caption of 20,000 characters is still a caption.
  const cut = (k: string, v: string) => v.slice(0, LIMITS[k] ?? 500);
  return PhotoMetadataSchema.parse(
    Object.fromEntries(
      Object.entries(metadata)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, Array.isArray(v) ? v.slice(0, 50).map((s) => cut(k, s)) : cut(k, v as string)]),
    ),
  );
}

/** The schema's length limits, field by field (500 where not named). */
const LIMITS: Record<string, number> = {
  caption: 10000,
  creditLine: 1000,
  source: 1000,
  copyright: 2000,
  usageTerms: 5000,
  dateCreated: 60,
};
