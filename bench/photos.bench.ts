import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { endExiftool, exiftool } from '../src/main/media/exiftool';
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
    const noise = await sharp({
      create: {
        width: WIDTH,
        height: HEIGHT,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 90 + (i % 60), sigma: 40 },
      },
    })
      .jpeg({ quality: 85 })
      .toBuffer();
    fs.writeFileSync(file, noise);
    await exiftool().write(file, { ...AGENCY_TAGS, 'IPTC:Caption-Abstract': `Bild ${i}` } as never, {
      writeArgs: ['-overwrite_original'],
    });
    files.push(file);
  }
  return files;
}

type Part = 'baseline' | 'byline';

/**
 * One side of the comparison, run in a process of its own (started by benchPhotos) so that its
 * peak memory is its own: prints {seconds, peakMb}, peak resident memory above the process's
 * start, sampled every 10 ms.
 */
export async function runPhotoPart(part: Part, photosDir: string, dbPath: string): Promise<void> {
  const files = fs
    .readdirSync(photosDir)
    .sort()
    .map((f) => path.join(photosDir, f));
  sharp.cache(false);
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t = process.hrtime.bigint();
  if (part === 'baseline') {
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      const render = (size: number, quality: number) =>
        sharp(bytes).autoOrient().resize(size, size, { fit: 'inside' }).webp({ quality }).toBuffer();
      await Promise.all([exiftool().read(file), render(320, 75), render(1600, 82)]);
    }
  } else {
    const store = Store.open(dbPath);
    for (const file of files) await storePhoto(store, fs.readFileSync(file), path.basename(file), 'file');
    const stored = store.assets.ids().length;
    store.close();
    if (stored !== files.length) throw new Error(`bench: ${stored} of ${files.length} photos stored`);
  }
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  await endExiftool();
  console.log(JSON.stringify({ seconds, peakMb: (peak - start) / 2 ** 20 }));
}

function spawnPart(part: Part, photosDir: string, dbPath: string): { seconds: number; peakMb: number } {
  const r = spawnSync(process.execPath, [process.argv[1]!], {
    encoding: 'utf8',
    env: { ...process.env, BYLINE_BENCH_PHOTO_PART: JSON.stringify({ part, photosDir, dbPath }) },
  });
  if (r.status !== 0) throw new Error(`bench: the ${part} run failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

/**
 * Attaching 100 photos: Byline's storePhoto (checks, metadata read, both renditions, durable
 * store) against the libraries doing the same reading and resizing with nothing around it.
 */
export async function benchPhotos(dir: string): Promise<string[]> {
  const photosDir = path.join(dir, 'photos');
  const files = await makePhotos(photosDir);
  const megabytes = files.reduce((n, f) => n + fs.statSync(f).size, 0) / 2 ** 20;
  const baseline = spawnPart('baseline', photosDir, path.join(dir, 'unused.db'));
  const byline = spawnPart('byline', photosDir, path.join(dir, 'photos.db'));
  const rate = (r: { seconds: number }) => (PHOTOS / r.seconds).toFixed(1);
  return [
    `Attaching ${PHOTOS} photos (${WIDTH} × ${HEIGHT} JPEG with IPTC/XMP, ${(megabytes / PHOTOS).toFixed(1)} MB each), one after another as a drop does; each side in a process of its own:`,
    '',
    '| operation | photos/s | peak memory (RSS above start) | baseline: photos/s, peak | ratio (time) |',
    '|---|---|---|---|---|',
    `| Byline attach (size checks, metadata read, thumbnail + display renditions, durable store) | ${rate(byline)} | ${byline.peakMb.toFixed(0)} MB | exiftool read + the same two sharp renditions: ${rate(baseline)}, ${baseline.peakMb.toFixed(0)} MB | **${(byline.seconds / baseline.seconds).toFixed(2)}×** |`,
  ];
}
