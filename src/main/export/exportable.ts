import { BylineError } from '../../shared/errors';
import type { Article } from '../../shared/model/article';
import type { Image } from '../../shared/model/blocks';
import { EXPORT_REQUIREMENTS, listMissing, missingOf, type Missing } from '../../shared/workflow';

/** The refusal of an export: one sentence for the CLI, and the items for the editor's "Go there". */
export function exportRefusal(missing: Missing[]): BylineError {
  return new BylineError('invalid-input', `This article cannot be exported yet: it needs ${listMissing(missing)}.`, {
    lead: 'This article cannot be exported yet. It needs:',
    missing,
  });
}

/**
 * What every exchange format needs before an article may leave Byline: a headline, and a credit
 * and alt text on every picture. The refusal names what is missing.
 */
export function assertExportable(article: Article): void {
  const missing = missingOf(article, EXPORT_REQUIREMENTS);
  if (missing.length) throw exportRefusal(missing);
}

/**
 * The stored file an exported picture shows. assertExportable has already refused an article
 * with a picture whose file is missing; this keeps a format from writing one regardless.
 */
export function fileOf(image: Image): string {
  if (image.assetId === null)
    throw new BylineError(
      'invalid-input',
      `The picture “${image.caption || image.source || 'without caption'}” has no file yet; attach it before exporting.`,
    );
  return image.assetId;
}
