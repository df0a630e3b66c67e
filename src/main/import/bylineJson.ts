import { BylineError, describeIssues } from '../../shared/errors';
import { ArticleInputSchema, type ParsedArticleInput } from '../../shared/model/article';
import { decodeUtf8, MAX_IMPORT_BYTES } from './decode';
import type { ImportContext, ImportedArticle } from './types';

export { MAX_IMPORT_BYTES };

/**
 * Byline's own format: one article as the model's JSON (what `byline show --json` prints and
 * File → Export writes). Every failure names the file and what is wrong with it.
 */
export function parseBylineJson(fileName: string, content: string): ParsedArticleInput {
  if (Buffer.byteLength(content, 'utf8') > MAX_IMPORT_BYTES) {
    throw new BylineError(
      'invalid-input',
      `${fileName} is larger than ${MAX_IMPORT_BYTES / 1048576} MB; nothing was stored.`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch (error) {
    throw new BylineError(
      'invalid-input',
      `${fileName} is not valid JSON: ${(error as Error).message}. Nothing was stored.`,
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new BylineError('invalid-input', `${fileName} must hold one article as a JSON object; nothing was stored.`);
  }
  const parsed = ArticleInputSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BylineError(
      'invalid-input',
      `${fileName} is not a valid Byline article: ${describeIssues(parsed.error.issues)}. Nothing was stored.`,
    );
  }
  return parsed.data;
}

/**
 * As an import: the file is the article itself, id and revision included, so importing it on
 * another machine continues the same article (and a stale copy is refused as a conflict).
 */
export function importBylineJson(bytes: Uint8Array, ctx: ImportContext): ImportedArticle {
  const article = parseBylineJson(ctx.fileName, decodeUtf8(ctx.fileName, bytes));
  const warnings: string[] = [];
  const body = article.body.map((b) => {
    if (b.type !== 'image' || b.assetId === null || ctx.hasAsset(b.assetId)) return b;
    // Kept with its caption and credit, waiting for its file, as any picture named without one.
    warnings.push(
      `The picture "${b.caption.slice(0, 60) || b.assetId.slice(0, 12)}" came without its file (it is not in this store): attach the file to it.`,
    );
    return { ...b, assetId: null, source: b.source ?? `byline-asset:${b.assetId}` };
  });
  return { article: { ...article, body }, warnings };
}
