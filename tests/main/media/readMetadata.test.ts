import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { endExiftool, exiftool } from '../../../src/main/media/exiftool';
import { readPhotoMetadata } from '../../../src/main/media/readMetadata';
import { fixture, fixtureOrSkip } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

afterAll(() => endExiftool());

const PHOTOS = 'photos';
const reference = fixtureOrSkip(`${PHOTOS}/IPTC-PhotometadataRef-Std2021.1.jpg`);

describe('reading embedded metadata', () => {
  it.skipIf(!reference)(
    "reads every credit-related field of the IPTC reference image as ExifTool's read-out has it",
    async () => {
      const readout = (
        JSON.parse(
          fs.readFileSync(fixture(`${PHOTOS}/IPTC-PhotometadataRef-Std2021.1-ExifToolRead.json`)!, 'utf8'),
        ) as Record<string, unknown>[]
      )[0]!;
      const m = await readPhotoMetadata(reference!, 'reference.jpg');
      expect(m).toEqual({
        caption: readout['XMP-dc:Description'],
        creators: readout['XMP-dc:Creator'],
        creditLine: readout['XMP-photoshop:Credit'],
        source: readout['XMP-photoshop:Source'],
        copyright: readout['XMP-dc:Rights'],
        usageTerms: readout['XMP-xmpRights:UsageTerms'],
        dateCreated: readout['XMP-photoshop:DateCreated'],
        city: readout['XMP-photoshop:City'],
        country: readout['XMP-photoshop:Country'],
        headline: readout['XMP-photoshop:Headline'],
        digitalSourceType: readout['XMP-iptcExt:DigitalSourceType'],
      });
      // The IIM copies agree with XMP in this file; the read-out has both.
      expect(m.caption).toBe(readout['IPTC:Caption-Abstract']);
      expect(m.creators).toEqual([readout['IPTC:By-line']]);
    },
  );

  it.skipIf(!fixture(`${PHOTOS}/MWG.jpg`))(
    "follows the Metadata Working Group's precedence when EXIF, IPTC and XMP disagree",
    async () => {
      // The MWG test image labels every value that should win with RIGHT and every other with WRONG.
      const m = await readPhotoMetadata(fixture(`${PHOTOS}/MWG.jpg`)!, 'MWG.jpg');
      const values = Object.values(m).flat();
      expect(values.length).toBeGreaterThan(4);
      for (const v of values) expect(v).not.toMatch(/WRONG/);
      expect(m).toMatchObject({
        caption: 'RIGHT-EXIF-Description',
        creators: ['RIGHT1of2-EXIF-Creator', 'RIGHT2of2-EXIF-Creator'],
        copyright: 'RIGHT-XMP-Copyright',
      });
    },
  );

  it.skipIf(!fixture(`${PHOTOS}/iptc-agency-photographer-example.jpg`))(
    'reads the IPTC examples: agency, staff and independent photographers; PNG and WebP',
    async () => {
      expect(
        await readPhotoMetadata(fixture(`${PHOTOS}/iptc-agency-photographer-example.jpg`)!, 'a.jpg'),
      ).toMatchObject({
        creators: ['Julie Doe'],
        creditLine: 'Mugwum Press',
        source: 'Julie Doe / Mugwum Press',
        copyright: '©2009 Julie Doe / Mugwum Press, all rights reserved',
        headline: 'Lincoln Memorial',
        city: 'Washington',
      });
      expect(await readPhotoMetadata(fixture(`${PHOTOS}/iptc-staff-photographer-example.jpg`)!, 's.jpg')).toMatchObject(
        { creators: ['John Doe'], creditLine: 'Big Newspaper' },
      );
      expect(
        await readPhotoMetadata(fixture(`${PHOTOS}/iptc-independent-photographer-example.jpg`)!, 'i.jpg'),
      ).toMatchObject({ creators: ['David Riecks'], source: 'David Riecks Photography' });
      expect(await readPhotoMetadata(fixture(`${PHOTOS}/PNG.png`)!, 'p.png')).toMatchObject({
        creators: ['Phil Harvey'],
      });
      expect(await readPhotoMetadata(fixture(`${PHOTOS}/bep-sunrise.webp`)!, 'b.webp')).toMatchObject({
        creators: ['Bjørn Erik Pedersen'],
        city: 'Benalmádena',
        headline: 'Sunrise in Spain',
      });
    },
  );

  it.skipIf(!fixture(`${PHOTOS}/IPTC.jpg`))(
    "reads ExifTool's test images: IIM alone, UTF-16 XMP beside EXIF, and a WebP with EXIF only",
    async () => {
      // Expected values as `exiftool -G1` lists them for each file (see ../shared/SOURCES.md).
      expect(await readPhotoMetadata(fixture(`${PHOTOS}/IPTC.jpg`)!, 'IPTC.jpg')).toEqual({
        caption: 'A witty caption',
        creators: ['Phil Harvey'],
        creditLine: 'My Credit',
        source: "I'm the source",
        copyright: 'Copyright 2004 Phil Harvey',
        city: 'Kingston',
        country: 'Canada',
        headline: 'No headline',
        dateCreated: '2004:02:26',
      });
      // EXIF ImageDescription and XMP dc:description disagree; MWG reads EXIF's first.
      expect(await readPhotoMetadata(fixture(`${PHOTOS}/XMP.jpg`)!, 'XMP.jpg')).toMatchObject({
        caption: 'A witty caption',
        creators: ['Phil Harvey'],
        creditLine: 'My Credit',
        source: "I'm the source",
        city: 'Kingston',
      });
      expect(await readPhotoMetadata(fixture(`${PHOTOS}/RIFF.webp`)!, 'RIFF.webp')).toMatchObject({ creators: ['me'] });
    },
  );

  it('reads metadata written into a generated photo, IIM in UTF-8 and in Latin-1 alike', async () => {
    const dir = tempDir();
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366aa' } })
      .jpeg()
      .toBuffer();
    const utf8 = path.join(dir, 'utf8.jpg');
    const latin1 = path.join(dir, 'latin1.jpg');
    fs.writeFileSync(utf8, jpeg);
    fs.writeFileSync(latin1, jpeg);
    await exiftool().write(
      utf8,
      {
        'IPTC:By-line': 'Jürgen Müller',
        'IPTC:Credit': 'Getty Images/AFP',
        'IPTC:CodedCharacterSet': 'UTF8',
        'XMP-dc:Description': 'Kämpfer in al-Qaim',
      } as never,
      { writeArgs: ['-overwrite_original'] },
    );
    await exiftool().write(latin1, { 'IPTC:By-line': 'Jürgen Müller', 'IPTC:City': 'Köln' } as never, {
      writeArgs: ['-overwrite_original', '-charset', 'iptc=Latin'],
    });
    expect(await readPhotoMetadata(utf8, 'utf8.jpg')).toEqual({
      creators: ['Jürgen Müller'],
      creditLine: 'Getty Images/AFP',
      caption: 'Kämpfer in al-Qaim',
    });
    expect(await readPhotoMetadata(latin1, 'latin1.jpg')).toEqual({ creators: ['Jürgen Müller'], city: 'Köln' });
  });

  it('a file without metadata gives nothing (nothing is invented from a broken file either); a file that cannot be read is named', async () => {
    const dir = tempDir();
    const bare = path.join(dir, 'bare.png');
    fs.writeFileSync(
      bare,
      await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } })
        .png()
        .toBuffer(),
    );
    expect(await readPhotoMetadata(bare, 'bare.png')).toEqual({});
    const junk = path.join(dir, 'junk.jpg');
    fs.writeFileSync(junk, Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0x45, 0x78, 0x69, 0x66]));
    expect(await readPhotoMetadata(junk, 'junk.jpg')).toEqual({});
    await expect(readPhotoMetadata(path.join(dir, 'gone.jpg'), 'gone.jpg')).rejects.toThrow(
      /^The metadata of gone\.jpg cannot be read \(.+\)\. Nothing was stored\.$/,
    );
  });
});
