import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { endExiftool, exiftool } from '../../../src/main/media/exiftool';
import { storePhoto } from '../../../src/main/media/storePhoto';
import { Store } from '../../../src/main/store/store';
import { writeAgencyJpeg } from '../../helpers/agencyPhoto';
import { fixture } from '../../helpers/fixtures';
import { jpegOf, pngClaiming } from '../../helpers/images';
import { sha256, tempDir } from '../../helpers/tmp';

afterAll(() => endExiftool());

let store: Store;
let dir: string;
beforeEach(() => {
  dir = tempDir();
  store = Store.open(path.join(dir, 'byline.db'));
  return () => store.close();
});

const agencyJpeg = async () => fs.readFileSync(await writeAgencyJpeg(path.join(tempDir(), 'agency.jpg')));

const storedFiles = () =>
  fs.existsSync(`${store.dbPath}-assets`) ? fs.readdirSync(`${store.dbPath}-assets`, { recursive: true }).length : 0;

describe('bringing a photo into the store', () => {
  it('keeps the original byte-identical, records what its file said, writes renditions and suggests caption and credit', async () => {
    const bytes = await agencyJpeg();
    const stored = await storePhoto(store, bytes, 'agency.jpg', 'file');
    expect(fs.readFileSync(store.assets.pathOf(stored.asset.id)).equals(bytes)).toBe(true);
    expect(stored.photo).toEqual({
      width: 640,
      height: 480,
      embedded: { creators: ['Ali al-Rubaye'], creditLine: 'AFP via Getty Images', caption: 'Kämpfer in al-Qaim' },
    });
    expect(stored.suggested).toEqual({
      caption: 'Kämpfer in al-Qaim',
      credit: { provider: 'Getty Images', agency: 'AFP', creator: 'Ali al-Rubaye' },
    });
    // What the file said survives a reopen: it is data in the store, not a cache.
    store.close();
    store = Store.open(path.join(dir, 'byline.db'));
    expect(store.assets.find(stored.asset.id)!.metadata).toMatchObject({ source: 'file', photo: stored.photo });
    const thumb = await sharp(store.assets.readRendition(stored.asset.id, 'thumbnail')!).metadata();
    const display = await sharp(store.assets.readRendition(stored.asset.id, 'display')!).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 320, 240]);
    expect([display.format, display.width, display.height]).toEqual(['webp', 640, 480]); // never enlarged
  });

  it("adds the file's metadata to the same bytes stored earlier without it", async () => {
    const bytes = await agencyJpeg();
    const early = store.assets.add(bytes, 'early.jpg');
    const stored = await storePhoto(store, bytes, 'again.jpg', 'paste');
    expect(stored.asset.id).toBe(early.id);
    expect(store.assets.find(early.id)!.metadata).toMatchObject({
      photo: { width: 640, embedded: { creators: ['Ali al-Rubaye'] } },
    });
  });

  it.each([
    [
      'not a picture',
      () => Buffer.from('%PDF-1.7 pretending'),
      'notes.jpg',
      /^notes\.jpg is not a picture Byline can store/,
    ],
    [
      'a truncated JPEG',
      async () => (await jpegOf(400, 300)).subarray(0, 900),
      'cut.jpg',
      /^cut\.jpg is damaged or incomplete/,
    ],
    [
      'a decompression bomb',
      () => pngClaiming(50_000, 50_000),
      'bomb.png',
      /^bomb\.png claims to be 50,000 × 50,000 pixels/,
    ],
  ])('refuses %s by name and stores nothing', async (_what, make, name, message) => {
    await expect(storePhoto(store, await make(), name, 'file')).rejects.toThrow(message);
    expect(store.assets.ids()).toEqual([]);
    expect(storedFiles()).toBe(0);
  });

  it.skipIf(!fixture('photos/IPTC-PhotometadataRef-Std2021.1.jpg'))(
    'stores the IPTC reference image with the credit its file asks for',
    async () => {
      const file = fixture('photos/IPTC-PhotometadataRef-Std2021.1.jpg')!;
      const stored = await storePhoto(store, fs.readFileSync(file), 'reference.jpg', 'file');
      expect(sha256(store.assets.pathOf(stored.asset.id))).toBe(sha256(file));
      expect(stored.suggested.credit).toEqual({ agency: 'Credit Line (ref2021.1)', creator: 'Creator1 (ref2021.1)' });
    },
  );

  it.skipIf(!fixture('photos/IPTC.jpg'))(
    'stores every picture in the fixtures byte-identical, with the size ExifTool reads',
    async () => {
      const dir = path.dirname(fixture('photos/IPTC.jpg')!);
      const pictures = fs.readdirSync(dir).filter((f) => /\.(jpe?g|png|webp)$/i.test(f));
      expect(pictures.length).toBeGreaterThanOrEqual(10);
      for (const name of pictures) {
        const file = path.join(dir, name);
        const { asset, photo } = await storePhoto(store, fs.readFileSync(file), name, 'file');
        expect(sha256(store.assets.pathOf(asset.id)), name).toBe(sha256(file));
        const tags = (await exiftool().read(file)) as {
          ImageWidth?: number;
          ImageHeight?: number;
          Orientation?: number;
        };
        const turned = tags.Orientation !== undefined && tags.Orientation >= 5;
        expect([photo.width, photo.height], name).toEqual(
          turned ? [tags.ImageHeight, tags.ImageWidth] : [tags.ImageWidth, tags.ImageHeight],
        );
        expect(store.assets.readRendition(asset.id, 'thumbnail'), name).not.toBeNull();
      }
    },
  );

  it('takes TIFF and GIF like JPEG, and keeps a HEIC it cannot render, with its size from the file', async () => {
    const rgb = { create: { width: 48, height: 32, channels: 3 as const, background: '#7a3' } };
    const tiff = await storePhoto(store, await sharp(rgb).tiff().toBuffer(), 'scan.tif', 'file');
    const gif = await storePhoto(store, await sharp(rgb).gif().toBuffer(), 'grafik.gif', 'file');
    expect([tiff.asset.mime, tiff.photo.width, gif.asset.mime, gif.photo.height]).toEqual([
      'image/tiff',
      48,
      'image/gif',
      32,
    ]);
    expect(store.assets.readRendition(tiff.asset.id, 'display')).not.toBeNull();
    // A HEIC box structure: ftyp, then an image spatial extent (ispe) of 4032 × 3024.
    const box = (type: string, body: Buffer) =>
      Buffer.concat([Buffer.from([0, 0, 0, body.length + 8]), Buffer.from(type, 'latin1'), body]);
    const ispe = Buffer.alloc(12);
    ispe.writeUInt32BE(4032, 4);
    ispe.writeUInt32BE(3024, 8);
    const heic = Buffer.concat([box('ftyp', Buffer.from('heic\0\0\0\0mif1heic', 'latin1')), box('ispe', ispe)]);
    const stored = await storePhoto(store, heic, 'IMG_0001.HEIC', 'file');
    expect([stored.asset.mime, stored.photo.width, stored.photo.height]).toEqual(['image/heic', 4032, 3024]);
    expect(store.assets.readRendition(stored.asset.id, 'thumbnail')).toBeNull();
    expect(fs.readFileSync(store.assets.pathOf(stored.asset.id)).equals(heic)).toBe(true);
  });
});
