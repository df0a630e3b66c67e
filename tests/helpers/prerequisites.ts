import fs from 'node:fs';

/**
 * Under BYLINE_REQUIRE_PREREQUISITES=1 (set by .ci/run and `npm run mutants`) a missing
 * prerequisite fails the test file instead of skipping it, so a machine without PostgreSQL cannot
 * pass the suite by skipping the newsroom's tests.
 */
export const REQUIRE_PREREQUISITES = process.env.BYLINE_REQUIRE_PREREQUISITES === '1';

/**
 * Says why tests are skipped, or fails them when prerequisites are required. Answers `reason`,
 * for `skipIf`; a skip is noted in BYLINE_SKIP_LOG, whose lines `npm test` prints at its end.
 */
export function missingPrerequisite(what: string, reason: string): string {
  if (REQUIRE_PREREQUISITES)
    throw new Error(`${what} cannot run: ${reason} (BYLINE_REQUIRE_PREREQUISITES=1 turns this skip into a failure)`);
  console.log(`skipped ${what}: ${reason}`);
  if (process.env.BYLINE_SKIP_LOG) fs.appendFileSync(process.env.BYLINE_SKIP_LOG, `${what}: ${reason}\n`);
  return reason;
}
