import { wordChange } from '../../shared/diff';
import { historyEntries, lastRevision, type HistoryEntryWithWords } from '../../shared/history/sessions';
import type { Article } from '../../shared/model/article';
import type { ArticleRepository } from './articles';

/** The article's history as sessions and steps, each with the words it added and removed. */
export function historyWithWords(articles: ArticleRepository, id: string): HistoryEntryWithWords[] {
  const entries = historyEntries(articles.history(id));
  const texts = new Map<number, Article>();
  const text = (n: number): Article | null => {
    if (n === 0) return null;
    let a = texts.get(n);
    if (!a) texts.set(n, (a = articles.getRevision(id, n)));
    return a;
  };
  return entries.map((e) => ({ ...e, words: wordChange(text(e.before), text(lastRevision(e))!) }));
}
