import fs from 'node:fs';
import { BylineError, describeIssues } from '../shared/errors';
import { DEFAULT_HOUSE_STYLE, HouseStyleSchema, type HouseStyle } from '../shared/houseStyle';

/**
 * Reads the newsroom's house-style file. No file means the defaults; a broken file is an error that
 * names the file and the field, never silently replaced by defaults.
 */
export function loadHouseStyle(file: string): HouseStyle {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_HOUSE_STYLE;
    throw new BylineError('io', `Cannot read the house-style file ${file}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new BylineError(
      'invalid-input',
      `The house-style file ${file} is not valid JSON: ${(error as Error).message}`,
    );
  }
  const parsed = HouseStyleSchema.safeParse(raw);
  if (!parsed.success)
    throw new BylineError(
      'invalid-input',
      `The house-style file ${file} is not valid: ${describeIssues(parsed.error.issues)}`,
    );
  return parsed.data;
}
