import { useEffect, useState } from 'react';
import { diffArticles, type ArticleDiff } from '../../shared/diff';
import type { HouseStyle } from '../../shared/houseStyle';
import type { RevisionInfo } from '../../shared/ipc/contract';
import type { Client } from '../api/client';

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

function BodyDiff({ diff, mode }: { diff: ArticleDiff; mode: 'inline' | 'side' }) {
  if (!diff.body.length) return <p className="diff-none">The body did not change.</p>;
  const render = (keep: 'added' | 'removed' | 'both') =>
    diff.body.map((p, i) => {
      if (p.kind === 'same') return <span key={i}>{p.text}</span>;
      if (keep !== 'both' && p.kind !== keep) return null;
      return p.kind === 'added' ? <ins key={i}>{p.text}</ins> : <del key={i}>{p.text}</del>;
    });
  return mode === 'inline' ? (
    <div className="diff-body">{render('both')}</div>
  ) : (
    <div className="diff-side">
      <div className="diff-body" aria-label={`Revision ${diff.from}`}>
        {render('removed')}
      </div>
      <div className="diff-body" aria-label={`Revision ${diff.to}`}>
        {render('added')}
      </div>
    </div>
  );
}

/** The article's revisions (who, when, status, reason) and a diff of any two, with restore. */
export function HistoryPanel({ client, articleId, houseStyle, revision, onRestore }: Props) {
  const [revisions, setRevisions] = useState<RevisionInfo[]>([]);
  const [pair, setPair] = useState<[number, number] | null>(null);
  const [diff, setDiff] = useState<ArticleDiff | null>(null);
  const [mode, setMode] = useState<'inline' | 'side'>('inline');
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
        <div className="diff" aria-label={`Changes from r${diff.from} to r${diff.to}`}>
          <div className="diff-mode" role="group" aria-label="Show changes">
            <button type="button" aria-pressed={mode === 'inline'} onClick={() => setMode('inline')}>
              Inline
            </button>
            <button type="button" aria-pressed={mode === 'side'} onClick={() => setMode('side')}>
              Side by side
            </button>
          </div>
          {diff.fields.length ? (
            <table className="diff-fields">
              <tbody>
                {diff.fields.map((f) => (
                  <tr key={f.field}>
                    <th scope="row">{f.field}</th>
                    <td>
                      <del>{f.before || '(empty)'}</del>
                    </td>
                    <td>
                      <ins>{f.after || '(empty)'}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="diff-none">No field changed.</p>
          )}
          <BodyDiff diff={diff} mode={mode} />
        </div>
      ) : revisions.length < 2 ? (
        <p className="diff-none">Only one revision so far.</p>
      ) : null}
    </section>
  );
}
