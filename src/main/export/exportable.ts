import { BylineError } from '../../shared/errors';
import type { Article } from '../../shared/model/article';
import { EXPORT_REQUIREMENTS, listMissing, missingOf } from '../../shared/workflow';

/**
 * What every exchange format needs before an article may leave Byline: a headline, and a credit
 * and alt text on every picture. The refusal names what is missing.
 */
export function assertExportable(article: Article): void {
  const missing = missingOf(article, EXPORT_REQUIREMENTS);
  if (missing.length) throw new BylineError('invalid-input', `This article cannot be exported yet: it needs ${listMissing(missing)}.`, { lead: 'This article cannot be exported yet. It needs:', missing });
}
