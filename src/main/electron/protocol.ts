import fs from 'node:fs';
import { protocol } from 'electron';
import { SECURITY_HEADERS } from '../../shared/security/csp';
import { resolveStatic } from '../web/staticFiles';
import { APP_HOST, APP_SCHEME } from './security';

/** Must run before `app.whenReady()`: makes app:// a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from app://byline/ with the same CSP and headers as the browser mode. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const found = url.host === APP_HOST ? resolveStatic(rendererDir, url.pathname) : null;
    if (!found) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(fs.readFileSync(found.file), { headers: { ...SECURITY_HEADERS, 'Content-Type': found.type } });
  });
}
