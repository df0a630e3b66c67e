import { assertImportSize } from './decode';
import { detectFormat, type ImportFormat } from './detect';
import type { ImportContext, ImportedArticle, Importer } from './types';

/**
 * One module per format; each refuses what it cannot read with a message naming the file.
 * Loaded on first use: the parsers (linkedom, mammoth, marked, saxes) would otherwise triple the
 * start-up time of every CLI call and of the app.
 */
export const IMPORTERS: Record<ImportFormat, Importer> = {
  json: async (bytes, ctx) => (await import('./bylineJson')).importBylineJson(bytes, ctx),
  nitf: async (bytes, ctx) => (await import('./nitf')).importNitf(bytes, ctx),
  newsml: async (bytes, ctx) => (await import('./newsmlG2')).importNewsmlG2(bytes, ctx),
  ninjs: async (bytes, ctx) => (await import('./ninjs')).importNinjs(bytes, ctx),
  html: async (bytes, ctx) => (await import('./html')).importHtml(bytes, ctx),
  md: async (bytes, ctx) => (await import('./markdown')).importMarkdown(bytes, ctx),
  text: async (bytes, ctx) => (await import('./webText')).importWebText(bytes, ctx),
  docx: async (bytes, ctx) => (await import('./docx')).importDocx(bytes, ctx),
};

/** Reads one file's bytes as an article: `auto` detects the format from the content. */
export async function importArticle(
  bytes: Uint8Array,
  format: ImportFormat | 'auto',
  ctx: ImportContext,
): Promise<ImportedArticle & { format: ImportFormat }> {
  assertImportSize(ctx.fileName, bytes);
  const chosen = format === 'auto' ? detectFormat(ctx.fileName, bytes) : format;
  return { ...(await IMPORTERS[chosen](bytes, ctx)), format: chosen };
}
