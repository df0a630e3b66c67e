import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingPrerequisite } from './prerequisites';

/** ../shared/fixtures beside the checkout, as DEVELOPERS.md lays it out. */
export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');

/** A fixture's path; null when it is missing (a failure under BYLINE_REQUIRE_PREREQUISITES). */
export function fixture(rel: string): string | null {
  const file = path.join(FIXTURES, rel);
  if (fs.existsSync(file)) return file;
  if (process.env.BYLINE_REQUIRE_PREREQUISITES === '1') missingPrerequisite(`tests that need ${rel}`, SKIP_NO_FIXTURES);
  return null;
}

export const SKIP_NO_FIXTURES = `shared fixtures not found at ${FIXTURES} (see ../shared/SOURCES.md)`;

/** A tiny but real PNG (1×1, red), so tests that need an image do not depend on fixtures. */
export function tinyPng(seed = 0): Buffer {
  const base = Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082',
    'hex',
  );
  // Append a tEXt-free trailer byte run after IEND so each seed gives distinct content (readers ignore it).
  return seed ? Buffer.concat([base, Buffer.from(String(seed))]) : base;
}

/** A fixture's path, or null after saying why the tests that need it are skipped. */
export function fixtureOrSkip(rel: string): string | null {
  const file = fixture(rel);
  if (!file) missingPrerequisite(`tests that need ${rel}`, SKIP_NO_FIXTURES);
  return file;
}
