import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { endExiftool, exiftool } from '../../../src/main/media/exiftool';
import { readPhotoMetadata } from '../../../src/main/media/readMetadata';
import { storePhoto } from '../../../src/main/media/storePhoto';
import { creditedCopy } from '../../../src/main/media/writeBack';
import { Store } from '../../../src/main/store/store';
import type { AttachedImage } from '../../../src/shared/model/blocks';
import { fixture } from '../../helpers/fixtures';
import { jpegOf } from '../../helpers/images';
import { sha256, tempDir } from '../../helpers/tmp';

afterAll(() => endExiftool());

let store: Store;
beforeEach(() => {
  store = Store.open(path.join(tempDir(), 'byline.db'));
  return () => store.close();
});

const EDITED = {
  caption: 'Kämpfer der irakischen Armee in al-Qaim',
  credit: { provider: 'Getty Images', agency: 'AFP', creator: 'Ali al-Rubaye' },
  alt: 'Bewaffnete Kämpfer auf einem Pick-up',
};

/** Writes a copy to disk and reads every place the values live, as ExifTool reports them. */
async function readBack(bytes: Buffer, ext: string) {
  const file = path.join(tempDir(), `copy.${ext}`);
  fs.writeFileSync(file, bytes);
  const raw = (await exiftool().read(file, { readArgs: ['-G1', '-charset', 'iptc=UTF8'] })) as Record<string, unknown>;
  return { merged: await readPhotoMetadata(file, `copy.${ext}`), raw };
}

async function store1(bytes: Buffer, name: string): Promise<{ image: AttachedImage; original: string }> {
  const { asset } = await storePhoto(store, bytes, name, 'file');
  return { image: { type: 'image', assetId: asset.id, ...EDITED }, original: store.assets.pathOf(asset.id) };
}

describe('credited copies for exports', () => {
  it('writes the edited caption, credit and photographer into IIM, XMP and EXIF of a JPEG copy, in step; the original stays as it was', async () => {
    const src = path.join(tempDir(), 'agency.jpg');
    fs.writeFileSync(src, await jpegOf(320, 240));
    await exiftool().write(src, { 'IPTC:By-line': 'Ali al-Rubaye', 'IPTC:Credit': 'AFP', 'IPTC:Caption-Abstract': 'Old caption', 'EXIF:ImageDescription': 'Old caption', 'XMP-dc:Description': 'Old caption', 'XMP-photoshop:Credit': 'AFP' } as never, { writeArgs: ['-overwrite_original'] });
    const { image, original } = await store1(fs.readFileSync(src), 'agency.jpg');
    const before = sha256(original);

    const copy = await creditedCopy(store, image);
    expect(copy).toMatchObject({ mime: 'image/jpeg', extension: 'jpg' });
    const { merged, raw } = await readBack(copy.bytes, 'jpg');
    expect(merged).toMatchObject({ caption: EDITED.caption, creators: ['Ali al-Rubaye'], creditLine: 'Getty Images/AFP/A. al-Rubaye' });
    expect(raw).toMatchObject({
      'IPTC:Caption-Abstract': EDITED.caption,
      'XMP-dc:Description': EDITED.caption,
      'IFD0:ImageDescription': EDITED.caption,
      'IPTC:By-line': 'Ali al-Rubaye',
      'XMP-dc:Creator': ['Ali al-Rubaye'],
      'IPTC:Credit': 'Getty Images/AFP/A. al-Rubaye',
      'XMP-photoshop:Credit': 'Getty Images/AFP/A. al-Rubaye',
      'XMP-iptcCore:AltTextAccessibility': EDITED.alt,
    });
    expect(sha256(original)).toBe(before);
  });

  it.skipIf(!fixture('photos/IPTC-PhotometadataRef-Std2021.1.jpg'))('rewrites the IPTC reference image so every reader agrees with the article', async () => {
    const { image, original } = await store1(fs.readFileSync(fixture('photos/IPTC-PhotometadataRef-Std2021.1.jpg')!), 'reference.jpg');
    const before = sha256(original);
    const { merged, raw } = await readBack((await creditedCopy(store, image)).bytes, 'jpg');
    expect(merged).toMatchObject({ caption: EDITED.caption, creators: ['Ali al-Rubaye'], creditLine: 'Getty Images/AFP/A. al-Rubaye' });
    expect([raw['IPTC:Caption-Abstract'], raw['IPTC:By-line'], raw['IPTC:Credit']]).toEqual([EDITED.caption, 'Ali al-Rubaye', 'Getty Images/AFP/A. al-Rubaye']);
    // What the file said beyond credits (copyright, city) is kept.
    expect(merged.copyright).toMatch(/Copyright \(Notice\) 2021\.1 IPTC/);
    expect(merged.city).toBe('City (Core) (ref2021.1)');
    expect(sha256(original)).toBe(before);
  });

  it.skipIf(!fixture('photos/PNG.png'))('writes XMP into PNG and WebP copies (formats without IIM)', async () => {
    for (const name of ['PNG.png', 'bep-sunrise.webp']) {
      const { image } = await store1(fs.readFileSync(fixture(`photos/${name}`)!), name);
      const copy = await creditedCopy(store, image);
      const { merged, raw } = await readBack(copy.bytes, copy.extension);
      expect(merged, name).toMatchObject({ caption: EDITED.caption, creators: ['Ali al-Rubaye'], creditLine: 'Getty Images/AFP/A. al-Rubaye' });
      expect(raw['XMP-iptcCore:AltTextAccessibility'], name).toBe(EDITED.alt);
    }
  });

  it('keeps a credit line longer than IIM allows whole in XMP, which readers prefer; IIM gets what fits', async () => {
    const { image } = await store1(await jpegOf(64, 48), 'long.jpg');
    const long = { ...image, credit: { provider: 'Agence France-Presse', agency: 'Getty Images Nordamerika', creator: 'Jürgen Müller' } };
    const { merged, raw } = await readBack((await creditedCopy(store, long)).bytes, 'jpg');
    expect(merged.creditLine).toBe('Agence France-Presse/Getty Images Nordamerika/J. Müller');
    expect(raw['XMP-photoshop:Credit']).toBe('Agence France-Presse/Getty Images Nordamerika/J. Müller');
    expect(raw['IPTC:Credit']).toBe('Agence France-Presse/Getty Image');
  });

  it('writes values literally, entity-like text and line breaks included', async () => {
    const { image } = await store1(await jpegOf(64, 48), 'odd.jpg');
    const odd = { ...image, caption: 'Tom &amp; Jerry <b>live</b> & "mehr"\nzweite Zeile', credit: { text: 'AT&T/R&amp;D' } };
    const { merged } = await readBack((await creditedCopy(store, odd)).bytes, 'jpg');
    expect(merged).toMatchObject({ caption: odd.caption, creditLine: 'AT&T/R&amp;D' });
  });
});

describe('what exported copies leave behind', () => {
  it('drops the GPS position, serial numbers, maker notes and owner name from the copy; the original keeps them', async () => {
    const source = path.join(tempDir(), 'field.jpg');
    fs.writeFileSync(source, await jpegOf(800, 600));
    await exiftool().write(
      source,
      {
        'IPTC:Caption-Abstract': 'Kämpfer in al-Qaim',
        GPSLatitude: 34.45,
        GPSLatitudeRef: 'N',
        GPSLongitude: 40.92,
        GPSLongitudeRef: 'E',
        'XMP-exif:GPSLatitude': '34,27.0N',
        SerialNumber: 'CAM-4711',
        'XMP-exifEX:BodySerialNumber': 'BODY-0815',
        'XMP-exifEX:LensSerialNumber': 'LENS-42',
        OwnerName: 'Ahmad Source',
        'XMP-exifEX:CameraOwnerName': 'Ahmad Source',
      } as never,
      { writeArgs: ['-overwrite_original'] },
    );
    const before = (await exiftool().read(source, { readArgs: ['-G1'] })) as Record<string, unknown>;
    expect(Object.keys(before).some((k) => /GPS/.test(k))).toBe(true);
    expect(Object.keys(before).some((k) => /SerialNumber/.test(k))).toBe(true);

    const { image, original } = await store1(fs.readFileSync(source), 'field.jpg');
    const copy = await creditedCopy(store, image);
    const { raw, merged } = await readBack(copy.bytes, 'jpg');
    const leaked = Object.entries(raw).filter(([k]) => /GPS|SerialNumber|OwnerName|MakerNote/i.test(k));
    expect(leaked).toEqual([]);
    // What the article says is still there.
    expect(merged).toMatchObject({ caption: EDITED.caption, creditLine: 'Getty Images/AFP/A. al-Rubaye' });
    // The stored original is untouched.
    expect(fs.readFileSync(original).equals(fs.readFileSync(source))).toBe(true);
  });

  it('keeps what the house style says to keep', async () => {
    const source = path.join(tempDir(), 'keep.jpg');
    fs.writeFileSync(source, await jpegOf(640, 480));
    await exiftool().write(source, { GPSLatitude: 52.5, GPSLatitudeRef: 'N', OwnerName: 'Redaktion' } as never, { writeArgs: ['-overwrite_original'] });
    const { image } = await store1(fs.readFileSync(source), 'keep.jpg');
    const { raw } = await readBack((await creditedCopy(store, image, undefined, ['device'])).bytes, 'jpg');
    expect(Object.keys(raw).some((k) => /GPSLatitude/.test(k))).toBe(true);
    expect(Object.values(raw)).toContain('Redaktion');
  });
});

/** The JPEG with its first XMP packet (APP1) repeated after it, the copy saying other things: as some agencies' files are. */
function withDuplicateXmp(jpeg: Buffer, replace: [string, string][]): Buffer {
  let at = 2;
  while (at < jpeg.length && jpeg[at] === 0xff && jpeg[at + 1] !== 0xda) {
    const length = jpeg.readUInt16BE(at + 2);
    const segment = jpeg.subarray(at, at + 2 + length);
    if (jpeg[at + 1] === 0xe1 && segment.subarray(4, 33).toString('latin1').startsWith('http://ns.adobe.com/xap/1.0/')) {
      let copy = segment.toString('latin1');
      for (const [from, to] of replace) copy = copy.replace(from, to.padEnd(from.length).slice(0, from.length));
      return Buffer.concat([jpeg.subarray(0, at + 2 + length), Buffer.from(copy, 'latin1'), jpeg.subarray(at + 2 + length)]);
    }
    at += 2 + length;
  }
  throw new Error('no XMP packet in the test picture');
}

describe('credited copies of agency files in awkward shapes', () => {
  it('a JPEG carrying its XMP twice: the copy has one packet, and it says what the article says', async () => {
    const src = path.join(tempDir(), 'twice.jpg');
    fs.writeFileSync(src, await jpegOf(320, 240));
    await exiftool().write(src, { 'XMP-photoshop:Credit': 'AFP', 'XMP-dc:Description': 'Alte Zeile', 'XMP-dc:Rights': 'AFP 2017' } as never, { writeArgs: ['-overwrite_original'] });
    const twice = withDuplicateXmp(fs.readFileSync(src), [['AFP<', 'XYZ<'], ['Alte Zeile', 'Ganz alt!!']]);
    const { image } = await store1(twice, 'twice.jpg');
    const before = await readBack(twice, 'jpg');
    expect(before.raw['XMP-photoshop:Credit']).toBeDefined();

    const copy = await creditedCopy(store, image);
    const { merged, raw } = await readBack(copy.bytes, 'jpg');
    expect(copy.bytes.toString('latin1').split('http://ns.adobe.com/xap/1.0/').length - 1).toBe(1);
    expect(merged).toMatchObject({ caption: EDITED.caption, creditLine: 'Getty Images/AFP/A. al-Rubaye' });
    // What else the XMP said comes along.
    expect(raw['XMP-dc:Rights']).toBe('AFP 2017');
  });

  it('IIM without a character set, and a credit longer than IIM allows with an ampersand in it', async () => {
    const src = path.join(tempDir(), 'iim.jpg');
    fs.writeFileSync(src, await jpegOf(320, 240));
    await exiftool().write(src, { 'IPTC:Credit': 'AFP', 'IPTC:Caption-Abstract': 'Old' } as never, { writeArgs: ['-overwrite_original'] });
    const { image } = await store1(fs.readFileSync(src), 'iim.jpg');
    const long = { ...image, credit: { provider: 'Getty Images & Picture Partners', agency: 'Agence France-Presse', creator: 'Ali al-Rubaye' } };
    const copy = await creditedCopy(store, long);
    const { merged } = await readBack(copy.bytes, 'jpg');
    expect(merged.creditLine).toBe('Getty Images & Picture Partners/Agence France-Presse/A. al-Rubaye');
  });
});
