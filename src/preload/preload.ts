// The only bridge between the sandboxed page and the main process: one `invoke` for the channels of
// the IPC contract, one listener each for menu commands, long jobs' progress and where sync with the newsroom server stands. Anything else
// is refused here, before IPC.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IPC_PREFIX,
  MENU_EVENT,
  PROGRESS_EVENT,
  SYNC_EVENT,
  isChannel,
  type MenuCommand,
  MENU_COMMANDS,
} from '../shared/ipc/channels';
import { JobProgressSchema, type JobProgress } from '../shared/jobs';
import { SyncStatusSchema, type SyncStatus } from '../shared/model/syncStatus';

contextBridge.exposeInMainWorld('byline', {
  invoke(channel: unknown, payload: unknown) {
    if (!isChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'forbidden', message: `Unknown request "${String(channel).slice(0, 60)}".` },
      });
    }
    return ipcRenderer.invoke(IPC_PREFIX + channel, payload);
  },
  onMenuCommand(listener: (command: MenuCommand) => void) {
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_EVENT, handler);
    return () => ipcRenderer.removeListener(MENU_EVENT, handler);
  },
  onProgress(listener: (progress: JobProgress) => void) {
    const handler = (_event: IpcRendererEvent, progress: unknown) => {
      const parsed = JobProgressSchema.safeParse(progress);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(PROGRESS_EVENT, handler);
    return () => ipcRenderer.removeListener(PROGRESS_EVENT, handler);
  },
  onSync(listener: (status: SyncStatus) => void) {
    const handler = (_event: IpcRendererEvent, status: unknown) => {
      const parsed = SyncStatusSchema.safeParse(status);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(SYNC_EVENT, handler);
    return () => ipcRenderer.removeListener(SYNC_EVENT, handler);
  },
});
