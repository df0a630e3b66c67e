import { unzipSync, type UnzipFileInfo } from 'fflate';
import { BylineError } from '../../shared/errors';

/** What a ZIP-based document (DOCX) may hold: a real one is far below each number. */
export const DOCUMENT_ZIP_LIMITS = {
  entries: 5_000,
  /** One XML part unpacked: a 500-page Word document's document.xml is about 10 MB. */
  xmlEntryBytes: 48 * 1024 * 1024,
  /** One embedded file (a picture) unpacked. */
  entryBytes: 100 * 1024 * 1024,
  unpackedBytes: 400 * 1024 * 1024,
  /** XML compresses 10 to 30 times; past this a part is built to explode, not written. */
  ratio: 200,
};

const mb = (n: number) => `${Math.round(n / 1048576)} MB`;

/**
 * Reads a ZIP's central directory, inflating nothing, and refuses a file whose declared sizes
 * would not fit in memory or grow past any real compression ratio (a "zip bomb"). The parser that
 * runs afterwards (mammoth) inflates whole parts, so this has to come first; an entry that lies
 * about its size is caught by the import worker's memory limit.
 */
export function assertZipWithinLimits(bytes: Uint8Array, fileName: string, limits = DOCUMENT_ZIP_LIMITS): void {
  const refuse = (why: string) => new BylineError('invalid-input', `${fileName} cannot be imported: ${why}. Nothing was stored.`);
  let entries = 0;
  let unpacked = 0;
  const inspect = (file: UnzipFileInfo): boolean => {
    if (++entries > limits.entries) throw refuse(`it has more than ${limits.entries} parts`);
    const max = /\.(xml|rels)$/i.test(file.name) ? limits.xmlEntryBytes : limits.entryBytes;
    if (file.originalSize > max) throw refuse(`its part ${file.name.slice(0, 80)} unpacks to ${mb(file.originalSize)} (at most ${mb(max)})`);
    if (file.originalSize > 1024 * 1024 && file.originalSize > file.size * limits.ratio) {
      throw refuse(`its part ${file.name.slice(0, 80)} would grow ${Math.round(file.originalSize / Math.max(file.size, 1))} times when unpacked (a "zip bomb")`);
    }
    unpacked += file.originalSize;
    if (unpacked > limits.unpackedBytes) throw refuse(`it unpacks to more than ${mb(limits.unpackedBytes)}`);
    return false; // never inflated here
  };
  try {
    unzipSync(bytes, { filter: inspect });
  } catch (error) {
    if (error instanceof BylineError) throw error;
    throw refuse(`it is not a readable ZIP container (${(error as Error).message})`);
  }
}
