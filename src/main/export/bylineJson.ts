import { ArticleSchema, type Article } from '../../shared/model/article';

/** Byline's own format, checked against the model before it is written. */
export function exportBylineJson(article: Article): string {
  return `${JSON.stringify(ArticleSchema.parse(article), null, 2)}\n`;
}

/** A file name a person recognises: the slug, else the headline, made safe for every file system. */
export function exportFileName(article: Article, extension: string): string {
  const base = (article.slug || article.headline || article.id)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return `${base || article.id}-r${article.revision}.${extension}`;
}
