import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/shared/security/csp.ts';

/**
 * Puts the one CSP into index.html too, so a page opened without our headers is still locked down.
 * (frame-ancestors only works as a header; browsers warn about it in a meta tag.)
 */
function cspMeta(): Plugin {
  const metaPolicy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'byline-csp-meta',
    transformIndexHtml: (html) => html.replace('%BYLINE_CSP%', metaPolicy),
  };
}

export default defineConfig({
  root: path.resolve(import.meta.dirname, 'src/renderer'),
  base: '/',
  plugins: [react(), cspMeta()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
});
