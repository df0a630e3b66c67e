#!/usr/bin/env node
// The `byline-server` command (the newsroom server). Bundled by `npm run build`, which `npm ci` runs.
const fs = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'server', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('byline-server: not built yet; run `npm run build` in the Byline folder.\n');
  process.exit(1);
}
require(bundle);
