/** Injected by the build (esbuild `define`); falls back for tests that run the sources directly. */
declare const __BYLINE_VERSION__: string | undefined;
export const BYLINE_VERSION: string = typeof __BYLINE_VERSION__ === 'string' ? __BYLINE_VERSION__ : '0.0.0-dev';
