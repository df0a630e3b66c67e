// Entry point of the browser mode (`npm run web`, and `npm start` without Electron's binary).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createHandlers, defaultExportDir } from '../ipc/handlers';
import { endExiftool } from '../media/exiftool';
import { loadHouseStyle } from '../houseStyleFile';
import { houseStylePath, resolveDbPath } from '../paths';
import { Store } from '../store/store';
import { BylineError } from '../../shared/errors';
import { startWebServer } from './server';
import { loadBrowserSession, saveBrowserSession } from './session';
import { holdSession } from '../store/sessionLock';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, port: { type: 'string' }, renderer: { type: 'string' } },
    strict: true,
  });
  const dbPath = resolveDbPath(values.db);
  const store = Store.open(dbPath, { houseStyle: loadHouseStyle(houseStylePath(dbPath)) });
  // While browser mode runs, a restore, an emptied trash or a schema upgrade from elsewhere waits (sessionLock.ts).
  let releaseSession: () => void;
  try {
    releaseSession = holdSession(dbPath, 'browser mode');
  } catch (error) {
    store.close();
    throw error;
  }
  // A browser page cannot show native save dialogs: backups and exports go to folders beside the data.
  const handlers = createHandlers(store, { mode: 'browser', chooseBackupDestination: async (p) => p, chooseExportPath: async (p) => p });
  const rendererDir = values.renderer ?? path.join(__dirname, '..', 'renderer');
  // The same address as last time for this data folder, so an open tab reconnects by itself.
  const dataDir = path.dirname(dbPath);
  const kept = loadBrowserSession(dataDir);
  const server = await startWebServer({ handlers, rendererDir, port: values.port ? Number(values.port) : kept.port, token: kept.token, downloadsDir: defaultExportDir(dbPath) });
  saveBrowserSession(dataDir, { port: server.port, token: kept.token });

  console.log(`Byline (browser mode) is running.\n  Data: ${dbPath}\n  Open: ${server.launchUrl}\nPress Ctrl+C to stop.`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    store.close();
    releaseSession();
    await endExiftool();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`byline: ${error instanceof BylineError ? error.message : (error as Error).message}`);
  process.exit(1);
});
