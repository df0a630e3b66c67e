import { BylineError } from '../../shared/errors';
import type { Article } from '../../shared/model/article';
import type { Store } from '../store/store';
import { embeddedImageSrc, exportHtml } from './html';
import { escapeText } from './xml';

/** Prints HTML to PDF bytes: Electron's webContents.printToPDF in the app, headless Chromium elsewhere. */
export type PrintToPdf = (html: string) => Promise<Uint8Array>;

const PROOF_CSS = `
@page{size:A4;margin:18mm 20mm}
.proof-slug{font:11px system-ui,sans-serif;color:#8a1c1c;border-bottom:1px solid #ccc;padding-bottom:4px;margin-bottom:12px}
`;

/**
 * A proof for the desk: the HTML export's layout on A4, with a slug line that names it a proof
 * (revision, status, when). The result must be a PDF, or nothing is written.
 */
export async function exportPdfProof(article: Article, store: Store, printToPdf: PrintToPdf, now = new Date()): Promise<Uint8Array> {
  const html = exportHtml(article, store.houseStyle, embeddedImageSrc(store))
    .replace('</style>', `${PROOF_CSS}</style>`)
    .replace('<article>', `<article>\n<p class="proof-slug">PROOF · revision ${article.revision} · ${escapeText(article.status)} · printed ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC · not for publication</p>`);
  const pdf = await printToPdf(html);
  const head = Buffer.from(pdf.subarray(0, 5)).toString('latin1');
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 32))).toString('latin1');
  if (head !== '%PDF-' || !tail.includes('%%EOF')) throw new BylineError('internal', 'The PDF proof came out incomplete, so it was not written.');
  return pdf;
}
