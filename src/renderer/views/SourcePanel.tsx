import { useCallback, useEffect, useState } from 'react';
import type { PageReview } from '../../shared/ipc/contract';
import type { Article } from '../../shared/model/article';
import { LINE_ROLE_LABELS, LINE_ROLES, type LineRole } from '../../shared/model/pageMapping';
import type { Client } from '../api/client';

/**
 * The page an article was read from, and whether to show it: shown by itself when the article is
 * as the import left it (revision 1), so a person checks the guess right after importing.
 */
export function usePageReview(
  client: Client,
  article: Article,
): { review: PageReview | null; setReview(r: PageReview): void; shown: boolean; setShown(s: boolean): void } {
  const [review, setReview] = useState<PageReview | null>(null);
  const [shown, setShown] = useState(false);
  const { id } = article;
  const fresh = article.revision === 1;
  useEffect(() => {
    let cancelled = false;
    client.invoke('imports.review', { id }).then(
      (r) => {
        if (cancelled) return;
        setReview(r);
        if (r && fresh) setShown(true);
      },
      // Without its page the article is still there to edit; the review is simply not offered.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [client, id, fresh]);
  return { review, setReview: useCallback((r: PageReview) => setReview(r), []), shown, setShown };
}

interface Props {
  review: PageReview;
  /** Sets one line's role; the page is read again and the article refilled. */
  onFix(line: number, role: LineRole): Promise<void>;
  onClose(): void;
}

/**
 * Each line of the page beside the article, marked with the field it went to. Choosing another
 * role for a line ("this is the headline", "not part of the article") reads the page again and
 * keeps every correction made so far.
 */
export function SourcePanel({ review, onFix, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  // The menus stay enabled while the page is read again: a disabled menu would drop the focus, and
  // the keys a person is still typing to pick a role ("Not…") would land in the article's text.
  const fix = (line: number, role: LineRole) => {
    if (busy) return;
    setBusy(true);
    void onFix(line, role).finally(() => setBusy(false));
  };
  return (
    <section className="source-panel" aria-label={`How ${review.fileName} was read`} aria-busy={busy}>
      <header>
        <h2>Page source</h2>
        <p>
          {review.fileName}: each line and the field it went to. Choose another to correct the reading ("Not in article"
          leaves a line out); the article is read again and keeps your corrections.
        </p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      <ol className="source-lines">
        {review.mapping.map((l) => (
          <li key={l.line} className={`source-line role-${l.role}${l.fixed ? ' fixed' : ''}`} data-line={l.line + 1}>
            <span className="line-number" aria-hidden="true">
              {l.to > l.line ? `${l.line + 1}–${l.to + 1}` : l.line + 1}
            </span>
            <select
              aria-label={`Line ${l.line + 1}: ${l.text.slice(0, 60)}`}
              value={l.role}
              onChange={(e) => fix(l.line, e.target.value as LineRole)}
            >
              {LINE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {LINE_ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            <span className="line-text">{l.text}</span>
            {l.fixed ? (
              <span className="fixed-mark" title="Set by you">
                ✓
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
