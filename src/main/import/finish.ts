import { BylineError, describeIssues } from '../../shared/errors';
import { detectLanguage } from '../../shared/format/detectLanguage';
import { ArticleInputSchema, bodyText, type ArticleInput } from '../../shared/model/article';
import type { Credit } from '../../shared/model/blocks';
import { parseCreditLine } from '../../shared/format/creditParts';
import { DEFAULT_HOUSE_STYLE } from '../../shared/houseStyle';
import type { ImportContext, ImportedArticle, PendingAsset } from './types';

const BCP47 = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** A printed credit line in the parts of the house style the import goes into (the default where none is given). */
export function creditOfLine(line: string, ctx: ImportContext): Credit {
  return parseCreditLine(line, ctx.creditStyle ?? DEFAULT_HOUSE_STYLE.credit);
}

/** A language tag from a file, if it is one the model accepts (`nb-NO`, `en_US` → `en-US`). */
export function languageTag(value: string | undefined): string | undefined {
  const tag = value?.trim().replace(/_/g, '-');
  return tag && BCP47.test(tag) ? tag : undefined;
}

/** Dates in ISO 8601, basic (NITF: 20020225T143000-0500) or extended; a date without a zone is read as UTC. */
export function isoDate(value: string | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  const basic = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(v);
  const text = basic
    ? `${basic[1]}-${basic[2]}-${basic[3]}T${basic[4] ?? '00'}:${basic[5] ?? '00'}:${basic[6] ?? '00'}${basic[7] ?? 'Z'}`
    : /[zZ]|[+-]\d{2}:?\d{2}$/.test(v) || !v.includes('T')
      ? v
      : `${v}Z`;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Keywords and names once each, trimmed, in the order first met. */
export function dedupe(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

/** Checks what an importer built against the article model; a file that cannot be an article is refused by name. */
export function finishImport(
  fileName: string,
  draft: ArticleInput,
  warnings: string[],
  assets: PendingAsset[] = [],
): ImportedArticle {
  const { id: _id, revision: _revision, createdAt: _c, updatedAt: _u, ...fields } = draft;
  // A file that does not name its language gets the one its text is written in, when that is clear.
  const language =
    fields.language ??
    detectLanguage([fields.headline, fields.teaser, bodyText(fields.body ?? [])].filter(Boolean).join('\n'));
  const parsed = ArticleInputSchema.safeParse({ ...fields, ...(language ? { language } : {}), status: 'draft' });
  if (!parsed.success) {
    throw new BylineError(
      'invalid-input',
      `${fileName} could not become an article: ${describeIssues(parsed.error.issues)}. Nothing was stored.`,
    );
  }
  if (!parsed.data.headline.trim() && !parsed.data.body.length) {
    throw new BylineError('invalid-input', `${fileName} has neither a headline nor any text; nothing was stored.`);
  }
  return { article: parsed.data, warnings, assets };
}
