import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { Article } from '../../shared/model/article';
import type { Client } from '../api/client';
import type { Autosaver } from '../editor/autosave';

interface Options {
  client: Client;
  articleId: string;
  /** Rounds of sync that changed articles here, and which (SyncStatus.generation and .changed). */
  remote: { generation: number; changed: string[] } | null;
  saver: Autosaver;
  /** The revision the editor's text is based on. */
  base: MutableRefObject<Article>;
  /** Refills the editor with an article the main process holds. */
  reload(next: Article): void;
  onUpdated(revision: number): void;
}

/**
 * Records from the newsroom server changed the open article: newer text is taken in while nothing
 * typed here waits to be saved (with unsaved text, the save meets the newer revision as a conflict
 * and both texts stay to choose from). Answers a number that moves with each such round, for what
 * the editor reads again (comments, versions to choose).
 */
export function useRemoteChanges({ client, articleId, remote, saver, base, reload, onUpdated }: Options): number {
  const [round, setRound] = useState(0);
  const seen = useRef(remote?.generation ?? 0);
  const latest = useRef({ reload, onUpdated });
  latest.current = { reload, onUpdated };
  useEffect(() => {
    if (!remote || remote.generation === seen.current) return;
    seen.current = remote.generation;
    if (!remote.changed.includes(articleId)) return;
    setRound((n) => n + 1);
    if (saver.hasUnsavedChanges) return;
    client.invoke('articles.get', { id: articleId }).then(
      (next) => {
        if (next.revision <= base.current.revision || saver.hasUnsavedChanges) return;
        latest.current.reload(next);
        latest.current.onUpdated(next.revision);
      },
      () => undefined,
    );
  }, [remote, client, articleId, saver, base]);
  return round;
}
