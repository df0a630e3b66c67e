#!/usr/bin/env node
// Builds everything `npm start`, `npm run web`, the `byline` CLI and the tests run:
//   dist/main/{cli,web,electron}.cjs  main-process bundles (esbuild; dependencies stay in node_modules)
//   dist/server/cli.cjs               the newsroom server (byline-server)
//   dist/main/import-worker.cjs       the worker thread that parses imports under memory and time limits
//   dist/main/store-worker.cjs        the worker thread that owns the store and runs the IPC handlers
//   dist/preload/preload.cjs          the sandboxed preload (one self-contained file)
//   dist/renderer/                    the React renderer (Vite)
// `--main` skips the renderer, for quick test runs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const mainOnly = process.argv.includes('--main');

export async function buildMain() {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    define: { __BYLINE_VERSION__: JSON.stringify(pkg.version) },
  };
  await Promise.all([
    build({ ...common, packages: 'external', entryPoints: ['src/main/cli/main.ts'], outfile: 'dist/main/cli.cjs' }),
    build({ ...common, packages: 'external', entryPoints: ['src/server/main.ts'], outfile: 'dist/server/cli.cjs' }),
    build({ ...common, packages: 'external', entryPoints: ['src/main/web/serve.ts'], outfile: 'dist/main/web.cjs' }),
    build({
      ...common,
      packages: 'external',
      entryPoints: ['src/main/electron/main.ts'],
      outfile: 'dist/main/electron.cjs',
    }),
    build({
      ...common,
      packages: 'external',
      entryPoints: ['src/main/import/worker.ts'],
      outfile: 'dist/main/import-worker.cjs',
    }),
    build({
      ...common,
      packages: 'external',
      entryPoints: ['src/main/ipc/storeWorker.ts'],
      outfile: 'dist/main/store-worker.cjs',
    }),
    // A sandboxed preload may require only 'electron': everything else is bundled in.
    build({
      ...common,
      external: ['electron'],
      entryPoints: ['src/preload/preload.ts'],
      outfile: 'dist/preload/preload.cjs',
    }),
  ]);
}

export async function buildRenderer() {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildMain();
  if (!mainOnly) await buildRenderer();
  console.log(
    `Built Byline ${pkg.version} in ${((Date.now() - started) / 1000).toFixed(1)} s${mainOnly ? ' (main only)' : ''}.`,
  );
}
