import fs from 'node:fs';
import path from 'node:path';
import { ExifTool } from 'exiftool-vendored';
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
    await exiftool().write(
      src,
      {
        'IPTC:By-line': 'Ali al-Rubaye',
        'IPTC:Credit': 'AFP',
        'IPTC:Caption-Abstract': 'Old caption',
        'EXIF:ImageDescription': 'Old caption',
        'XMP-dc:Description': 'Old caption',
        'XMP-photoshop:Credit': 'AFP',
      } as never,
      { writeArgs: ['-overwrite_original'] },
    );
    const { image, original } = await store1(fs.readFileSync(src), 'agency.jpg');
    const before = sha256(original);

    const copy = await creditedCopy(store, image);
    expect(copy).toMatchObject({ mime: 'image/jpeg', extension: 'jpg' });
    const { merged, raw } = await readBack(copy.bytes, 'jpg');
    expect(merged).toMatchObject({
      caption: EDITED.caption,
      creators: ['Ali al-Rubaye'],
      creditLine: 'Getty Images/AFP/A. al-Rubaye',
    });
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

  it.skipIf(!fixture('photos/IPTC-PhotometadataRef-Std2021.1.jpg'))(
    'rewrites the IPTC reference image so every reader agrees with the article',
    async () => {
      const { image, original } = await store1(
        fs.readFileSync(fixture('photos/IPTC-PhotometadataRef-Std2021.1.jpg')!),
        'reference.jpg',
      );
      const before = sha256(original);
      const { merged, raw } = await readBack((await creditedCopy(store, image)).bytes, 'jpg');
      expect(merged).toMatchObject({
        caption: EDITED.caption,
        creators: ['Ali al-Rubaye'],
        creditLine: 'Getty Images/AFP/A. al-Rubaye',
      });
      expect([raw['IPTC:Caption-Abstract'], raw['IPTC:By-line'], raw['IPTC:Credit']]).toEqual([
        EDITED.caption,
        'Ali al-Rubaye',
        'Getty Images/AFP/A. al-Rubaye',
      ]);
      // What the file said beyond credits (copyright, city) is kept.
      expect(merged.copyright).toMatch(/Copyright \(Notice\) 2021\.1 IPTC/);
      expect(merged.city).toBe('City (Core) (ref2021.1)');
      expect(sha256(original)).toBe(before);
    },
  );

  it.skipIf(!fixture('photos/PNG.png'))('writes XMP into PNG and WebP copies (formats without IIM)', async () => {
    for (const name of ['PNG.png', 'bep-sunrise.webp']) {
      const { image } = await store1(fs.readFileSync(fixture(`photos/${name}`)!), name);
      const copy = await creditedCopy(store, image);
      const { merged, raw } = await readBack(copy.bytes, copy.extension);
      expect(merged, name).toMatchObject({
        caption: EDITED.caption,
        creators: ['Ali al-Rubaye'],
        creditLine: 'Getty Images/AFP/A. al-Rubaye',
      });
      expect(raw['XMP-iptcCore:AltTextAccessibility'], name).toBe(EDITED.alt);
    }
  });

  it('keeps a credit line longer than IIM allows whole in XMP, which readers prefer; IIM gets what fits', async () => {
    const { image } = await store1(await jpegOf(64, 48), 'long.jpg');
    const long = {
      ...image,
      credit: { provider: 'Agence France-Presse', agency: 'Getty Images Nordamerika', creator: 'Jürgen Müller' },
    };
    const { merged, raw } = await readBack((await creditedCopy(store, long)).bytes, 'jpg');
    expect(merged.creditLine).toBe('Agence France-Presse/Getty Images Nordamerika/J. Müller');
    expect(raw['XMP-photoshop:Credit']).toBe('Agence France-Presse/Getty Images Nordamerika/J. Müller');
    expect(raw['IPTC:Credit']).toBe('Agence France-Presse/Getty Image');
  });

  it('writes values literally, entity-like text and line breaks included', async () => {
    const { image } = await store1(await jpegOf(64, 48), 'odd.jpg');
    const odd = {
      ...image,
      caption: 'Tom &amp; Jerry <b>live</b> & "mehr"\nzweite Zeile',
      credit: { text: 'AT&T/R&amp;D' },
    };
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
    await exiftool().write(source, { GPSLatitude: 52.5, GPSLatitudeRef: 'N', OwnerName: 'Redaktion' } as never, {
      writeArgs: ['-overwrite_original'],
    });
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
    if (
      jpeg[at + 1] === 0xe1 &&
      segment.subarray(4, 33).toString('latin1').startsWith('http://ns.adobe.com/xap/1.0/')
    ) {
      let copy = segment.toString('latin1');
      for (const [from, to] of replace) copy = copy.replace(from, to.padEnd(from.length).slice(0, from.length));
      return Buffer.concat([
        jpeg.subarray(0, at + 2 + length),
        Buffer.from(copy, 'latin1'),
        jpeg.subarray(at + 2 + length),
      ]);
    }
    at += 2 + length;
  }
  throw new Error('no XMP packet in the test picture');
}

describe('credited copies of agency files in awkward shapes', () => {
  it('a JPEG carrying its XMP twice: the copy has one packet, and it says what the article says', async () => {
    const src = path.join(tempDir(), 'twice.jpg');
    fs.writeFileSync(src, await jpegOf(320, 240));
    await exiftool().write(
      src,
      { 'XMP-photoshop:Credit': 'AFP', 'XMP-dc:Description': 'Alte Zeile', 'XMP-dc:Rights': 'AFP 2017' } as never,
      { writeArgs: ['-overwrite_original'] },
    );
    const twice = withDuplicateXmp(fs.readFileSync(src), [
      ['AFP<', 'XYZ<'],
      ['Alte Zeile', 'Ganz alt!!'],
    ]);
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
    await exiftool().write(src, { 'IPTC:Credit': 'AFP', 'IPTC:Caption-Abstract': 'Old' } as never, {
      writeArgs: ['-overwrite_original'],
    });
    const { image } = await store1(fs.readFileSync(src), 'iim.jpg');
    const long = {
      ...image,
      credit: { provider: 'Getty Images & Picture Partners', agency: 'Agence France-Presse', creator: 'Ali al-Rubaye' },
    };
    const copy = await creditedCopy(store, long);
    const { merged } = await readBack(copy.bytes, 'jpg');
    expect(merged.creditLine).toBe('Getty Images & Picture Partners/Agence France-Presse/A. al-Rubaye');
  });
});

/** A Photoshop IRB (APP13) holding an XMP packet (resource 0x0424), put right after the SOI: as Photoshop-saved agency files carry it. */
function withXmpInIrb(jpeg: Buffer, xmp: string): Buffer {
  const data = Buffer.from(xmp, 'utf8');
  const pad = data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(data.length);
  const resource = Buffer.concat([
    Buffer.from('8BIM', 'latin1'),
    Buffer.from([0x04, 0x24, 0x00, 0x00]),
    size,
    data,
    pad,
  ]);
  const body = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource]);
  const header = Buffer.from([0xff, 0xed, 0, 0]);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, body, jpeg.subarray(2)]);
}

const packet = (caption: string, credit: string) =>
  `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">${caption}</rdf:li></rdf:Alt></dc:description><photoshop:Credit>${credit}</photoshop:Credit></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

describe('no older copy of a caption or credit survives anywhere in the copy', () => {
  const OLD = { caption: 'Veraltete Bildzeile aus der Agentur', credit: 'Alte Agentur Fotodienst' };
  const survives = (bytes: Buffer) =>
    [OLD.caption, OLD.credit].filter(
      (old) => bytes.includes(Buffer.from(old, 'utf8')) || bytes.includes(Buffer.from(old, 'latin1')),
    );

  it('XMP inside the Photoshop IRB', async () => {
    const src = path.join(tempDir(), 'irb.jpg');
    fs.writeFileSync(src, await jpegOf(320, 240));
    await exiftool().write(src, { 'XMP-photoshop:Credit': 'AFP', 'XMP-dc:Description': 'Kämpfer' } as never, {
      writeArgs: ['-overwrite_original'],
    });
    const file = withXmpInIrb(fs.readFileSync(src), packet(OLD.caption, OLD.credit));
    expect(survives(file)).toHaveLength(2);
    const { image } = await store1(file, 'irb.jpg');
    const copy = await creditedCopy(store, image);
    expect(survives(copy.bytes)).toEqual([]);
    expect((await readBack(copy.bytes, 'jpg')).merged).toMatchObject({
      caption: EDITED.caption,
      creditLine: 'Getty Images/AFP/A. al-Rubaye',
    });
  });

  it('extended XMP (a packet too large for one segment, continued in further ones)', async () => {
    const src = path.join(tempDir(), 'extended.jpg');
    fs.writeFileSync(src, await jpegOf(320, 240));
    // A long edit history makes the XMP too big for one APP1 segment; ExifTool moves the largest properties to extended XMP.
    const history = Array.from(
      { length: 1500 },
      (_, i) => `Schritt ${i}: Tonwertkorrektur, Ausschnitt, Schärfen.`,
    ).join(' ');
    await exiftool().write(
      src,
      {
        'XMP-dc:Description': OLD.caption,
        'XMP-photoshop:Credit': OLD.credit,
        'XMP-photoshop:History': history,
        'XMP-photoshop:Instructions': 'x'.repeat(70_000),
      } as never,
      { writeArgs: ['-overwrite_original'] },
    );
    const file = fs.readFileSync(src);
    expect(file.includes(Buffer.from('http://ns.adobe.com/xmp/extension/'))).toBe(true);
    const { image } = await store1(file, 'extended.jpg');
    const copy = await creditedCopy(store, image);
    expect(survives(copy.bytes)).toEqual([]);
    expect((await readBack(copy.bytes, 'jpg')).merged).toMatchObject({
      caption: EDITED.caption,
      creditLine: 'Getty Images/AFP/A. al-Rubaye',
    });

    // The same file with its last extension segment lost on the way (a minor error to ExifTool): it still goes out credited.
    const { image: cut } = await store1(
      withoutLastSegment(file, 'http://ns.adobe.com/xmp/extension/'),
      'extended-cut.jpg',
    );
    const cutCopy = await creditedCopy(store, cut);
    expect(survives(cutCopy.bytes)).toEqual([]);
    expect((await readBack(cutCopy.bytes, 'jpg')).merged).toMatchObject({
      caption: EDITED.caption,
      creditLine: 'Getty Images/AFP/A. al-Rubaye',
    });
  });

  it('IIM without a character set: other IIM text keeps its letters, the old credit is gone', async () => {
    const src = path.join(tempDir(), 'latin1.jpg');
    fs.writeFileSync(src, await jpegOf(320, 240));
    // No CodedCharacterSet: the values are Latin-1 bytes, as older agency systems write them.
    await exiftool().write(
      src,
      {
        'IPTC:Credit': OLD.credit,
        'IPTC:Caption-Abstract': OLD.caption,
        'IPTC:City': 'Köln',
        'IPTC:Sub-location': 'Domplatte, Südseite',
      } as never,
      { writeArgs: ['-overwrite_original', '-charset', 'iptc=Latin1'] },
    );
    const file = fs.readFileSync(src);
    expect(file.includes(Buffer.from('Köln', 'latin1'))).toBe(true);
    const { image } = await store1(file, 'latin1.jpg');
    const copy = await creditedCopy(store, image);
    expect(survives(copy.bytes)).toEqual([]);
    const { merged, raw } = await readBack(copy.bytes, 'jpg');
    expect(merged).toMatchObject({ caption: EDITED.caption, creditLine: 'Getty Images/AFP/A. al-Rubaye' });
    expect(raw['IPTC:City']).toBe('Köln');
    expect(raw['IPTC:Sub-location']).toBe('Domplatte, Südseite');
  });

  it('EXIF with a minor error that ExifTool writes only when told to ignore it', async () => {
    const src = path.join(tempDir(), 'minor.jpg');
    fs.writeFileSync(src, await jpegOf(320, 240));
    await exiftool().write(
      src,
      { 'IFD0:ImageDescription': OLD.caption, 'IFD0:Make': 'Nikon', 'IFD0:Software': 'Agentur-System 4.2' } as never,
      { writeArgs: ['-overwrite_original'] },
    );
    const file = withCapitalExifHeader(fs.readFileSync(src));
    // Without ExifTool's ignore-minor-errors option this file cannot be written at all.
    const plain = path.join(tempDir(), 'plain.jpg');
    fs.writeFileSync(plain, file);
    const strict = new ExifTool({ ignoreMinorErrors: false, maxProcs: 1 });
    try {
      await expect(
        strict.write(plain, { 'IFD0:ImageDescription': 'x' } as never, { writeArgs: ['-overwrite_original'] }),
      ).rejects.toThrow(/minor/i);
    } finally {
      await strict.end();
    }
    const { image } = await store1(file, 'minor.jpg');
    const copy = await creditedCopy(store, image);
    expect(survives(copy.bytes)).toEqual([]);
    expect((await readBack(copy.bytes, 'jpg')).merged).toMatchObject({
      caption: EDITED.caption,
      creditLine: 'Getty Images/AFP/A. al-Rubaye',
    });
  });
});

/** The JPEG without the last APP1 segment whose data starts with `id`. */
function withoutLastSegment(jpeg: Buffer, id: string): Buffer {
  let at = 2;
  let last: [number, number] | null = null;
  while (at < jpeg.length && jpeg[at] === 0xff && jpeg[at + 1] !== 0xda) {
    const length = jpeg.readUInt16BE(at + 2);
    if (jpeg[at + 1] === 0xe1 && jpeg.subarray(at + 4, at + 4 + id.length).toString('latin1') === id)
      last = [at, at + 2 + length];
    at += 2 + length;
  }
  if (!last) throw new Error(`no ${id} segment in the test picture`);
  return Buffer.concat([jpeg.subarray(0, last[0]), jpeg.subarray(last[1])]);
}

/** The JPEG with its EXIF segment's identifier in capitals ("EXIF"), which ExifTool reads but writes past only as a minor error. */
function withCapitalExifHeader(jpeg: Buffer): Buffer {
  const out = Buffer.from(jpeg);
  const at = out.indexOf(Buffer.from('Exif\0\0', 'latin1'));
  if (at < 0) throw new Error('no EXIF segment in the test picture');
  out.write('EXIF', at, 'latin1');
  return out;
}
