import type { BrowserWindowConstructorOptions } from 'electron';

/** The renderer is served from this privileged, standard scheme; nothing else is trusted. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'byline';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Only the app's own top-level page may call IPC (no iframes, no navigated-away pages). */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

/**
 * The main window's options, kept in one pure function so tests can check every security setting
 * (Electron's security checklist) without starting Electron.
 */
export function createWindowOptions(preload: string, bounds: WindowBounds): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 640,
    minHeight: 480,
    title: 'Byline',
    show: false,
    backgroundColor: '#f4f5f7',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      safeDialogs: true,
    },
  };
}
