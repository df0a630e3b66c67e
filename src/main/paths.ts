import os from 'node:os';
import path from 'node:path';

/**
 * Where the desktop app keeps its data: the same folder Electron's `app.getPath('userData')` gives
 * for a product named Byline, computed without Electron so the CLI and browser mode find it too.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home = os.homedir(),
): string {
  if (platform === 'win32')
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'Byline');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'Byline');
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), 'Byline');
}

/** `--db` wins, then `BYLINE_DB`, then the desktop app's own file. */
export function resolveDbPath(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag || env.BYLINE_DB || path.join(defaultDataDir(), 'byline.db'));
}

/** The house-style file sits beside the database unless BYLINE_HOUSE_STYLE names another. */
export function houseStylePath(dbPath: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.BYLINE_HOUSE_STYLE || path.join(path.dirname(dbPath), 'house-style.json'));
}
