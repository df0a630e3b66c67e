// Entry point of the browser mode (`npm run web`, and `npm start` without Electron's binary).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultExportDir } from '../ipc/handlers';
import { startStoreWorker } from '../ipc/storeWorkerClient';
import { loadHouseStyle } from '../houseStyleFile';
import { houseStylePath, resolveDbPath } from '../paths';
import { BylineError } from '../../shared/errors';
import { startWebServer, type WebServer } from './server';
import { loadBrowserSession, saveBrowserSession } from './session';
import { holdSession } from '../store/sessionLock';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, port: { type: 'string' }, renderer: { type: 'string' } },
    strict: true,
  });
  const dbPath = resolveDbPath(values.db);
  // The store lives on a thread of its own (storeWorker.ts): a long backup or import never stalls this server.
  // A browser page cannot show native save dialogs: backups and exports go to folders beside the data.
  let server: WebServer | null = null;
  const store = await startStoreWorker(
    { dbPath, houseStyle: loadHouseStyle(houseStylePath(dbPath)) },
    { mode: 'browser', chooseBackupDestination: async (p) => p, chooseExportPath: async (p) => p },
    {
      onProgress: (progress) => server?.sendEvent({ event: 'progress', progress }),
      onSync: (status) => server?.sendEvent({ event: 'sync', status }),
    },
  );
  // While browser mode runs, a restore, an emptied trash or a schema upgrade from elsewhere waits (sessionLock.ts).
  let releaseSession: () => void;
  try {
    releaseSession = holdSession(dbPath, 'browser mode');
  } catch (error) {
    await store.close();
    throw error;
  }
  const rendererDir = values.renderer ?? path.join(__dirname, '..', 'renderer');
  // The same address as last time for this data folder, so an open tab reconnects by itself.
  const dataDir = path.dirname(dbPath);
  const kept = loadBrowserSession(dataDir);
  server = await startWebServer({
    invoke: store.invoke,
    rendererDir,
    port: values.port ? Number(values.port) : kept.port,
    token: kept.token,
    downloadsDir: defaultExportDir(dbPath),
  });
  saveBrowserSession(dataDir, { port: server.port, token: kept.token });

  console.log(
    `Byline (browser mode) is running.\n  Data: ${dbPath}\n  Open: ${server.launchUrl}\nPress Ctrl+C to stop.`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await store.close();
    releaseSession();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`byline: ${error instanceof BylineError ? error.message : (error as Error).message}`);
  process.exit(1);
});
