import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { BylineError } from '../../shared/errors';
import { readStandard } from '../standards';

const compiled = new Map<string, ValidateFunction>();

/** The official ninjs schemas, compiled once; the GeoJSON schema they reference by URL is loaded from resources, never fetched. */
function validator(file: string): ValidateFunction {
  let validate = compiled.get(file);
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(JSON.parse(readStandard('ninjs', 'GeoJSON-schema.json')) as object);
    validate = ajv.compile(JSON.parse(readStandard('ninjs', file)) as object);
    compiled.set(file, validate);
  }
  return validate;
}

/** Throws naming the fields that break the official schema; nothing is written then. */
export function assertValidJson(value: unknown, schemaFile: string, what: string): void {
  const validate = validator(schemaFile);
  if (validate(value)) return;
  const problems = (validate.errors ?? [])
    .slice(0, 3)
    .map((e) => `${e.instancePath || '(top)'} ${e.message ?? ''}`.trim());
  throw new BylineError(
    'invalid-input',
    `The ${what} is not valid against ${schemaFile}, so it was not written: ${problems.join('; ')}`,
  );
}
