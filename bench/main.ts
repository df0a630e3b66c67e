// `npm run bench`: Byline's figures, each as a ratio to a baseline measured in the same run.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { benchSave, benchSearchAndList, tempBenchDir } from './store.bench';
import { benchListOpen } from './browser.bench';
import { benchEditor } from './editor.bench';
import { benchFormats } from './formats.bench';
import { benchImportFuzz } from './fuzz.bench';
import { benchEventLoop } from './eventLoop.bench';
import { benchPhotos, runPhotoPart } from './photos.bench';
import { benchPages } from './pages.bench';
import { benchServer } from './server.bench';
import { benchMutants } from './mutants.bench';
import { findPostgresBin } from '../src/server/pg/binaries';
import { endExiftool } from '../src/main/media/exiftool';

async function main(): Promise<void> {
  const dir = tempBenchDir();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const out: string[] = [
    `Machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`,
    `Date: ${new Date().toISOString().slice(0, 10)}`,
    '',
  ];
  try {
    const only = process.env.BYLINE_BENCH_ONLY;
    if (!only || only === 'store') {
      out.push(...benchSave(dir), '');
      out.push(...benchSearchAndList(dir), '');
    }
    if (!only || only === 'formats') out.push(...(await benchFormats(dir)), '');
    if (!only || only === 'fuzz') out.push(...(await benchImportFuzz(dir)), '');
    if (!only || only === 'pages') out.push(...benchPages(), '');
    if (!only || only === 'server')
      out.push(
        ...(findPostgresBin()
          ? await benchServer()
          : ['(Server figures skipped: PostgreSQL is not installed; apt-get install postgresql.)']),
        '',
      );
    if (!only || only === 'event-loop') out.push(...(await benchEventLoop(dir)), '');
    if (!only || only === 'photos') out.push(...(await benchPhotos(dir)), '');
    if (!only || only === 'mutants') out.push(...benchMutants(), '');
    const chromiumPath = process.env.BYLINE_CHROMIUM;
    if (only && only !== 'editor') {
      // Browser figures not asked for.
    } else if (chromiumPath && only === 'editor') {
      out.push(...(await benchEditor(dir, chromiumPath)));
    } else if (chromiumPath) {
      const empty = path.join(dir, 'empty.db');
      out.push(...(await benchListOpen(path.join(dir, 'many.db'), empty, chromiumPath)), '');
      out.push(...(await benchEditor(dir, chromiumPath)));
    } else out.push('(Browser figures skipped: no Chromium found; see npm test for how to install one.)');
  } finally {
    await endExiftool();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(out.join('\n'));
}

// The photo benchmark runs each side in a child process of this same script (for its own peak memory).
const photoPart = process.env.BYLINE_BENCH_PHOTO_PART
  ? (JSON.parse(process.env.BYLINE_BENCH_PHOTO_PART) as {
      part: 'baseline' | 'byline';
      photosDir: string;
      dbPath: string;
    })
  : null;
(photoPart ? runPhotoPart(photoPart.part, photoPart.photosDir, photoPart.dbPath) : main()).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
