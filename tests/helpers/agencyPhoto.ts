import fs from 'node:fs';
import { exiftool } from '../../src/main/media/exiftool';
import { jpegOf } from './images';

/** What an agency's picture of the seed story says about itself, in IIM and XMP alike. */
export const AGENCY_TAGS = {
  'IPTC:By-line': 'Ali al-Rubaye',
  'IPTC:Credit': 'AFP via Getty Images',
  'IPTC:Caption-Abstract': 'Kämpfer in al-Qaim',
  'IPTC:CodedCharacterSet': 'UTF8',
  'XMP-dc:Creator': ['Ali al-Rubaye'],
  'XMP-photoshop:Credit': 'AFP via Getty Images',
  'XMP-dc:Description': 'Kämpfer in al-Qaim',
};

/**
 * Writes a real JPEG with an agency's metadata (exiftool, as agencies' systems do) to `file`.
 * The caller ends exiftool (endExiftool) when its tests are done.
 */
export async function writeAgencyJpeg(
  file: string,
  width = 640,
  height = 480,
  tags: Record<string, unknown> = AGENCY_TAGS,
): Promise<string> {
  fs.writeFileSync(file, await jpegOf(width, height));
  await exiftool().write(file, tags as never, { writeArgs: ['-overwrite_original'] });
  return file;
}
