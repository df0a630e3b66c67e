import { unzipSync, type UnzipFileInfo } from 'fflate';
import { BylineError } from '../../shared/errors';

export interface ZipLimits {
  entries: number;
  unpackedBytes: number;
  /** Past this an entry is built to explode, not written: XML compresses 10 to 30 times. */
  ratio: number;
}

/** What a ZIP-based document (DOCX) may hold: a real one is far below each number. */
export const DOCUMENT_ZIP_LIMITS = {
  entries: 5_000,
  /** One XML part unpacked: a 500-page Word document's document.xml is about 10 MB. */
  xmlEntryBytes: 48 * 1024 * 1024,
  /** One embedded file (a picture) unpacked. */
  entryBytes: 100 * 1024 * 1024,
  unpackedBytes: 400 * 1024 * 1024,
  ratio: 200,
};

const mb = (n: number) => `${Math.round(n / 1048576)} MB`;

/**
 * The checks every ZIP from outside gets from its central directory, before anything is inflated:
 * how many entries, each entry's declared size against `max`, its compression ratio (a "zip
 * bomb"), and the total unpacked. Call the returned function for each entry in turn.
 */
export function zipBudget(
  limits: ZipLimits,
  refuse: (why: string) => Error,
): (file: UnzipFileInfo, max: number) => void {
  let entries = 0;
  let unpacked = 0;
  return (file, max) => {
    if (++entries > limits.entries) throw refuse(`it has more than ${limits.entries} entries`);
    if (file.originalSize > max)
      throw refuse(`the entry ${file.name} unpacks to ${mb(file.originalSize)} (at most ${mb(max)} allowed)`);
    if (file.originalSize > 1024 * 1024 && file.originalSize > file.size * limits.ratio) {
      throw refuse(
        `the entry ${file.name} would grow ${Math.round(file.originalSize / Math.max(file.size, 1))} times when unpacked (a "zip bomb")`,
      );
    }
    unpacked += file.originalSize;
    if (unpacked > limits.unpackedBytes) throw refuse(`it unpacks to more than ${mb(limits.unpackedBytes)}`);
  };
}

/**
 * A ZIP-based document's directory, inflating nothing, against DOCUMENT_ZIP_LIMITS. The parser
 * that runs afterwards (mammoth) inflates whole parts, so this has to come first; an entry that
 * lies about its size is caught by the import worker's memory limit.
 */
export function assertZipWithinLimits(bytes: Uint8Array, fileName: string, limits = DOCUMENT_ZIP_LIMITS): void {
  const refuse = (why: string) =>
    new BylineError('invalid-input', `${fileName} cannot be imported: ${why}. Nothing was stored.`);
  const check = zipBudget(limits, refuse);
  try {
    unzipSync(bytes, {
      filter: (file) => {
        check(file, /\.(xml|rels)$/i.test(file.name) ? limits.xmlEntryBytes : limits.entryBytes);
        return false; // never inflated here
      },
    });
  } catch (error) {
    if (error instanceof BylineError) throw error;
    throw refuse(`it is not a readable ZIP container (${(error as Error).message})`);
  }
}
