import { BylineError } from '../../shared/errors';
import { hasCredit } from '../../shared/format/credit';
import type { Article } from '../../shared/model/article';

/**
 * What every exchange format needs before an article may leave Byline: a headline, and a credit
 * and alt text on every picture. The refusal names what is missing.
 */
export function assertExportable(article: Article): void {
  const missing: string[] = [];
  if (!article.headline.trim()) missing.push('a headline');
  article.body.forEach((block, i) => {
    if (block.type !== 'image') return;
    const name = `the picture at block ${i + 1}${block.caption ? ` ("${block.caption.slice(0, 40)}")` : ''}`;
    if (!hasCredit(block.credit)) missing.push(`a credit for ${name}`);
    if (!block.alt.trim()) missing.push(`alt text for ${name}`);
  });
  if (missing.length) throw new BylineError('invalid-input', `This article cannot be exported yet: it needs ${missing.join(', ')}.`);
}
