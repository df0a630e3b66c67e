import path from 'node:path';

/**
 * A bundle from dist/main: worker threads need a file of their own. From the sources (src/main)
 * and from the bundles (dist/main) dist/main is two folders up and back down, so one rule serves
 * the tests, the CLI, browser mode and the packaged app.
 */
export function bundlePath(name: string): string {
  return path.resolve(__dirname, '..', '..', 'dist', 'main', name);
}
