import { validateXML } from 'xmllint-wasm';
import { BylineError } from '../../shared/errors';
import { readStandard } from '../standards';

export interface XsdSchema {
  /** Folder in resources/standards and the schema's main file. */
  folder: string;
  main: string;
  /** Files the main schema imports or includes. */
  preload: string[];
}

export const NITF_36: XsdSchema = { folder: 'nitf', main: 'nitf-3-6.xsd', preload: ['xml.xsd', 'nitf-3-6-ruby-include.xsd'] };
export const NEWSML_G2_235: XsdSchema = { folder: 'newsml-g2', main: 'NewsML-G2_2.35-spec-All-Power.xsd', preload: ['xml.xsd'] };

/**
 * Validates a document against an official XSD with libxml2 (compiled to WebAssembly, so no
 * network and no external entities). Throws naming the first problems; an export that fails is
 * never written.
 */
export async function assertValidXml(xml: string, schema: XsdSchema, what: string): Promise<void> {
  const load = (f: string) => ({ fileName: f, contents: readStandard(schema.folder, f) });
  const result = await validateXML({
    xml: [{ fileName: 'export.xml', contents: xml }],
    schema: [load(schema.main)],
    preload: schema.preload.map(load),
  });
  if (!result.valid) {
    const problems = result.errors.slice(0, 3).map((e) => `line ${e.loc?.lineNumber ?? '?'}: ${e.message.replace(/^Schemas validity error : /, '')}`);
    throw new BylineError('invalid-input', `The ${what} is not valid against ${schema.main}, so it was not written: ${problems.join('; ')}`);
  }
}
