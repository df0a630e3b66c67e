import type { Database } from 'better-sqlite3';
import { bodyText, imageCredits, type Article } from '../../shared/model/article';
import { creditBody } from '../../shared/format/credit';

/** Keeps the FTS row of one article equal to its current text. Call inside the saving transaction. */
export function indexArticle(db: Database, pk: number, article: Article): void {
  db.prepare('DELETE FROM article_fts WHERE rowid = ?').run(pk);
  db.prepare(
    'INSERT INTO article_fts (rowid, headline, teaser, body, keywords, credits) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    pk,
    [article.rubric, article.kicker, article.headline].filter(Boolean).join('\n'),
    article.teaser,
    bodyText(article.body),
    article.keywords.join('\n'),
    imageCredits(article.body)
      .map((c) => [creditBody(c), c.provider, c.agency, c.creator].filter(Boolean).join(' '))
      .join('\n'),
  );
}

export function unindexArticle(db: Database, pk: number): void {
  db.prepare('DELETE FROM article_fts WHERE rowid = ?').run(pk);
}

/**
 * Turns what a person types into a safe FTS5 query: every word must match, as a prefix, so
 * `albu kam` finds "Albu Kamal". Quotes and FTS operators in the input are taken literally.
 */
export function toFtsQuery(input: string): string | null {
  const words = queryWords(input);
  if (!words.length) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

/** The words of a search as toFtsQuery reads them (also what searchSnippet marks). */
export function queryWords(input: string): string[] {
  return input
    .normalize('NFC')
    .split(/[\s"]+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean)
    .slice(0, 16);
}
