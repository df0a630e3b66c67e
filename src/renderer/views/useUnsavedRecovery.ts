import { useCallback, useEffect, useState } from 'react';
import type { Article } from '../../shared/model/article';
import { editedText, sameEditedText } from '../../shared/model/journal';
import type { Client } from '../api/client';
import type { LocalJournal } from '../editor/localJournal';
import type { TypingJournal } from '../editor/typingJournal';

export interface Recovery {
  /** The stored article with the kept text on it: what to load and save again. */
  article: Article;
  writtenAt: string;
}

/**
 * Text typed but never saved, looked for when an article opens: in the store's journal (the window
 * crashed) and in the page's own (the main process could not be reached). The newer one is
 * offered; a kept text the store already holds is dropped. The journal is held while the offer
 * waits, so the kept text is not overwritten.
 */
export function useUnsavedRecovery(client: Client, stored: Article, journal: TypingJournal, local: LocalJournal) {
  const [recovery, setRecovery] = useState<Recovery | null>(null);
  const id = stored.id;
  useEffect(() => {
    let live = true;
    void Promise.all([
      client.invoke('articles.recovery', { id }).catch(() => null),
      local.get(id).catch(() => null),
    ]).then(([fromStore, fromPage]) => {
      if (!live) return;
      let offer = fromStore;
      if (fromPage && sameEditedText(fromPage.article, stored)) void local.discard(id);
      else if (fromPage && (!offer || Date.parse(fromPage.writtenAt) > Date.parse(offer.writtenAt))) {
        offer = { article: { ...stored, ...editedText(fromPage.article) }, writtenAt: fromPage.writtenAt };
      }
      journal.hold(!!offer);
      setRecovery(offer);
    });
    return () => {
      live = false;
    };
    // Looked for once, when the article opens: `stored` is the article as it was opened.
  }, [client, id, journal, local]);
  const settle = useCallback(() => {
    journal.hold(false);
    setRecovery(null);
  }, [journal]);
  /** The person chose to drop the kept text: gone from both journals. */
  const discard = useCallback(async () => {
    settle();
    await local.discard(id).catch(() => undefined);
    await client.invoke('articles.discardRecovery', { id });
  }, [client, id, local, settle]);
  return { recovery, settle, discard };
}
