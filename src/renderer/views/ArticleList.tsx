import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ArticleSummary } from '../../shared/model/article';
import {
  QUEUE_SORT_LABELS,
  QUEUE_SORTS,
  type ListQuery,
  type QueueFacets,
  type QueueSort,
} from '../../shared/model/queue';
import { TrashUndo, type Trashed } from './TrashUndo';
import { relativeTime } from '../../shared/format/relativeTime';
import { snippetParts } from '../../shared/model/snippet';
import { statusLabel } from '../../shared/workflow';
import type { HouseStyle } from '../../shared/houseStyle';
import type { Client } from '../api/client';
import type { Editing } from '../../shared/model/syncStatus';

interface Props {
  client: Client;
  houseStyle: HouseStyle;
  trashed: boolean;
  onOpen(id: string): void;
  /** An article the editor just moved to the trash: the list offers Undo. */
  justTrashed?: Trashed | null;
  onNew(): void;
  onImport(): void;
  /** Files dropped onto the list, or a page pasted onto it: imported like File → Import. */
  onDropFiles(files: File[]): void;
  onShowPhotos(): void;
  onShowTrash(show: boolean): void;
  onError(message: string): void;
  /** Moves when records from the newsroom server changed articles here: the queue is read again. */
  refresh?: number;
  /** Who else has which article open (newsroom server). */
  editing?: Editing[];
}

const PAGE = 200;

/** What a paste onto the list holds, as files to import: files as they are, else the HTML, else the text. */
function pastedPage(data: DataTransfer): File[] {
  if (data.files.length) return Array.from(data.files);
  const html = data.getData('text/html');
  if (html.trim()) return [new File([html], 'pasted page.html', { type: 'text/html' })];
  const text = data.getData('text/plain');
  return text.trim() ? [new File([text], 'pasted page.txt', { type: 'text/plain' })] : [];
}

/** The queue's filters besides status and search; empty means "any". */
interface Filters {
  rubric: string;
  author: string;
  agency: string;
  language: string;
  updated: '' | 'today' | 'week' | 'month';
  openComments: boolean;
  imageProblems: boolean;
  sort: QueueSort;
}
const NO_FILTERS: Filters = {
  rubric: '',
  author: '',
  agency: '',
  language: '',
  updated: '',
  openComments: false,
  imageProblems: false,
  sort: 'updated',
};
const DAYS = { today: 0, week: 7, month: 30 } as const;

function sinceOf(updated: Filters['updated'], now = new Date()): string | undefined {
  if (!updated) return undefined;
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - DAYS[updated]);
  return d.toISOString();
}

function queryOf(f: Filters): Omit<ListQuery, 'query' | 'trashed' | 'limit' | 'status'> {
  return {
    rubric: f.rubric || undefined,
    author: f.author || undefined,
    agency: f.agency || undefined,
    language: f.language || undefined,
    updatedSince: sinceOf(f.updated),
    openComments: f.openComments || undefined,
    imageProblems: f.imageProblems || undefined,
    sort: f.sort,
  };
}

/** Up/Down (and Home/End) move between the rows' headlines; Enter opens, as on any button. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const rows = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('.article-row .headline'));
  if (!rows.length) return;
  event.preventDefault();
  const at = rows.indexOf(document.activeElement as HTMLElement);
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? rows.length - 1
        : Math.min(Math.max(at + (event.key === 'ArrowDown' ? 1 : -1), 0), rows.length - 1);
  rows[next]!.focus();
}

function Select({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: string[];
  onChange(v: string): void;
}) {
  return (
    <label>
      {label}
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ArticleList({
  client,
  houseStyle,
  trashed,
  justTrashed,
  onOpen,
  onNew,
  onImport,
  onDropFiles,
  onShowTrash,
  onShowPhotos,
  onError,
  refresh = 0,
  editing = [],
}: Props) {
  const [status, setStatus] = useState<string | null>(null);
  const [facets, setFacets] = useState<QueueFacets>({
    counts: {},
    rubrics: [],
    authors: [],
    agencies: [],
    languages: [],
  });
  const counts = facets.counts;
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const search = useRef<HTMLInputElement>(null);
  const [dropping, setDropping] = useState(false);
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<ArticleSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [limit, setLimit] = useState(PAGE);
  const [version, setVersion] = useState(0);
  const [undoable, setUndoable] = useState<Trashed | null>(justTrashed ?? null);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const moveToTrash = (a: ArticleSummary) =>
    client
      .invoke('articles.trash', { id: a.id })
      .then(() => {
        setUndoable({ id: a.id, headline: a.headline });
        setMenuFor(null);
        setVersion((v) => v + 1);
      })
      .catch((e: Error) => onError(e.message));
  const undoTrash = (t: Trashed) =>
    client
      .invoke('articles.restore', { id: t.id })
      .then(() => {
        setUndoable(null);
        setVersion((v) => v + 1);
      })
      .catch((e: Error) => onError(e.message));

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(
      () => {
        client
          .invoke('articles.list', {
            query: query.trim() || undefined,
            trashed,
            limit,
            ...(trashed ? {} : { status: status ?? undefined, ...queryOf(filters) }),
          })
          .then((r) => {
            if (cancelled) return;
            setItems(r.items);
            setTotal(r.total);
          })
          .catch((e: Error) => onError(e.message));
      },
      query ? 150 : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, query, trashed, limit, version, status, filters, onError, refresh]);

  useEffect(() => {
    if (trashed) return;
    client.invoke('articles.facets', {}).then(setFacets, (e: Error) => onError(e.message));
  }, [client, trashed, version, onError, refresh]);
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  const editorsOf = (id: string) => [...new Set(editing.filter((e) => e.articleId === id).map((e) => e.name))];
  // Two rows with the same headline are told apart by the start of their ids.
  const sameHeadline = new Set(items.map((i) => i.headline).filter((h, i, all) => all.indexOf(h) !== i));
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  // A page copied in a browser and pasted onto the list is imported: its HTML when the clipboard
  // has it (the page's own markup finds the article best), else its text.
  useEffect(() => {
    if (trashed) return;
    const onPaste = (e: ClipboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t?.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t?.tagName ?? '') || !e.clipboardData) return;
      const files = pastedPage(e.clipboardData);
      if (!files.length) return;
      e.preventDefault();
      onDropFiles(files);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [trashed, onDropFiles]);

  // "/" jumps to the search box, as in mail and issue trackers.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key === '/' && !(t?.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t?.tagName ?? ''))) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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
      {dropping ? (
        <p className="drop-hint" role="status">
          Drop files to open or import them (.byline packages; NITF, NewsML-G2, ninjs, HTML, Markdown, Word, text,
          Byline JSON); a page copied in a browser can be pasted here
        </p>
      ) : null}
      <div className="toolbar">
        <h1>{trashed ? 'Trash' : 'Articles'}</h1>
        <input
          ref={search}
          type="search"
          aria-label="Search articles"
          placeholder="Search headline, text, keywords, credits…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // ↓ walks from the search into the results.
            if (e.key !== 'ArrowDown') return;
            const first = document.querySelector<HTMLElement>('.articles .article-row .headline');
            if (!first) return;
            e.preventDefault();
            first.focus();
          }}
        />
        {trashed ? (
          <>
            <button type="button" onClick={() => onShowTrash(false)}>
              ← Articles
            </button>
            <button
              type="button"
              className="danger"
              disabled={total === 0}
              title={total === 0 ? 'The trash is empty' : undefined}
              onClick={act(async () => {
                if (window.confirm(`Delete ${total} article(s) in the trash for good? This cannot be undone.`))
                  await client.invoke('articles.emptyTrash', {});
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
            <button
              type="button"
              onClick={onImport}
              title="Open a .byline package from another machine, or import NITF, NewsML-G2, ninjs, HTML, Markdown, DOCX, JSON or text; or paste a page copied in a browser onto the list (Ctrl+V)"
            >
              Import or open…
            </button>
            <button type="button" onClick={onShowPhotos} title="Every picture in every article, with its credit">
              Photo desk
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
      {trashed ? null : (
        <div className="queue-filters" role="group" aria-label="Filters">
          <Select label="Rubric" value={filters.rubric} options={facets.rubrics} onChange={(v) => set('rubric', v)} />
          <Select label="Author" value={filters.author} options={facets.authors} onChange={(v) => set('author', v)} />
          <Select label="Agency" value={filters.agency} options={facets.agencies} onChange={(v) => set('agency', v)} />
          <Select
            label="Language"
            value={filters.language}
            options={facets.languages}
            onChange={(v) => set('language', v)}
          />
          <label>
            Changed
            <select
              aria-label="Changed"
              value={filters.updated}
              onChange={(e) => set('updated', e.target.value as Filters['updated'])}
            >
              <option value="">Any time</option>
              <option value="today">Today</option>
              <option value="week">Last 7 days</option>
              <option value="month">Last 30 days</option>
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={filters.openComments}
              onChange={(e) => set('openComments', e.target.checked)}
            />
            Open comments
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={filters.imageProblems}
              onChange={(e) => set('imageProblems', e.target.checked)}
            />
            Image problems
          </label>
          <label>
            Sort
            <select aria-label="Sort" value={filters.sort} onChange={(e) => set('sort', e.target.value as QueueSort)}>
              {QUEUE_SORTS.map((s) => (
                <option key={s} value={s}>
                  {QUEUE_SORT_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          {filtered ? (
            <button type="button" onClick={() => setFilters(NO_FILTERS)}>
              Clear filters
            </button>
          ) : null}
        </div>
      )}
      <p className="count" aria-live="polite">
        {total === 0
          ? query || status || filtered
            ? 'Nothing matches.'
            : trashed
              ? 'The trash is empty.'
              : 'No articles yet.'
          : `${total} article${total === 1 ? '' : 's'}`}
      </p>
      {total === 0 && !trashed && !query && !status && !filtered ? (
        <div className="empty-list">
          <p>
            Write a new article, or bring one in: NITF, NewsML-G2, ninjs, Word, HTML, Markdown, a news page copied as
            text, or a .byline package.
          </p>
          <button type="button" onClick={onNew}>
            Write the first article
          </button>{' '}
          <button type="button" onClick={onImport}>
            Import files…
          </button>
        </div>
      ) : null}
      {undoable && !trashed ? (
        <TrashUndo trashed={undoable} onUndo={() => void undoTrash(undoable)} onDismiss={() => setUndoable(null)} />
      ) : null}
      <ul
        className="articles"
        aria-label={trashed ? 'Articles in the trash' : 'Articles'}
        onKeyDown={(e) => {
          // Delete on a row moves it to the trash; the notice offers Undo.
          const row = (e.target as HTMLElement).closest<HTMLElement>('.article-row');
          const item = row && items.find((i) => i.id === row.dataset.id);
          if (e.key === 'Delete' && item && !trashed && (e.target as HTMLElement).classList.contains('headline')) {
            e.preventDefault();
            void moveToTrash(item);
            return;
          }
          moveFocus(e);
        }}
      >
        {items.map((a) => (
          <li key={a.id} className="article-row" data-id={a.id}>
            {trashed ? (
              <span className="headline" dir="auto">
                {a.headline || '(no headline)'}
              </span>
            ) : (
              <button type="button" className="headline link" dir="auto" onClick={() => onOpen(a.id)}>
                {a.headline || '(no headline)'}
              </button>
            )}
            <span className="meta">
              <span className={`status-badge status-${a.status}`}>{statusLabel(houseStyle, a.status)}</span>{' '}
              {[a.rubric, a.createdBy, `r${a.revision}`].filter(Boolean).join(' · ')} ·{' '}
              <time dateTime={a.updatedAt} title={new Date(a.updatedAt).toLocaleString()}>
                {relativeTime(a.updatedAt)}
              </time>
              {sameHeadline.has(a.headline) ? <span className="row-id"> · #{a.id.slice(0, 6)}</span> : null}
            </span>
            {trashed ? null : (
              <span className="badges">
                {a.openComments ? (
                  <span className="badge comments">
                    {a.openComments} open comment{a.openComments === 1 ? '' : 's'}
                  </span>
                ) : null}
                {a.imageProblems ? (
                  <span className="badge problem">
                    {a.imageProblems} picture{a.imageProblems === 1 ? '' : 's'} to fix (credit or alt text)
                  </span>
                ) : null}
                {a.waiting ? <span className="badge waiting">diverged version to choose</span> : null}
                {editorsOf(a.id).map((name) => (
                  <span key={name} className="badge editing">
                    {name} is editing
                  </span>
                ))}
              </span>
            )}
            {a.statusNote ? (
              <span className="status-note" dir="auto">
                {statusLabel(houseStyle, a.status)}: “{a.statusNote}”
              </span>
            ) : null}
            {a.snippet ? (
              <span className="snippet" dir="auto">
                {snippetParts(a.snippet).map((p, i) =>
                  p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
                )}
              </span>
            ) : null}
            {trashed ? (
              <button
                type="button"
                onClick={act(() => client.invoke('articles.restore', { id: a.id }))}
                aria-label={`Restore ${a.headline || 'article'}`}
              >
                Restore
              </button>
            ) : (
              <span className="row-menu">
                <button
                  type="button"
                  aria-haspopup="menu"
                  aria-expanded={menuFor === a.id}
                  aria-label={`More for ${a.headline || 'article'}`}
                  onClick={() => setMenuFor((m) => (m === a.id ? null : a.id))}
                >
                  ⋯
                </button>
                {menuFor === a.id ? (
                  <span
                    role="menu"
                    className="row-menu-items"
                    onKeyDown={(e) => e.key === 'Escape' && setMenuFor(null)}
                  >
                    <button type="button" role="menuitem" autoFocus onClick={() => void moveToTrash(a)}>
                      Move to trash (Delete)
                    </button>
                  </span>
                ) : null}
              </span>
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
