// The `byline-server` process: runs the command, exits with its code (1 for a refusal, 2 for a failure).
import { ServerError } from './accounts';
import { main } from './cli';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`byline-server: ${error.message}\n`);
    process.exit(error instanceof ServerError ? 1 : 2);
  },
);
