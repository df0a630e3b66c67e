import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/channels';

export interface MenuActions {
  send(command: MenuCommand): void;
  quit(): void;
  isMac: boolean;
  isDev: boolean;
}

/** The application menu; a pure template so its items and shortcuts are tested without Electron. */
export function buildMenuTemplate({ send, quit, isMac, isDev }: MenuActions): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Article', accelerator: 'CmdOrCtrl+N', click: () => send('new-article') },
      // One door for files: a .byline package from another machine, or an article in any import format.
      { label: 'Import or Open…', accelerator: 'CmdOrCtrl+O', click: () => send('import') },
      { label: 'Articles', accelerator: 'CmdOrCtrl+Shift+O', click: () => send('show-list') },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => send('save-now') },
      { type: 'separator' },
      { label: 'Send for Review…', click: () => send('send-for-review') },
      { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', click: () => send('export') },
      { type: 'separator' },
      { label: 'Back Up…', click: () => send('backup') },
      { label: 'Photo Desk', accelerator: 'CmdOrCtrl+Shift+P', click: () => send('show-photos') },
      { label: 'Trash', click: () => send('show-trash') },
      { type: 'separator' },
      { label: isMac ? 'Quit Byline' : 'E&xit', accelerator: isMac ? 'Cmd+Q' : 'Ctrl+Q', click: quit },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(isDev ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };
  const app: MenuItemConstructorOptions[] = isMac ? [{ role: 'appMenu' }] : [];
  return [...app, file, edit, view];
}
