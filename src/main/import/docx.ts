import mammoth from 'mammoth';
import { BylineError } from '../../shared/errors';
import { DOCX_STYLES } from '../export/docx';
import { htmlDocumentToArticle } from './html';
import { parseHtml } from './htmlDom';
import type { ImportContext, ImportedArticle } from './types';
import { assertZipWithinLimits } from './zipGuard';

/** Word's own styles and Byline's named ones, as the HTML the page import reads. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p.teaser:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  ...Object.entries(DOCX_STYLES).map(
    ([part, name]) => `p[style-name='${name}'] => p.${part === 'signOff' ? 'sign-off' : part}:fresh`,
  ),
];

/**
 * A Word document (mammoth reads the XML inside the ZIP; it never runs macros or fetches
 * linked files). Pictures come along embedded; a caption and credit line under a picture
 * become its caption and credit.
 */
export async function importDocx(bytes: Uint8Array, ctx: ImportContext): Promise<ImportedArticle> {
  assertZipWithinLimits(bytes, ctx.fileName);
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP });
  } catch (error) {
    throw new BylineError(
      'invalid-input',
      `${ctx.fileName} is not a readable Word document (${(error as Error).message}); nothing was stored.`,
    );
  }
  const doc = parseHtml(result.value, ctx.fileName);
  // A picture followed by its caption and credit lines is one figure.
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const holder = img.closest('p') ?? img;
    const figure = doc.createElement('figure');
    holder.replaceWith(figure);
    figure.append(img);
    const caption = doc.createElement('figcaption');
    let next = figure.nextElementSibling;
    while (next && (next.classList.contains('caption') || next.classList.contains('credit'))) {
      const part = doc.createElement(next.classList.contains('credit') ? 'small' : 'span');
      part.className = next.classList.contains('credit') ? 'credit' : 'caption';
      part.textContent = next.textContent;
      caption.append(part);
      const after = next.nextElementSibling;
      next.remove();
      next = after;
    }
    figure.append(caption);
  }
  // Quote attributions ("— name") as Byline writes them follow the quote's paragraph.
  for (const quote of Array.from(doc.querySelectorAll('blockquote'))) {
    const paragraphs = Array.from(quote.querySelectorAll('p'));
    const last = paragraphs[paragraphs.length - 1];
    if (paragraphs.length > 1 && last && /^—\s/.test(last.textContent ?? '')) {
      const footer = doc.createElement('footer');
      footer.textContent = last.textContent ?? '';
      last.replaceWith(footer);
    }
  }
  const notes = result.messages
    .filter((m) => m.type === 'warning' && !/Unrecognised paragraph style/.test(m.message))
    .map((m) => `Word document: ${m.message}`);
  return htmlDocumentToArticle(doc, ctx, notes);
}
