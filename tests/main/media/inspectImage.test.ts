import fs from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inspectImage } from '../../../src/main/media/inspectImage';
import { MAX_ASSET_BYTES } from '../../../src/main/store/assets';
import { fixture } from '../../helpers/fixtures';
import { jpegOf, pngClaiming } from '../../helpers/images';

describe('inspecting a picture before it is stored', () => {
  it('gives type and size, and WebP renditions no larger than 320 and 1600 pixels', async () => {
    const big = await jpegOf(2400, 1200);
    const r = await inspectImage(big, 'big.jpg');
    expect(r).toMatchObject({ mime: 'image/jpeg', width: 2400, height: 1200 });
    const thumb = await sharp(r.renditions!.thumbnail).metadata();
    const display = await sharp(r.renditions!.display).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 320, 160]);
    expect([display.format, display.width, display.height]).toEqual(['webp', 1600, 800]);
    // Small pictures are not blown up.
    const small = await inspectImage(await jpegOf(100, 80), 'small.jpg');
    expect((await sharp(small.renditions!.display).metadata()).width).toBe(100);
  });

  it.skipIf(!fixture('photos/PNG.png'))('reads every fixture photo: JPEG, PNG, WebP', async () => {
    for (const name of [
      'IPTC-PhotometadataRef-Std2021.1.jpg',
      'PNG.png',
      'RIFF.webp',
      'bep-sunrise.webp',
      'iptc-staff-photographer-example.jpg',
    ]) {
      const r = await inspectImage(fs.readFileSync(fixture(`photos/${name}`)!), name);
      expect(r.renditions, name).not.toBeNull();
      expect(r.width * r.height, name).toBeGreaterThan(0);
    }
  });

  it('refuses a decompression bomb by its header, before decoding it', async () => {
    const bomb = pngClaiming(50_000, 50_000);
    expect(bomb.length).toBeLessThan(2000);
    await expect(inspectImage(bomb, 'bomb.png')).rejects.toThrow(
      'bomb.png claims to be 50,000 × 50,000 pixels, more than the 200 megapixels Byline accepts (a decompression bomb?). Nothing was stored.',
    );
  });

  it('refuses truncated and corrupt pictures, files that are not pictures, and files over the limit, naming each', async () => {
    const jpeg = await jpegOf(400, 300);
    await expect(inspectImage(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'half.jpg')).rejects.toThrow(
      /^half\.jpg is damaged or incomplete \(.+\)\. Nothing was stored\.$/,
    );
    const corrupt = Buffer.from(jpeg);
    corrupt.fill(0xff, 200, 260);
    corrupt.fill(0x00, 300, 700);
    await expect(inspectImage(corrupt, 'corrupt.jpg')).rejects.toThrow(
      /^corrupt\.jpg (is damaged or incomplete|cannot be read as a picture) \(.+\)\. Nothing was stored\.$/,
    );
    await expect(inspectImage(Buffer.from('%PDF-1.7 not a picture'), 'scan.pdf')).rejects.toThrow(
      'scan.pdf is not a picture Byline can store (JPEG, PNG, WebP, GIF, TIFF or HEIC). Nothing was stored.',
    );
    const huge = Buffer.alloc(MAX_ASSET_BYTES + 1);
    huge.set([0xff, 0xd8, 0xff]);
    await expect(inspectImage(huge, 'huge.jpg')).rejects.toThrow(
      /^huge\.jpg is 100\.0 MB; pictures may be at most 100 MB\. Nothing was stored\.$/,
    );
  });
});
