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

export const NITF_36: XsdSchema = {
  folder: 'nitf',
  main: 'nitf-3-6.xsd',
  preload: ['xml.xsd', 'nitf-3-6-ruby-include.xsd'],
};
export const NEWSML_G2_235: XsdSchema = {
  folder: 'newsml-g2',
  main: 'NewsML-G2_2.35-spec-All-Power.xsd',
  preload: ['xml.xsd'],
};

interface Pending {
  xml: string;
  what: string;
  resolve(): void;
  reject(error: Error): void;
}

/** Documents per libxml2 run: compiling a schema costs ~150 ms, checking a document ~1 ms. */
const MAX_BATCH = 200;
const queues = new Map<XsdSchema, Pending[]>();

async function flush(schema: XsdSchema): Promise<void> {
  const batch = (queues.get(schema) ?? []).splice(0, MAX_BATCH);
  if (!queues.get(schema)?.length) queues.delete(schema);
  else setImmediate(() => void flush(schema));
  const load = (f: string) => ({ fileName: f, contents: readStandard(schema.folder, f) });
  try {
    const result = await validateXML({
      xml: batch.map((p, i) => ({ fileName: `document-${i}.xml`, contents: p.xml })),
      schema: [load(schema.main)],
      preload: schema.preload.map(load),
    });
    batch.forEach((p, i) => {
      const errors = result.errors.filter((e) => e.loc?.fileName === `document-${i}.xml`);
      if (!errors.length) return p.resolve();
      const problems = errors
        .slice(0, 3)
        .map((e) => `line ${e.loc?.lineNumber ?? '?'}: ${e.message.replace(/^Schemas validity error : /, '')}`);
      p.reject(
        new BylineError(
          'invalid-input',
          `The ${p.what} is not valid against ${schema.main}, so it was not written: ${problems.join('; ')}`,
        ),
      );
    });
  } catch (error) {
    for (const p of batch) p.reject(error as Error);
  }
}

/**
 * Validates a document against an official XSD with libxml2 (compiled to WebAssembly, so no
 * network and no external entities). Throws naming the first problems; an export that fails is
 * never written. Documents checked in the same tick share one schema compilation, so a batch
 * export of a thousand articles costs seconds, not minutes.
 */
export function assertValidXml(xml: string, schema: XsdSchema, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const queue = queues.get(schema);
    if (queue) queue.push({ xml, what, resolve, reject });
    else {
      queues.set(schema, [{ xml, what, resolve, reject }]);
      setImmediate(() => void flush(schema));
    }
  });
}
