import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../src/main/electron/menu';
import { APP_START_URL, createWindowOptions, isAppUrl, isTrustedSender } from '../../../src/main/electron/security';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../src/shared/security/csp';
import type { MenuCommand } from '../../../src/shared/ipc/channels';

describe('main window options (Electron security checklist)', () => {
  const options = createWindowOptions('/app/dist/preload/preload.cjs', { width: 1200, height: 800 });
  const web = options.webPreferences!;

  it('isolates and sandboxes the renderer with no Node', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and risky features off', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.preload).toBe('/app/dist/preload/preload.cjs');
  });
});

describe('trusted origins', () => {
  it('trusts only the app scheme and host', () => {
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isAppUrl('app://byline/assets/x.js')).toBe(true);
    for (const url of [
      'app://evil/index.html',
      'https://byline/',
      'file:///app/dist/renderer/index.html',
      'http://127.0.0.1:3000/',
      'javascript:alert(1)',
      '',
      'nonsense',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('accepts IPC only from the top frame of the app page', () => {
    expect(isTrustedSender({ url: APP_START_URL, parent: null })).toBe(true);
    expect(isTrustedSender({ url: APP_START_URL, parent: {} })).toBe(false); // an iframe
    expect(isTrustedSender({ url: 'https://example.org/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows only the app itself', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
    );
    expect(directives['default-src']).toBe("'none'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['style-src']).toBe("'self'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('application menu', () => {
  const sent: MenuCommand[] = [];
  let quit = 0;
  const menu = buildMenuTemplate({ send: (c) => sent.push(c), quit: () => quit++, isMac: false, isDev: false });
  const items = (label: string) =>
    (menu.find((m) => m.label === label)?.submenu ?? []) as {
      label?: string;
      role?: string;
      accelerator?: string;
      enabled?: boolean;
      click?: () => void;
    }[];

  it('has File, Edit and View', () => {
    expect(menu.map((m) => m.label)).toEqual(['&File', '&Edit', '&View']);
    expect(
      items('&Edit')
        .map((i) => i.role)
        .filter(Boolean),
    ).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'selectAll']);
    expect(items('&View').some((i) => i.role === 'toggleDevTools')).toBe(false);
  });

  it('File commands reach the renderer and Quit quits', () => {
    const file = items('&File');
    const byLabel = (l: string) => file.find((i) => i.label === l)!;
    expect(byLabel('New Article').accelerator).toBe('CmdOrCtrl+N');
    byLabel('New Article').click!();
    byLabel('Import or Open…').click!();
    byLabel('Articles').click!();
    byLabel('Send for Review…').click!();
    byLabel('Export…').click!();
    byLabel('Back Up…').click!();
    byLabel('E&xit').click!();
    expect(sent).toEqual(['new-article', 'import', 'show-list', 'send-for-review', 'export', 'backup']);
    expect(quit).toBe(1);
  });

  it('shows developer tools only in development, and the app menu on macOS', () => {
    const dev = buildMenuTemplate({ send: () => undefined, quit: () => undefined, isMac: true, isDev: true });
    expect(dev[0]).toEqual({ role: 'appMenu' });
    expect(
      (dev.find((m) => m.label === '&View')!.submenu as { role?: string }[]).some((i) => i.role === 'toggleDevTools'),
    ).toBe(true);
  });
});
