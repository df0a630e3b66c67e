// Assigning an article is the server's to keep (it decides who may see what), so it needs the
// server: it is sent at once, never kept in the outbox. The article must be on the server already.
import type { Store } from '../store/store';
import { call } from './serverApi';
import { signedIn } from './syncState';

export interface Assigned {
  assigned: string[];
  desk: string | null;
}

export function assignOnServer(
  store: Store,
  articleId: string,
  assignedTo: readonly string[],
  desk?: string,
): Promise<Assigned> {
  const { url, token } = signedIn(store);
  return call<Assigned>(url, token, 'POST', `/api/v1/articles/${articleId}/assignment`, {
    assignedTo,
    ...(desk ? { desk } : {}),
  });
}
