import { useEffect, useState } from 'react';
import { diffArticles, type ArticleDiff } from '../../shared/diff';
import { lastRevision, type HistoryEntryWithWords } from '../../shared/history/sessions';
import type { HouseStyle } from '../../shared/houseStyle';
import type { Article } from '../../shared/model/article';
import type { RevisionInfo } from '../../shared/ipc/contract';
import { statusLabel } from '../../shared/workflow';
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

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const day = (iso: string) => new Date(iso).toLocaleDateString([], { dateStyle: 'medium' });

/** An empty article to compare the first version with. */
const blank = (a: Article): Article => ({
  ...a,
  revision: 0,
  rubric: '',
  kicker: '',
  headline: '',
  teaser: '',
  byline: '',
  dateline: '',
  body: [],
  keywords: [],
  signOff: { authors: [], agencies: [] },
});

/**
 * The article's history as people remember it: editing sessions (who, from when to when, words
 * added and removed) with status steps and restores standing out; the changes of the chosen
 * entry beside the list; any two revisions compared on request; restore as a new revision.
 */
export function HistoryPanel({ client, articleId, houseStyle, revision, onRestore }: Props) {
  const [entries, setEntries] = useState<HistoryEntryWithWords[]>([]);
  const [revisions, setRevisions] = useState<RevisionInfo[]>([]);
  const [pair, setPair] = useState<[number, number] | null>(null);
  const [diff, setDiff] = useState<ArticleDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [naming, setNaming] = useState<number | null>(null);
  const [named, setNamed] = useState(0);
  /** Names a version; the revision itself does not change, so this works on any of them. */
  const nameVersion = async (n: number, name: string) => {
    try {
      await client.invoke('articles.nameVersion', { id: articleId, revision: n, name });
      setNaming(null);
      setNamed((k) => k + 1);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  useEffect(() => {
    Promise.all([
      client.invoke('articles.sessions', { id: articleId }),
      client.invoke('articles.history', { id: articleId }),
    ]).then(
      ([e, r]) => {
        setEntries(e);
        setRevisions(r);
        setPair((p) => p ?? (e[0] ? [e[0].before, lastRevision(e[0])] : null));
      },
      (err: Error) => setError(err.message),
    );
  }, [client, articleId, revision, named]);

  useEffect(() => {
    if (!pair) return;
    const load = (n: number) => client.invoke('articles.revision', { id: articleId, revision: Math.max(n, 1) });
    Promise.all([load(pair[0]), load(pair[1])]).then(
      ([a, b]) => setDiff(diffArticles(pair[0] === 0 ? blank(a) : a, b, houseStyle)),
      (e: Error) => setError(e.message),
    );
  }, [client, articleId, pair, houseStyle]);

  const latest = revisions[0]?.revision;
  const name = (n: number) => {
    if (n === 0) return 'Empty article';
    const r = revisions.find((x) => x.revision === n);
    return r ? `Revision ${n} (${r.savedBy}, ${day(r.savedAt)} ${time(r.savedAt)})` : `Revision ${n}`;
  };
  const chosen = (e: HistoryEntryWithWords) => pair?.[0] === e.before && pair[1] === lastRevision(e);

  return (
    <section className="history" aria-label="History">
      {error ? <p role="alert">{error}</p> : null}
      <div className="history-list">
        <ol className="history-entries" aria-label="Sessions and steps">
          {entries.map((e) => (
            <li key={`${e.kind}-${lastRevision(e)}`} className={`history-entry ${e.kind}${chosen(e) ? ' chosen' : ''}`}>
              <button
                type="button"
                className="history-pick"
                aria-pressed={chosen(e)}
                onClick={() => setPair([e.before, lastRevision(e)])}
              >
                {e.kind === 'session' ? (
                  <>
                    <strong>{e.who}</strong> · {day(e.from)} {time(e.from)}
                    {time(e.to) !== time(e.from) ? `–${time(e.to)}` : ''} · {e.saves} save{e.saves === 1 ? '' : 's'}
                  </>
                ) : (
                  <>
                    {e.name ? (
                      <span className="version-name">{e.name}</span>
                    ) : (
                      <span className={`status-badge status-${e.status}`}>{statusLabel(houseStyle, e.status)}</span>
                    )}{' '}
                    <strong>{e.who}</strong> · {day(e.at)} {time(e.at)}
                  </>
                )}
                <span className="history-words">
                  {' '}
                  · +{e.words.added} −{e.words.removed} words
                </span>
              </button>
              {e.kind === 'step' && e.note ? <p className="note">{e.note}</p> : null}
              <span className="history-actions">
                {lastRevision(e) !== latest && latest ? (
                  <>
                    <button type="button" onClick={() => setPair([lastRevision(e), latest])}>
                      Changes since
                    </button>
                    <button type="button" onClick={() => void onRestore(lastRevision(e))}>
                      Restore r{lastRevision(e)}
                    </button>
                  </>
                ) : null}
                <button
                  type="button"
                  aria-expanded={naming === lastRevision(e)}
                  onClick={() => setNaming((n) => (n === lastRevision(e) ? null : lastRevision(e)))}
                >
                  {e.kind === 'step' && e.name ? 'Rename…' : 'Name this version…'}
                </button>
              </span>
              {naming === lastRevision(e) ? (
                <form
                  className="name-version"
                  aria-label={`Name revision ${lastRevision(e)}`}
                  onSubmit={(ev) => {
                    ev.preventDefault();
                    const name = new FormData(ev.currentTarget).get('name');
                    void nameVersion(lastRevision(e), typeof name === 'string' ? name : '');
                  }}
                  onKeyDown={(ev) => ev.key === 'Escape' && setNaming(null)}
                >
                  <input
                    name="name"
                    aria-label="Version name"
                    autoFocus
                    maxLength={100}
                    defaultValue={e.kind === 'step' ? (e.name ?? '') : ''}
                    placeholder="e.g. Print edition"
                  />
                  <button type="submit">Save name</button>
                </form>
              ) : null}
            </li>
          ))}
        </ol>
        {revisions.length > 1 ? (
          <details className="history-compare">
            <summary>Compare any two revisions</summary>
            {(['from', 'to'] as const).map((end, i) => (
              <label key={end}>
                {end === 'from' ? 'From' : 'To'}
                <select
                  aria-label={`Compare ${end}`}
                  value={pair?.[i] ?? ''}
                  onChange={(ev) => {
                    const n = Number(ev.target.value);
                    setPair(i === 0 ? [n, pair?.[1] ?? latest ?? 1] : [pair?.[0] ?? 1, n]);
                  }}
                >
                  {revisions.map((r) => (
                    <option key={r.revision} value={r.revision}>
                      {name(r.revision)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            {pair && pair[0] > 0 && pair[0] !== latest ? (
              <button type="button" onClick={() => void onRestore(pair[0])}>
                Restore r{pair[0]}
              </button>
            ) : null}
          </details>
        ) : null}
      </div>
      <div className="history-diff">
        {diff && pair ? (
          <DiffView
            diff={diff}
            label={`Changes from r${pair[0]} to r${pair[1]}`}
            names={[name(pair[0]), name(pair[1])]}
          />
        ) : (
          <p className="diff-none">Nothing to compare yet.</p>
        )}
      </div>
    </section>
  );
}
