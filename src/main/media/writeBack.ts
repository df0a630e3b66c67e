import fs from 'node:fs';
import path from 'node:path';
import { BylineError } from '../../shared/errors';
import { creditBody } from '../../shared/format/credit';
import type { HouseStyle } from '../../shared/houseStyle';
import type { AttachedImage, Image } from '../../shared/model/blocks';
import { shortenAtWord } from '../../shared/workflow';
import { inPrivateTempDir } from '../privateTemp';
import type { Store } from '../store/store';
import { exiftool } from './exiftool';
import { readPhotoMetadata } from './readMetadata';

/** File types that carry IPTC IIM beside XMP; the others (PNG, WebP, GIF, HEIC) carry XMP only. */
const IIM_TYPES = new Set(['image/jpeg', 'image/tiff']);
/** File types with EXIF, whose ImageDescription and Artist readers also consult. */
const EXIF_TYPES = new Set(['image/jpeg', 'image/tiff', 'image/png', 'image/webp', 'image/heic']);
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/tiff': 'tif',
  'image/heic': 'heic',
};

/** The longest start of `value` that fits `bytes` in UTF-8, cut between characters. */
function iimCut(value: string, bytes: number): string {
  let out = '';
  for (const ch of value) {
    if (Buffer.byteLength(out + ch) > bytes) break;
    out += ch;
  }
  return out;
}

export interface CreditedCopy {
  bytes: Buffer;
  mime: string;
  extension: string;
}

/**
 * exiftool-vendored sends values HTML-encoded (exiftool's -E) but leaves `&` as it is, so a caption
 * that says `&amp;` would arrive as `&`. Encoding `&` first keeps every value literal. (Through the
 * MWG composite tags values are decoded twice, so the concrete tags are written instead.)
 */
const literal = (value: string) => value.replace(/&/g, '&#38;');
const orNull = (value: string) => (value ? literal(value) : null);

/**
 * The tags that carry an image block's caption, credit and alt text, written in every place the
 * Metadata Working Group's rules read them from (EXIF, IIM, XMP), so no reader finds an older
 * value in one of them. IIM is declared UTF-8 and cut to its field lengths; XMP, which readers
 * prefer, keeps every value whole.
 */
function tagsFor(image: Image, style: HouseStyle['credit'], mime: string): Record<string, unknown> {
  const credit = creditBody(image.credit, style);
  const creator = image.credit.creator?.trim() ?? '';
  const tags: Record<string, unknown> = {
    'XMP-dc:Description': orNull(image.caption),
    'XMP-photoshop:Credit': orNull(credit),
    'XMP-iptcCore:AltTextAccessibility': orNull(image.alt),
  };
  if (creator) tags['XMP-dc:Creator'] = [literal(creator)];
  if (EXIF_TYPES.has(mime)) {
    tags['IFD0:ImageDescription'] = orNull(image.caption);
    if (creator) tags['IFD0:Artist'] = literal(creator);
  }
  if (IIM_TYPES.has(mime)) {
    tags['IPTC:CodedCharacterSet'] = 'UTF8';
    tags['IPTC:Caption-Abstract'] = orNull(iimCut(image.caption, 2000));
    tags['IPTC:Credit'] = orNull(iimCut(credit, 32));
    if (creator) tags['IPTC:By-line'] = literal(iimCut(creator, 32));
  }
  return tags;
}

/** IIM text whose character set is not declared UTF-8 (older agency systems write Latin-1). */
async function iimIsLegacy(file: string): Promise<boolean> {
  const tags = (await exiftool().read(file, { readArgs: ['-G1', '-IPTC:all'] })) as Record<string, unknown>;
  const iim = Object.keys(tags).filter((k) => k.startsWith('IPTC:'));
  return iim.length > 0 && !/utf-?8/i.test(String(tags['IPTC:CodedCharacterSet'] ?? ''));
}

/**
 * ExifTool arguments that delete what exported copies must not carry, in every group that holds
 * it (EXIF, XMP, maker notes): a tag name with a wildcard deletes each tag it matches.
 */
const REMOVED_TAGS: Record<HouseStyle['pictures']['removeOnExport'][number], string[]> = {
  location: ['-gps*=', '-XMP-exif:GPS*='],
  device: ['-*SerialNumber=', '-MakerNotes:all='],
  owner: ['-*OwnerName='],
};

/**
 * A copy of a stored picture whose embedded metadata says what the article says: the edited
 * caption, credit line, photographer and alt text. The stored original is only read, never
 * written: the copy is made in a private temporary folder and read back from there.
 * A copy that cannot be written stops the export, naming the picture.
 */
export async function creditedCopy(
  store: Store,
  image: AttachedImage,
  style: HouseStyle['credit'] = store.houseStyle.credit,
  remove: HouseStyle['pictures']['removeOnExport'] = store.houseStyle.pictures.removeOnExport,
): Promise<CreditedCopy> {
  const missing = () =>
    new BylineError(
      'not-found',
      `The picture ${image.caption ? `"${shortenAtWord(image.caption, 40)}" ` : ''}(${image.assetId.slice(0, 12)}) is missing from the store; nothing was exported.`,
    );
  const asset = store.assets.find(image.assetId);
  if (!asset) throw missing();
  const extension = EXTENSIONS[asset.mime] ?? 'img';
  return inPrivateTempDir('byline-export-', async (dir) => {
    const file = path.join(dir, `picture.${extension}`);
    const name = asset.originalName || `picture ${asset.id.slice(0, 12)}`;
    try {
      fs.copyFileSync(store.assets.pathOf(asset.id), file);
    } catch {
      throw missing();
    }
    try {
      // IIM without a declared character set is Latin-1: declaring it UTF-8 would garble the
      // fields Byline does not write (city, keywords …), so they are first rewritten as UTF-8
      // (ExifTool's own recipe, FAQ 10).
      if (IIM_TYPES.has(asset.mime) && (await iimIsLegacy(file))) {
        await exiftool().write(file, {} as never, {
          writeArgs: [
            '-charset',
            'iptc=Latin1',
            '-tagsFromFile',
            '@',
            '-IPTC:all',
            '-IPTC:CodedCharacterSet=UTF8',
            '-overwrite_original',
          ],
        });
      }
      await exiftool().write(file, tagsFor(image, style, asset.mime) as never, {
        writeArgs: [...remove.flatMap((r) => REMOVED_TAGS[r]), '-overwrite_original'],
      });
    } catch (error) {
      throw new BylineError(
        'io',
        `The caption and credit could not be written into a copy of ${name} (${(error as Error).message.split('\n')[0]}); nothing was exported.`,
      );
    }
    // Read back as any receiving system would (MWG precedence): the copy must say what the article says.
    const back = await readPhotoMetadata(file, name);
    const expected = {
      caption: image.caption.trim() || undefined,
      creditLine: creditBody(image.credit, style) || undefined,
    };
    if (back.caption !== expected.caption || back.creditLine !== expected.creditLine) {
      throw new BylineError(
        'io',
        `The copy of ${name} did not keep its caption and credit (it reads "${back.caption ?? ''}", "${back.creditLine ?? ''}"); nothing was exported.`,
      );
    }
    return { bytes: fs.readFileSync(file), mime: asset.mime, extension };
  });
}
