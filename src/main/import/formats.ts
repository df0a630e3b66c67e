import { importBylineJson } from './bylineJson';
import { assertImportSize } from './decode';
import { detectFormat, type ImportFormat } from './detect';
import { importDocx } from './docx';
import { importHtml } from './html';
import { importMarkdown } from './markdown';
import { importNewsmlG2 } from './newsmlG2';
import { importNinjs } from './ninjs';
import { importNitf } from './nitf';
import { importWebText } from './webText';
import type { ImportContext, ImportedArticle, Importer } from './types';

/** One module per format; each refuses what it cannot read with a message naming the file. */
export const IMPORTERS: Record<ImportFormat, Importer> = {
  json: importBylineJson,
  nitf: importNitf,
  newsml: importNewsmlG2,
  ninjs: importNinjs,
  html: importHtml,
  md: importMarkdown,
  text: importWebText,
  docx: importDocx,
};

/** Reads one file's bytes as an article: `auto` detects the format from the content. */
export async function importArticle(bytes: Uint8Array, format: ImportFormat | 'auto', ctx: ImportContext): Promise<ImportedArticle & { format: ImportFormat }> {
  assertImportSize(ctx.fileName, bytes);
  const chosen = format === 'auto' ? detectFormat(ctx.fileName, bytes) : format;
  return { ...(await IMPORTERS[chosen](bytes, ctx)), format: chosen };
}
