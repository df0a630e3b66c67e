// Entry point of the `byline` command (bin/byline.cjs loads the bundle built from this file).
import { runCli } from './cli';

process.exitCode = runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
