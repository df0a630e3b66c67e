import sharp, { type Metadata } from 'sharp';
import { BylineError } from '../../shared/errors';
import { MAX_ASSET_BYTES, sniffImageType } from '../store/assets';

/** Pictures larger than this are refused before they are decoded: 200 megapixels is a big camera. */
export const MAX_PIXELS = 200_000_000;
const DECODE_TIMEOUT_SECONDS = 30;

export interface Renditions {
  /** A small WebP for lists and the photo desk (320 px on the long side). */
  thumbnail: Buffer;
  /** A WebP the editor shows (1600 px on the long side). */
  display: Buffer;
}

export interface InspectedImage {
  mime: string;
  width: number;
  height: number;
  /** Null for formats this build of libvips cannot decode (HEIC): the original is still kept. */
  renditions: Renditions | null;
}

/**
 * Checks that a file is a picture Byline can store, and makes its renditions. Refusals name the
 * file and the reason: not an image, over the size limit, a header that claims more pixels than
 * any camera makes (a decompression bomb), or data that stops or breaks before the picture ends.
 * Decoding runs on libvips' worker threads, never on the event loop, with a time limit.
 */
export async function inspectImage(bytes: Uint8Array, name: string): Promise<InspectedImage> {
  const refuse = (why: string) => new BylineError('invalid-input', `${name} ${why}. Nothing was stored.`);
  if (bytes.byteLength > MAX_ASSET_BYTES)
    throw refuse(
      `is ${(bytes.byteLength / 1048576).toFixed(1)} MB; pictures may be at most ${MAX_ASSET_BYTES / 1048576} MB`,
    );
  const mime = sniffImageType(bytes);
  if (!mime) throw refuse('is not a picture Byline can store (JPEG, PNG, WebP, GIF, TIFF or HEIC)');
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const options = { limitInputPixels: MAX_PIXELS, failOn: 'truncated' as const };

  let meta: Metadata;
  try {
    meta = await sharp(input, { ...options, limitInputPixels: false }).metadata();
  } catch (error) {
    if (mime === 'image/heic') return { mime, ...heicSize(input, name), renditions: null };
    throw refuse(`cannot be read as a picture (${cause(error)})`);
  }
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw refuse('has no picture size in its header');
  if (width * height > MAX_PIXELS) {
    throw refuse(
      `claims to be ${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels, more than the ${MAX_PIXELS / 1_000_000} megapixels Byline accepts (a decompression bomb?)`,
    );
  }
  try {
    const rendition = (size: number, quality: number) =>
      sharp(input, options)
        .autoOrient()
        .resize(size, size, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality })
        .timeout({ seconds: DECODE_TIMEOUT_SECONDS })
        .toBuffer();
    const [thumbnail, display] = await Promise.all([rendition(320, 75), rendition(1600, 82)]);
    return { mime, width, height, renditions: { thumbnail, display } };
  } catch (error) {
    throw refuse(`is damaged or incomplete (${cause(error)})`);
  }
}

function cause(error: unknown): string {
  return ((error as Error)?.message ?? String(error))
    .split('\n')[0]!
    .replace(/^Input buffer /, '')
    .slice(0, 160);
}

/** HEIC is kept as it is; its size comes from the `ispe` box, which every HEIC file has. */
function heicSize(b: Buffer, name: string): { width: number; height: number } {
  const at = b.indexOf('ispe');
  if (at < 0 || at + 16 > b.length)
    throw new BylineError(
      'invalid-input',
      `${name} is not a readable HEIC picture (no image size). Nothing was stored.`,
    );
  return { width: b.readUInt32BE(at + 8), height: b.readUInt32BE(at + 12) };
}
