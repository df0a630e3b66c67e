#!/usr/bin/env node
// The `byline` command. The TypeScript sources are bundled by `npm run build`, which `npm ci` runs.
const fs = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'main', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('byline: the CLI is not built yet; run `npm run build` in the Byline folder.\n');
  process.exit(1);
}
require(bundle);
