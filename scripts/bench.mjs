#!/usr/bin/env node
// `npm run bench`: bundles bench/main.ts with esbuild and runs it (after `npm run build`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { findChromium } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Inside the project (build/ is ignored by git) so the bundle resolves node_modules.
const outfile = path.join(root, 'build', 'bench', 'bench.mjs');
await build({
  absWorkingDir: root,
  entryPoints: ['bench/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'warning',
  // The bundle is ESM, but the main-process modules (built as CommonJS for the app) use require
  // and __dirname; build/bench/../../resources is the same resources/ they find from dist/main.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url'; import { dirname as __dn } from 'node:path'; const require = __cr(import.meta.url); const __dirname = __dn(__fu(import.meta.url));",
  },
  define: { 'import.meta.dirname': JSON.stringify(path.join(root, 'bench')) },
});
const chromium = findChromium({ install: false });
const r = spawnSync(process.execPath, [outfile], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...(chromium.path ? { BYLINE_CHROMIUM: chromium.path } : {}) },
});
process.exit(r.status ?? 1);
