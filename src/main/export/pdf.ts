import { BylineError } from '../../shared/errors';
import type { Article } from '../../shared/model/article';
import type { Store } from '../store/store';
import { embeddedImageSrc, exportHtml } from './html';
import { escapeText } from './xml';

/** Prints HTML to PDF bytes: Electron's webContents.printToPDF in the app, headless Chromium elsewhere. */
export type PrintToPdf = (html: string) => Promise<Uint8Array>;

const PROOF_CSS = `
@page{size:A4;margin:18mm 20mm 22mm;@bottom-center{content:"Page " counter(page) " of " counter(pages);font:9px system-ui,sans-serif;color:#555}}
.nobreak{white-space:nowrap}
.proof-slug{font:11px system-ui,sans-serif;color:#8a1c1c;border-bottom:1px solid #ccc;padding-bottom:4px;margin-bottom:12px}
`;

/**
 * A credit line breaks only between its parts ("Bild: Getty Images/AFP/" | "A. al-Rubaye"), never
 * inside a name: each part is kept on one line, a break is allowed after each separator. The
 * characters stay as they are, so a credit copied out of the proof is the credit.
 */
export function unbreakableCredits(html: string): string {
  return html.replace(
    /(<small class="credit"[^>]*>)(.*?)(<\/small>)/g,
    (_m, open: string, text: string, close: string) => {
      const parts = text.split('/').map((p) => `<span class="nobreak">${p}</span>`);
      return `${open}${parts.join('/<wbr>')}${close}`;
    },
  );
}

/**
 * A proof for the desk: the HTML export's layout on A4, with a slug line that names it a proof
 * (revision, status, when). The result must be a PDF, or nothing is written.
 */
export async function exportPdfProof(
  article: Article,
  store: Store,
  printToPdf: PrintToPdf,
  now = new Date(),
): Promise<Uint8Array> {
  const html = unbreakableCredits(exportHtml(article, store.houseStyle, embeddedImageSrc(store)))
    .replace('</style>', `${PROOF_CSS}</style>`)
    .replace(
      '<article>',
      `<article>\n<p class="proof-slug">PROOF · revision ${article.revision} · ${escapeText(article.status)} · printed ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC · not for publication</p>`,
    );
  const pdf = await printToPdf(html);
  const head = Buffer.from(pdf.subarray(0, 5)).toString('latin1');
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 32))).toString('latin1');
  if (head !== '%PDF-' || !tail.includes('%%EOF'))
    throw new BylineError('internal', 'The PDF proof came out incomplete, so it was not written.');
  return pdf;
}
