import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { exiftool } from '../src/main/media/exiftool';
import { storePhoto } from '../src/main/media/storePhoto';
import { Store } from '../src/main/store/store';
import { AGENCY_TAGS } from '../tests/helpers/agencyPhoto';

const PHOTOS = 100;
const WIDTH = 3000;
const HEIGHT = 2000;

/** Distinct 6-megapixel JPEGs with agency metadata, as a photo desk receives them. */
async function makePhotos(dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < PHOTOS; i++) {
    const file = path.join(dir, `AFP_${String(i).padStart(3, '0')}.jpg`);
    // Noise over a colour per photo: compresses like a photograph (~2 MB), and no two are alike.
    const noise = await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 90 + (i % 60), sigma: 40 } } }).jpeg({ quality: 85 }).toBuffer();
    fs.writeFileSync(file, noise);
    await exiftool().write(file, { ...AGENCY_TAGS, 'IPTC:Caption-Abstract': `Bild ${i}` } as never, { writeArgs: ['-overwrite_original'] });
    files.push(file);
  }
  return files;
}

/** Runs fn while sampling the process's resident memory; returns seconds and the peak above the start. */
async function measured(fn: () => Promise<void>): Promise<{ seconds: number; peakMb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t = process.hrtime.bigint();
  await fn();
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, peakMb: (peak - start) / 2 ** 20 };
}

/**
 * Attaching 100 photos: Byline's storePhoto (checks, metadata read, both renditions, durable
 * store) against the libraries doing the same reading and resizing with nothing around it.
 */
export async function benchPhotos(dir: string): Promise<string[]> {
  const files = await makePhotos(path.join(dir, 'photos'));
  const megabytes = files.reduce((n, f) => n + fs.statSync(f).size, 0) / 2 ** 20;
  sharp.cache(false); // neither run may profit from the other's decoded pictures

  const baseline = await measured(async () => {
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      const render = (size: number, quality: number) => sharp(bytes).autoOrient().resize(size, size, { fit: 'inside' }).webp({ quality }).toBuffer();
      await Promise.all([exiftool().read(file), render(320, 75), render(1600, 82)]);
    }
  });
  const store = Store.open(path.join(dir, 'photos.db'));
  const byline = await measured(async () => {
    for (const file of files) await storePhoto(store, fs.readFileSync(file), path.basename(file), 'file');
  });
  const stored = store.assets.ids().length;
  store.close();
  if (stored !== PHOTOS) throw new Error(`bench: ${stored} of ${PHOTOS} photos stored`);

  const rate = (r: { seconds: number }) => (PHOTOS / r.seconds).toFixed(1);
  return [
    `Attaching ${PHOTOS} photos (${WIDTH} × ${HEIGHT} JPEG with IPTC/XMP, ${(megabytes / PHOTOS).toFixed(1)} MB each), one after another as a drop does:`,
    '',
    '| operation | photos/s | peak memory above start | baseline: photos/s, peak | ratio (time) |',
    '|---|---|---|---|---|',
    `| Byline attach (size checks, metadata read, thumbnail + display renditions, durable store) | ${rate(byline)} | ${byline.peakMb.toFixed(0)} MB | exiftool read + the same two sharp renditions: ${rate(baseline)}, ${baseline.peakMb.toFixed(0)} MB | **${(byline.seconds / baseline.seconds).toFixed(2)}×** |`,
  ];
}
