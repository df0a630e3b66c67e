// Electron's main process: thin glue around the same services the CLI and the browser mode use.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, type IpcMainInvokeEvent } from 'electron';
import {
  CHANNELS,
  IPC_PREFIX,
  MENU_EVENT,
  PROGRESS_EVENT,
  SYNC_EVENT,
  type MenuCommand,
} from '../../shared/ipc/channels';
import { holdSession } from '../store/sessionLock';
import { BylineError } from '../../shared/errors';
import { startStoreWorker, type StoreWorker } from '../ipc/storeWorkerClient';
import { loadHouseStyle } from '../houseStyleFile';
import { defaultDataDir, houseStylePath, resolveDbPath } from '../paths';
import { pickSpellcheckLanguages } from '../spellcheck';
import { buildMenuTemplate } from './menu';
import { electronNativeBinding } from './nativeBinding';
import { electronPrintToPdf } from './printToPdf';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_START_URL, createWindowOptions, isAppUrl, isTrustedSender } from './security';
import { fitToDisplays, loadWindowState, saveWindowState } from './windowState';

const appRoot = path.join(__dirname, '..', '..');
app.setPath('userData', defaultDataDir());
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  let store: StoreWorker | null = null;

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  // Every web contents, including any the app never meant to create: no navigation away from the
  // app, no new windows, no webviews.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.whenReady().then(async () => {
    // The store lives on a thread of its own (storeWorker.ts), so a long backup or import never
    // freezes the window; dialogs and printing come back to this thread through the host.
    const host = {
      mode: 'desktop' as const,
      chooseBackupDestination: async (defaultPath: string) => {
        const options = { title: 'Back up Byline to…', defaultPath, buttonLabel: 'Back Up' };
        const r = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
        return r.canceled || !r.filePath ? null : r.filePath;
      },
      setSpellcheckLanguage: (language: string) => {
        const picked = pickSpellcheckLanguages(language, session.defaultSession.availableSpellCheckerLanguages);
        if (picked.length) session.defaultSession.setSpellCheckerLanguages(picked);
        return session.defaultSession.getSpellCheckerLanguages();
      },
      printToPdf: electronPrintToPdf,
      chooseExportPath: async (defaultPath: string) => {
        const options = {
          title: 'Export article',
          defaultPath,
          filters: [{ name: 'Article', extensions: [path.extname(defaultPath).slice(1) || 'json'] }],
        };
        const r = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
        return r.canceled || !r.filePath ? null : r.filePath;
      },
    };
    try {
      const dbPath = resolveDbPath();
      store = await startStoreWorker(
        {
          dbPath,
          nativeBinding: electronNativeBinding(appRoot, app.isPackaged, process.resourcesPath),
          houseStyle: loadHouseStyle(houseStylePath(dbPath)),
        },
        host,
        {
          onProgress: (progress) => window?.webContents.send(PROGRESS_EVENT, progress),
          onSync: (status) => window?.webContents.send(SYNC_EVENT, status),
        },
      );
      // While the app runs, a restore, an emptied trash or a schema upgrade from the CLI waits.
      const release = holdSession(dbPath, 'the Byline app');
      app.on('will-quit', release);
    } catch (error) {
      dialog.showErrorBox('Byline cannot open its data', error instanceof BylineError ? error.message : String(error));
      app.exit(1);
      return;
    }
    const invoke = store.invoke;

    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    serveRenderer(path.join(appRoot, 'dist', 'renderer'));

    for (const channel of CHANNELS) {
      ipcMain.handle(IPC_PREFIX + channel, (event: IpcMainInvokeEvent, payload: unknown) => {
        if (!isTrustedSender(event.senderFrame)) {
          return {
            ok: false,
            error: { code: 'forbidden', message: "Request refused: it did not come from Byline's own page." },
          };
        }
        return invoke(channel, payload);
      });
    }

    const stateFile = path.join(app.getPath('userData'), 'window-state.json');
    const state = fitToDisplays(
      loadWindowState(stateFile),
      screen.getAllDisplays().map((d) => d.workArea),
    );
    window = new BrowserWindow(createWindowOptions(path.join(appRoot, 'dist', 'preload', 'preload.cjs'), state));
    if (state.maximized) window.maximize();
    window.once('ready-to-show', () => window?.show());
    window.on('close', () => {
      if (!window) return;
      saveWindowState(stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    });
    window.on('closed', () => (window = null));

    const send = (command: MenuCommand) => window?.webContents.send(MENU_EVENT, command);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          send,
          quit: () => app.quit(),
          isMac: process.platform === 'darwin',
          isDev: !app.isPackaged,
        }),
      ),
    );
    void window.loadURL(APP_START_URL);
  });

  app.on('window-all-closed', () => app.quit());
  // The store thread finishes the requests it has (a save in flight), closes the store and ends
  // exiftool before the app goes; its exiftool processes would also end with the app's stdin.
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting || !store) return;
    quitting = true;
    event.preventDefault();
    void store.close().finally(() => app.quit());
  });
}
