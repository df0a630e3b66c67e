import { assertExportable, exportRefusal } from './exportable';
import type { Article } from '../../shared/model/article';
import { creditContradictions } from '../../shared/workflow';
import { embeddedLookup } from '../media/photoInfo';
import type { ExportFormat } from '../../shared/ipc/channels';
import type { Store } from '../store/store';
import type { PrintToPdf } from './pdf';

export interface Exported {
  /** Text formats as a string, binary ones (PDF, DOCX) as bytes. */
  data: string | Uint8Array;
  extension: string;
  /** What the file was checked against before it could be written, as shown to the person. */
  checked: string;
}

/** What an export may need from where it runs. */
export interface ExportEnv {
  printToPdf: PrintToPdf;
}

/** Said of every export that carries pictures: their copies were read back. */
const PICTURES_CHECKED = '; pictures carry the caption and credit (read back)';

/**
 * One entry per exchange format; each module checks its own output before anything is written.
 * Modules load on first use, so the schema validators and document writers cost nothing at start-up.
 */
export const EXPORTERS: Record<ExportFormat, (article: Article, store: Store, env: ExportEnv) => Promise<Exported>> = {
  json: async (article) => ({
    data: (await import('./bylineJson')).exportBylineJson(article),
    extension: 'json',
    checked: "Byline's article model",
  }),
  nitf: async (article, store) => ({
    data: await (await import('./nitf')).exportNitf(article, store.houseStyle, (id) => store.assets.find(id)),
    extension: 'xml',
    checked: 'the NITF 3.6 XSD',
  }),
  newsml: async (article, store) => ({
    data: await (await import('./newsmlG2')).exportNewsmlG2(article, store.houseStyle, (id) => store.assets.find(id)),
    extension: 'newsml.xml',
    checked: 'the NewsML-G2 2.35 XSD',
  }),
  ninjs: async (article, store) => ({
    data: (await import('./ninjs')).exportNinjs(article, '3.1', store.houseStyle, (id) => store.assets.find(id)),
    extension: 'ninjs.json',
    checked: 'the ninjs 3.1 JSON schema',
  }),
  ninjs2: async (article, store) => ({
    data: (await import('./ninjs')).exportNinjs(article, '2.2', store.houseStyle, (id) => store.assets.find(id)),
    extension: 'ninjs2.json',
    checked: 'the ninjs 2.2 JSON schema',
  }),
  'newsml-package': async (article, store) => ({
    data: await (await import('./newsPackage')).exportNewsPackage('newsml', article, store),
    extension: 'newsml.zip',
    checked: `the NewsML-G2 2.35 XSD${PICTURES_CHECKED}`,
  }),
  'ninjs-package': async (article, store) => ({
    data: await (await import('./newsPackage')).exportNewsPackage('ninjs', article, store),
    extension: 'ninjs.zip',
    checked: `the ninjs 3.1 JSON schema${PICTURES_CHECKED}`,
  }),
  html: async (article, store) => {
    const [{ exportHtml }, { creditedPictures, dataUrlOf }] = await Promise.all([
      import('./html'),
      import('./creditedPictures'),
    ]);
    const copies = await creditedPictures(store, article);
    return {
      data: exportHtml(article, store.houseStyle, (id) => dataUrlOf(copies.get(id)!)),
      extension: 'html',
      checked: `well-formedness (parsed back)${PICTURES_CHECKED}`,
    };
  },
  md: async (article, store) => ({
    data: (await import('./markdown')).exportMarkdown(article, store.houseStyle),
    extension: 'md',
    checked: 'the export rules (headline, credits, alt text)',
  }),
  text: async (article, store) => ({
    data: (await import('./wireText')).exportWireText(article, store.houseStyle),
    extension: 'txt',
    checked: 'the export rules (headline, credits, alt text)',
  }),
  docx: async (article, store) => {
    const [{ exportDocx }, { creditedPictures }] = await Promise.all([import('./docx'), import('./creditedPictures')]);
    return {
      data: await exportDocx(article, store, await creditedPictures(store, article)),
      extension: 'docx',
      checked: `a read-back of the document${PICTURES_CHECKED}`,
    };
  },
  pdf: async (article, store, env) => ({
    data: await (await import('./pdf')).exportPdfProof(article, store, env.printToPdf),
    extension: 'pdf',
    checked: 'a complete PDF',
  }),
};

/**
 * Every export goes through here: what every format needs (a headline; each picture's file,
 * credit and alt text) and a picture whose credit contradicts its file stop it (named, with what
 * is wrong), then the format's own checks run.
 */
export async function exportArticle(
  format: ExportFormat,
  article: Article,
  store: Store,
  env: ExportEnv,
): Promise<Exported> {
  // Byline JSON is the article itself, pictures still waiting for their files included.
  if (format !== 'json') assertExportable(article);
  const contradictions = creditContradictions(article.body, embeddedLookup(store.assets));
  if (contradictions.length) throw exportRefusal(contradictions);
  return EXPORTERS[format](article, store, env);
}

export function isExportFormat(value: string): value is ExportFormat {
  return value in EXPORTERS;
}
