import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { CreditParts, PhotoFilter, PhotoUse, ValueOrigin } from '../../shared/model/photo';
import type { Client } from '../api/client';

interface Props {
  client: Client;
  onOpen(articleId: string): void;
  onBack(): void;
  onNotice(message: string): void;
  onError(message: string): void;
}

const ORIGIN_LABEL: Record<ValueOrigin, string> = { file: 'from the file', edited: 'edited', none: 'missing' };
const rowKey = (u: PhotoUse) => `${u.articleId}#${u.block}`;

function Thumbnail({ client, assetId, alt }: { client: Client; assetId: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    client.invoke('assets.preview', { id: assetId, size: 'thumbnail' }).then(
      (p) => live && setSrc(p.dataUrl),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, assetId]);
  return src ? <img className="thumb" src={src} alt={alt || 'Picture without alt text'} loading="lazy" /> : <span className="thumb empty" aria-hidden="true" />;
}

/**
 * Every picture in every article, for the photo editor: where each caption and credit came from,
 * what is wrong, and credit parts set for a selection at once (each changed article gets a revision).
 */
export function PhotoDesk({ client, onOpen, onBack, onNotice, onError }: Props) {
  const [filter, setFilter] = useState<PhotoFilter>({});
  const [uses, setUses] = useState<PhotoUse[] | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [parts, setParts] = useState<Required<Pick<CreditParts, 'provider' | 'agency' | 'creator'>>>({ provider: '', agency: '', creator: '' });
  const [version, setVersion] = useState(0);

  // Everything once (it also gives the agencies to filter by); a filter asks the main process again.
  const [all, setAll] = useState<PhotoUse[] | null>(null);
  useEffect(() => {
    client.invoke('photos.list', {}).then(setAll, (e: Error) => onError(e.message));
  }, [client, version, onError]);
  const filtered = Object.values(filter).some((v) => v !== undefined);
  useEffect(() => {
    if (!all) return;
    if (!filtered) return setUses(all);
    // Filters clicked quickly: only the answer to the latest one is shown.
    let live = true;
    client.invoke('photos.list', filter).then(
      (r) => live && setUses(r),
      (e: Error) => live && onError(e.message),
    );
    return () => {
      live = false;
    };
  }, [client, all, filter, filtered, onError]);
  const agencies = useMemo(() => [...new Set((all ?? []).map((u) => u.credit.agency?.trim()).filter((a): a is string => !!a))].sort((a, b) => a.localeCompare(b)), [all]);

  const chosen = useMemo(() => (uses ?? []).filter((u) => selected.has(rowKey(u))), [uses, selected]);
  const toggle = (key: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const flag = (key: 'missingCredit' | 'missingAlt' | 'mismatch') => (e: { target: { checked: boolean } }) => setFilter((f) => ({ ...f, [key]: e.target.checked || undefined }));

  const apply = useCallback(
    async (e: FormEvent) => {
      e.preventDefault();
      // Parts left empty stay as they are in each picture.
      const given: CreditParts = Object.fromEntries(Object.entries(parts).filter(([, v]) => v.trim()));
      if (!Object.keys(given).length) return onError('Type a provider, agency or photographer to set on the chosen pictures.');
      try {
        const assetIds = [...new Set(chosen.map((u) => u.assetId))];
        const r = await client.invoke('photos.setCredit', { assetIds, parts: given });
        onNotice(`Credit set on ${assetIds.length} picture${assetIds.length === 1 ? '' : 's'}; ${r.articles.length} article${r.articles.length === 1 ? '' : 's'} changed.`);
        setSelected(new Set());
        setParts({ provider: '', agency: '', creator: '' });
        setVersion((v) => v + 1);
      } catch (error) {
        onError((error as Error).message);
      }
    },
    [client, chosen, parts, onNotice, onError],
  );

  return (
    <main className="photo-desk">
      <div className="toolbar">
        <h1>Photo desk</h1>
        <button type="button" onClick={onBack}>
          ← Articles
        </button>
      </div>
      <div className="photo-filters" role="group" aria-label="Filter pictures">
        <label>
          <input type="checkbox" checked={!!filter.missingCredit} onChange={flag('missingCredit')} /> Missing credit
        </label>
        <label>
          <input type="checkbox" checked={!!filter.missingAlt} onChange={flag('missingAlt')} /> Missing alt text
        </label>
        <label>
          <input type="checkbox" checked={!!filter.mismatch} onChange={flag('mismatch')} /> Credit contradicts the file
        </label>
        <label>
          Agency{' '}
          <select value={filter.agency ?? ''} onChange={(e) => setFilter((f) => ({ ...f, agency: e.target.value || undefined }))}>
            <option value="">any</option>
            {agencies.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
      </div>
      {chosen.length ? (
        <form className="bulk-credit" aria-label="Set credit on the chosen pictures" onSubmit={(e) => void apply(e)}>
          <strong>{chosen.length} chosen</strong>
          {(['provider', 'agency', 'creator'] as const).map((p) => (
            <label key={p}>
              {p === 'creator' ? 'Photographer' : p[0]!.toUpperCase() + p.slice(1)}
              <input value={parts[p]} placeholder="unchanged" onChange={(e) => setParts((x) => ({ ...x, [p]: e.target.value }))} />
            </label>
          ))}
          <button type="submit" className="primary">
            Set credit
          </button>
        </form>
      ) : null}
      {uses === null ? (
        <p className="loading">Loading pictures…</p>
      ) : uses.length === 0 ? (
        <p className="empty">No pictures match.</p>
      ) : (
        <table className="photo-table">
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label="Choose all"
                  checked={chosen.length === uses.length}
                  onChange={(e) => setSelected(e.target.checked ? new Set(uses.map(rowKey)) : new Set())}
                />
              </th>
              <th>Picture</th>
              <th>Article</th>
              <th>Caption</th>
              <th>Credit</th>
              <th>Problems</th>
            </tr>
          </thead>
          <tbody>
            {uses.map((u) => (
              <tr key={rowKey(u)} className={u.problems.length ? 'has-problems' : undefined}>
                <td>
                  <input type="checkbox" aria-label={`Choose picture ${u.block + 1} in ${u.headline || 'untitled'}`} checked={selected.has(rowKey(u))} onChange={() => toggle(rowKey(u))} />
                </td>
                <td>
                  <Thumbnail client={client} assetId={u.assetId} alt={u.alt} />
                </td>
                <td>
                  <button type="button" className="link" onClick={() => onOpen(u.articleId)}>
                    {u.headline || 'Untitled'}
                  </button>
                </td>
                <td dir="auto">
                  {u.caption || '—'} <span className={`origin ${u.origin.caption}`}>{ORIGIN_LABEL[u.origin.caption]}</span>
                </td>
                <td className="credit">
                  {u.creditLine || '—'} <span className={`origin ${u.origin.credit}`}>{ORIGIN_LABEL[u.origin.credit]}</span>
                  {u.embedded?.creditLine || u.embedded?.creators?.length ? (
                    <span className="file-says">
                      file: {[u.embedded.creators?.join(', '), u.embedded.creditLine].filter(Boolean).join(' · ')}
                    </span>
                  ) : null}
                </td>
                <td className="problems">{u.problems.join('; ') || 'none'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
