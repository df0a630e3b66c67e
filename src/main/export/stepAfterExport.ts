import type { ExportResult } from '../../shared/ipc/contract';
import type { Article } from '../../shared/model/article';
import { statusOf } from '../../shared/workflow';
import type { Store } from '../store/store';

/**
 * Exporting an article moves it on when the house style says so (approved → exported), as the
 * person exporting and with the same checks as any step. The file is written either way; a step
 * that is refused (the role may not make it) is reported, never silent.
 */
export function stepAfterExport(store: Store, article: Article, actor: string): ExportResult['step'] {
  const to = statusOf(store.houseStyle, article.status)?.exportMovesTo;
  if (!to) return undefined;
  try {
    store.articles.setStatus(article.id, to, actor, { revision: article.revision, role: store.profile.get()?.role });
    return { to, done: true };
  } catch (e) {
    return { to, done: false, message: (e as Error).message };
  }
}
