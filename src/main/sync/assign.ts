// Assigning an article is the server's to keep (it decides who may see what), so it needs the
// server: it is sent at once, never kept in the outbox. The article must be on the server already.
import { BylineError } from '../../shared/errors';
import type { Store } from '../store/store';
import { call } from './serverApi';
import { syncServer } from './syncState';

export interface Assigned {
  assigned: string[];
  desk: string | null;
}

export function signedIn(store: Store): { url: string; token: string } {
  const server = syncServer(store);
  if (!server?.token) throw new BylineError('invalid-input', 'Not signed in to a newsroom server: sign in (byline login URL --user NAME) first.', { problem: 'signed-out' });
  return { url: server.url, token: server.token };
}

export function assignOnServer(store: Store, articleId: string, assignedTo: readonly string[], desk?: string): Promise<Assigned> {
  const { url, token } = signedIn(store);
  return call<Assigned>(url, token, 'POST', `/api/v1/articles/${articleId}/assignment`, { assignedTo, ...(desk ? { desk } : {}) });
}
