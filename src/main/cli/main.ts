// Entry point of the `byline` command (bin/byline.cjs loads the bundle built from this file).
import { runCli } from './cli';

void runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then((code) => {
  process.exitCode = code;
});
