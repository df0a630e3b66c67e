import { ExifTool } from 'exiftool-vendored';

/** How long one read or write may take before it is abandoned (a hostile file must not hang the app). */
export const EXIFTOOL_TIMEOUT_MS = 15_000;

let instance: ExifTool | null = null;

/**
 * One ExifTool for the process, started on first use. It runs exiftool (Perl) in child
 * processes, so reading metadata never blocks the main process's event loop; each task has a
 * time limit. Ended when the process exits.
 */
export function exiftool(): ExifTool {
  if (!instance) {
    // Minor errors ignored (ExifTool's -m): agency files often carry small faults (an EXIF
    // segment named "EXIF", an incomplete extended XMP) that it otherwise refuses to write past.
    // Every credited copy is read back before it leaves, so nothing slips through unseen.
    instance = new ExifTool({
      taskTimeoutMillis: EXIFTOOL_TIMEOUT_MS,
      maxProcs: 2,
      minDelayBetweenSpawnMillis: 0,
      ignoreMinorErrors: true,
    });
    const et = instance;
    process.once('exit', () => void et.end());
  }
  return instance;
}

/** Stops the child processes (tests, the CLI and the web server call this before they exit). */
export async function endExiftool(): Promise<void> {
  const et = instance;
  instance = null;
  if (et) await et.end();
}
