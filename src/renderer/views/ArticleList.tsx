import { useEffect, useState } from 'react';
import type { ArticleSummary } from '../../shared/model/article';
import type { HouseStyle } from '../../shared/houseStyle';
import type { Client } from '../api/client';

interface Props {
  client: Client;
  houseStyle: HouseStyle;
  trashed: boolean;
  onOpen(id: string): void;
  onNew(): void;
  onImport(): void;
  /** Files dropped onto the list: imported like File → Import. */
  onDropFiles(files: File[]): void;
  onShowTrash(show: boolean): void;
  onError(message: string): void;
}

const PAGE = 200;

export function ArticleList({ client, houseStyle, trashed, onOpen, onNew, onImport, onDropFiles, onShowTrash, onError }: Props) {
  const [status, setStatus] = useState<string | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [dropping, setDropping] = useState(false);
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<ArticleSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [limit, setLimit] = useState(PAGE);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      client
        .invoke('articles.list', { query: query.trim() || undefined, trashed, limit, status: trashed ? undefined : (status ?? undefined) })
        .then((r) => {
          if (cancelled) return;
          setItems(r.items);
          setTotal(r.total);
        })
        .catch((e: Error) => onError(e.message));
    }, query ? 150 : 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, query, trashed, limit, version, status, onError]);

  useEffect(() => {
    if (trashed) return;
    client.invoke('articles.statusCounts', {}).then(setCounts, (e: Error) => onError(e.message));
  }, [client, trashed, version, onError]);
  const all = Object.values(counts).reduce((a, b) => a + b, 0);

  const act = (fn: () => Promise<unknown>) => () =>
    fn()
      .then(() => setVersion((v) => v + 1))
      .catch((e: Error) => onError(e.message));

  return (
    <main
      className={dropping ? 'list dropping' : 'list'}
      onDragOver={(e) => {
        if (trashed || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDropping(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
      }}
      onDrop={(e) => {
        if (trashed || !e.dataTransfer.files.length) return;
        e.preventDefault();
        setDropping(false);
        onDropFiles(Array.from(e.dataTransfer.files));
      }}
    >
      {dropping ? <p className="drop-hint" role="status">Drop files to import them (NITF, NewsML-G2, ninjs, HTML, Markdown, Word, text, Byline JSON)</p> : null}
      <div className="toolbar">
        <h1>{trashed ? 'Trash' : 'Articles'}</h1>
        <input type="search" aria-label="Search articles" placeholder="Search headline, text, keywords, credits…" value={query} onChange={(e) => setQuery(e.target.value)} />
        {trashed ? (
          <>
            <button type="button" onClick={() => onShowTrash(false)}>
              ← Articles
            </button>
            <button
              type="button"
              className="danger"
              disabled={total === 0}
              onClick={act(async () => {
                if (window.confirm(`Delete ${total} article(s) in the trash for good? This cannot be undone.`)) await client.invoke('articles.emptyTrash', {});
              })}
            >
              Empty trash
            </button>
          </>
        ) : (
          <>
            <button type="button" className="primary" onClick={onNew}>
              New article
            </button>
            <button type="button" onClick={onImport} title="Open a .byline package from another machine, or import NITF, NewsML-G2, ninjs, HTML, Markdown, DOCX, JSON or text">
              Open…
            </button>
            <button type="button" onClick={() => onShowTrash(true)}>
              Trash
            </button>
          </>
        )}
      </div>
      {trashed ? null : (
        <div className="status-filter" role="group" aria-label="Filter by status">
          <button type="button" aria-pressed={status === null} onClick={() => setStatus(null)}>
            All ({all})
          </button>
          {houseStyle.statuses.map((s) => (
            <button key={s.id} type="button" aria-pressed={status === s.id} onClick={() => setStatus(s.id)}>
              {s.label} ({counts[s.id] ?? 0})
            </button>
          ))}
        </div>
      )}
      <p className="count" aria-live="polite">
        {total === 0 ? (query || status ? 'Nothing matches.' : trashed ? 'The trash is empty.' : 'No articles yet.') : `${total} article${total === 1 ? '' : 's'}`}
      </p>
      <ul className="articles" aria-label={trashed ? 'Articles in the trash' : 'Articles'}>
        {items.map((a) => (
          <li key={a.id} className="article-row" data-id={a.id}>
            {trashed ? (
              <span className="headline" dir="auto">{a.headline || '(no headline)'}</span>
            ) : (
              <button type="button" className="headline link" dir="auto" onClick={() => onOpen(a.id)}>
                {a.headline || '(no headline)'}
              </button>
            )}
            <span className="meta">
              {a.status} · r{a.revision} · {new Date(a.updatedAt).toLocaleString()}
            </span>
            {a.snippet ? <span className="snippet" dir="auto">{a.snippet}</span> : null}
            {trashed ? (
              <button type="button" onClick={act(() => client.invoke('articles.restore', { id: a.id }))} aria-label={`Restore ${a.headline || 'article'}`}>
                Restore
              </button>
            ) : (
              <button type="button" className="danger" onClick={act(() => client.invoke('articles.trash', { id: a.id }))} aria-label={`Move ${a.headline || 'article'} to trash`}>
                Move to trash
              </button>
            )}
          </li>
        ))}
      </ul>
      {total > items.length ? (
        <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
          Show more ({total - items.length} not shown)
        </button>
      ) : null}
    </main>
  );
}
