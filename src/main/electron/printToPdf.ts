import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { inPrivateTempDir } from '../privateTemp';

/**
 * Prints one of Byline's HTML exports to PDF with Electron's own Chromium: an invisible window
 * with JavaScript off, sandboxed, showing a temporary file that is removed afterwards.
 */
export async function electronPrintToPdf(html: string): Promise<Uint8Array> {
  return inPrivateTempDir('byline-pdf-', async (dir) => {
    const file = path.join(dir, 'proof.html');
    fs.writeFileSync(file, html);
    const win = new BrowserWindow({
      show: false,
      webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    try {
      win.webContents.on('will-navigate', (event) => event.preventDefault());
      await win.loadFile(file);
      return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
    } finally {
      win.destroy();
    }
  });
}
