// Entry point of the `byline` command (bin/byline.cjs loads the bundle built from this file).
import { endExiftool } from '../media/exiftool';
import { runCli } from './cli';

void runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  // Progress goes to a terminal only, on one line that each report overwrites; pipes and logs get the summary.
  progress: process.stderr.isTTY ? (text) => process.stderr.write(`\r\x1b[K${text}`) : undefined,
}).then(async (code) => {
  process.exitCode = code;
  // exiftool's child processes would keep the process alive after a photo command.
  await endExiftool();
});
