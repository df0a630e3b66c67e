import { BylineError } from '../../shared/errors';

/** Imports are single articles; anything larger is a mistake or an attack, refused before parsing. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export function assertImportSize(fileName: string, bytes: Uint8Array): void {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new BylineError(
      'invalid-input',
      `${fileName} is larger than ${MAX_IMPORT_BYTES / 1048576} MB; nothing was stored.`,
    );
  }
}

/** The first offset at which `bytes` stop being UTF-8, or -1 when they are valid. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Text files as UTF-8 (a BOM is dropped). Bytes that are not UTF-8 are named by their offset:
 * guessing another encoding would put wrong letters into copy without anyone noticing.
 */
export function decodeUtf8(fileName: string, bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new BylineError(
      'invalid-input',
      `${fileName} is not valid UTF-8 text (at byte ${at}); save it as UTF-8 and import it again. Nothing was stored.`,
    );
  }
}

/** The encodings an XML declaration may name that Byline reads; all others are refused by name. */
const XML_ENCODINGS: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'windows-1252': 'windows-1252',
  'iso-8859-15': 'iso-8859-15',
  'utf-16': 'utf-16le',
};

/** XML as text, honouring a byte-order mark or the encoding its declaration names. */
export function decodeXml(fileName: string, bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  const encoding = declared ? XML_ENCODINGS[declared] : 'utf-8';
  if (!encoding)
    throw new BylineError(
      'invalid-input',
      `${fileName} is encoded as ${declared}, which Byline does not read; use UTF-8. Nothing was stored.`,
    );
  if (encoding === 'utf-8') return decodeUtf8(fileName, bytes);
  return new TextDecoder(encoding).decode(bytes);
}
