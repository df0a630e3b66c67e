import { useEffect, useState } from 'react';
import { diffArticles, type ArticleDiff } from '../../shared/diff';
import type { HouseStyle } from '../../shared/houseStyle';
import type { RevisionInfo } from '../../shared/ipc/contract';
import type { Client } from '../api/client';
import { DiffView } from './DiffView';

interface Props {
  client: Client;
  articleId: string;
  houseStyle: HouseStyle;
  /** Bumped after each save, so the timeline stays current. */
  revision: number;
  /** Brings back a revision's text as a new revision (asks the main process). */
  onRestore(revision: number): Promise<void>;
}

const when = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });

/** The article's revisions (who, when, status, reason) and a diff of any two, with restore. */
export function HistoryPanel({ client, articleId, houseStyle, revision, onRestore }: Props) {
  const [revisions, setRevisions] = useState<RevisionInfo[]>([]);
  const [pair, setPair] = useState<[number, number] | null>(null);
  const [diff, setDiff] = useState<ArticleDiff | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client.invoke('articles.history', { id: articleId }).then((r) => {
      setRevisions(r);
      setPair((p) => p ?? (r.length > 1 ? [r[1]!.revision, r[0]!.revision] : null));
    }, (e: Error) => setError(e.message));
  }, [client, articleId, revision]);

  useEffect(() => {
    if (!pair) return;
    Promise.all(pair.map((n) => client.invoke('articles.revision', { id: articleId, revision: n }))).then(
      ([a, b]) => setDiff(diffArticles(a!, b!, houseStyle)),
      (e: Error) => setError(e.message),
    );
  }, [client, articleId, pair, houseStyle]);

  const label = (id: string) => houseStyle.statuses.find((s) => s.id === id)?.label ?? id;
  const pick = (which: 0 | 1, n: number) => setPair((p) => (which === 0 ? [n, p?.[1] ?? n] : [p?.[0] ?? n, n]));

  return (
    <section className="history" aria-label="History">
      {error ? <p role="alert">{error}</p> : null}
      <table className="revisions">
        <thead>
          <tr>
            <th scope="col">Revision</th>
            <th scope="col">Saved</th>
            <th scope="col">By</th>
            <th scope="col">Status</th>
            <th scope="col">Compare</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.revision}>
              <td>r{r.revision}</td>
              <td>{when(r.savedAt)}</td>
              <td>{r.savedBy}</td>
              <td>
                {label(r.status)}
                {r.note ? <span className="note"> — {r.note}</span> : null}
              </td>
              <td>
                <input type="radio" name="from" aria-label={`Compare from r${r.revision}`} checked={pair?.[0] === r.revision} onChange={() => pick(0, r.revision)} />
                <input type="radio" name="to" aria-label={`Compare to r${r.revision}`} checked={pair?.[1] === r.revision} onChange={() => pick(1, r.revision)} />
              </td>
              <td>
                {r.revision !== revisions[0]?.revision ? (
                  <button type="button" onClick={() => void onRestore(r.revision)}>
                    Restore r{r.revision}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {diff ? (
        <DiffView diff={diff} label={`Changes from r${diff.from} to r${diff.to}`} />
      ) : revisions.length < 2 ? (
        <p className="diff-none">Only one revision so far.</p>
      ) : null}
    </section>
  );
}
