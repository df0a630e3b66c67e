import fs from 'node:fs';
import path from 'node:path';

/**
 * resources/standards/ holds the official schemas. From the sources (src/main) and from the
 * bundles (dist/main) it is two folders up; in the packaged app it sits inside the app archive
 * at the same place, so one rule serves all three.
 */
export function standardsDir(): string {
  return path.resolve(__dirname, '..', '..', 'resources', 'standards');
}

export function readStandard(...parts: string[]): string {
  return fs.readFileSync(path.join(standardsDir(), ...parts), 'utf8');
}
