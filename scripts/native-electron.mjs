#!/usr/bin/env node
// Builds better-sqlite3 for Electron into build/native/electron/, leaving node_modules' Node build
// alone (tests, the CLI and the browser mode need that one). Used by `npm start` when Electron is
// present and by `npm run dist`, which ships the result as resources/native/better_sqlite3.node.
// Needs Electron's headers, which @electron/rebuild downloads: it cannot run on a machine that
// reaches only the npm registry.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const electronVersion = require('electron/package.json').version;
const outDir = path.join(root, 'build', 'native', 'electron');
const out = path.join(outDir, 'better_sqlite3.node');
const stamp = path.join(outDir, 'VERSION');
const sqliteVersion = require('better-sqlite3/package.json').version;
const wanted = `electron ${electronVersion} better-sqlite3 ${sqliteVersion}`;

if (fs.existsSync(out) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) process.exit(0);

// A private copy of the package, so the rebuild cannot touch node_modules/better-sqlite3.
const work = path.join(root, 'build', 'native', 'work');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.join(work, 'node_modules'), { recursive: true });
fs.writeFileSync(
  path.join(work, 'package.json'),
  JSON.stringify({ name: 'byline-native', version: '0.0.0', dependencies: { 'better-sqlite3': sqliteVersion } }),
);
for (const dep of ['better-sqlite3', 'bindings', 'file-uri-to-path']) {
  fs.cpSync(path.join(root, 'node_modules', dep), path.join(work, 'node_modules', dep), { recursive: true });
}
fs.rmSync(path.join(work, 'node_modules', 'better-sqlite3', 'build'), { recursive: true, force: true });

console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}…`);
const { rebuild } = await import('@electron/rebuild');
await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true });
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(path.join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), out);
fs.writeFileSync(stamp, wanted);
fs.rmSync(work, { recursive: true, force: true });
console.log(`Electron build of better-sqlite3 written to ${path.relative(root, out)}`);
