import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 is a native addon and Node and Electron need different builds. The Node build stays
 * in node_modules (tests, CLI, browser mode); the Electron build is made into build/native/electron
 * by scripts/native-electron.mjs and shipped as resources/native in the packaged app.
 */
export function electronNativeBinding(appRoot: string, packaged: boolean, resourcesPath: string): string {
  const file = packaged
    ? path.join(resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(appRoot, 'build', 'native', 'electron', 'better_sqlite3.node');
  if (!fs.existsSync(file)) {
    throw new Error(
      packaged
        ? `Byline is incomplete: ${file} is missing. Reinstall Byline.`
        : `better-sqlite3 has no Electron build yet (${file}). Run: node scripts/native-electron.mjs`,
    );
  }
  return file;
}
