import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { formatCredit } from '../../shared/format/credit';
import { creditConflicts } from '../../shared/format/creditFromMetadata';
import type { HouseStyle } from '../../shared/houseStyle';
import type { Credit } from '../../shared/model/blocks';
import type { CreditParts, PhotoFilter, PhotoUse, ValueOrigin } from '../../shared/model/photo';
import { resolutionWarning } from '../../shared/workflow';
import type { Client } from '../api/client';
import { wasCancelled } from '../app/useJobs';

interface Props {
  client: Client;
  houseStyle: HouseStyle;
  onOpen(articleId: string): void;
  onBack(): void;
  onNotice(message: string): void;
  onError(message: string): void;
}

const ORIGIN_LABEL: Record<ValueOrigin, string> = { file: 'from the file', edited: 'edited', none: 'missing' };
const rowKey = (u: PhotoUse) => `${u.articleId}#${u.block}`;

/** The picture large, in a dialog; Escape or Close gives the keyboard back to its thumbnail. */
type StoredUse = PhotoUse & { assetId: string };

function PictureDialog({ client, use, onClose }: { client: Client; use: StoredUse; onClose(): void }) {
  const [src, setSrc] = useState<string | null>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    let live = true;
    client.invoke('assets.preview', { id: use.assetId, size: 'display' }).then(
      (p) => live && setSrc(p.dataUrl),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, use.assetId]);
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label={`Picture in ${use.headline || 'untitled'}`}
      className="overlay"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div className="overlay-card picture-dialog">
        {src ? (
          <img src={src} alt={use.alt || 'Picture without alt text'} />
        ) : (
          <p className="loading">Loading picture…</p>
        )}
        <p dir="auto">{use.caption}</p>
        <p className="credit-line">{use.creditLine || 'No credit yet'}</p>
        {use.size ? (
          <p className="file-says">
            {use.size.width} × {use.size.height} px
          </p>
        ) : null}
        <button ref={close} type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

/** A picture named without its file: nothing to show yet; the article is where it is attached. */
function NoFile() {
  return <span className="thumb-missing">File missing</span>;
}

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
  return src ? (
    <img className="thumb" src={src} alt={alt || 'Picture without alt text'} loading="lazy" />
  ) : (
    <span className="thumb empty" aria-hidden="true" />
  );
}

/**
 * Every picture in every article, for the photo editor: where each caption and credit came from,
 * what is wrong, and credit parts set for a selection at once (each changed article gets a revision).
 */
/** One picture's credit after a bulk change: parts given replace, an empty one leaves the part as it is. */
const withParts = (credit: Credit, given: CreditParts): Credit => ({ ...credit, ...given, text: undefined });

export function PhotoDesk({ client, houseStyle, onOpen, onBack, onNotice, onError }: Props) {
  const [filter, setFilter] = useState<PhotoFilter>({});
  const [uses, setUses] = useState<PhotoUse[] | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [parts, setParts] = useState<Required<Pick<CreditParts, 'provider' | 'agency' | 'creator'>>>({
    provider: '',
    agency: '',
    creator: '',
  });
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
  const agencies = useMemo(
    () =>
      [...new Set((all ?? []).map((u) => u.credit.agency?.trim()).filter((a): a is string => !!a))].sort((a, b) =>
        a.localeCompare(b),
      ),
    [all],
  );
  // A filter on an agency no picture names any more (its last credit was changed) goes away.
  useEffect(() => {
    if (all && filter.agency && !agencies.some((a) => a.toLowerCase() === filter.agency!.toLowerCase()))
      setFilter((f) => ({ ...f, agency: undefined }));
  }, [all, agencies, filter.agency]);
  const [large, setLarge] = useState<StoredUse | null>(null);
  const largeFrom = useRef<HTMLElement | null>(null);
  // The last bulk change, to take back: each picture's credit before it.
  const [undo, setUndo] = useState<{ before: { assetId: string; credit: Credit }[]; count: number } | null>(null);
  const [confirming, setConfirming] = useState(false);

  const chosen = useMemo(() => (uses ?? []).filter((u) => selected.has(rowKey(u))), [uses, selected]);
  const toggle = (key: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const flag =
    (key: 'missingCredit' | 'missingAlt' | 'mismatch' | 'missingFile') => (e: { target: { checked: boolean } }) =>
      setFilter((f) => ({ ...f, [key]: e.target.checked || undefined }));

  // Parts left empty stay as they are in each picture.
  const given: CreditParts = useMemo(
    () => Object.fromEntries(Object.entries(parts).filter(([, v]) => v.trim())),
    [parts],
  );
  // What each chosen picture will say, and whether that contradicts its file: shown before anything is written.
  const preview = useMemo(() => {
    const seen = new Set<string>();
    return chosen
      .filter(
        (u): u is PhotoUse & { assetId: string } => u.assetId !== null && !seen.has(u.assetId) && !!seen.add(u.assetId),
      )
      .map((u) => {
        const after = withParts(u.credit, given);
        return {
          use: u,
          line: formatCredit(after, houseStyle.credit),
          conflicts: u.embedded ? creditConflicts(after, u.embedded) : [],
        };
      });
  }, [chosen, given, houseStyle.credit]);
  const contradicting = preview.filter((p) => p.conflicts.length).length;

  const apply = useCallback(
    async (e?: FormEvent) => {
      e?.preventDefault();
      if (!Object.keys(given).length)
        return onError('Type a provider, agency or photographer to set on the chosen pictures.');
      if (contradicting && !confirming) return setConfirming(true);
      setConfirming(false);
      try {
        const before = preview.map((p) => ({ assetId: p.use.assetId, credit: p.use.credit }));
        const r = await client.invoke('photos.setCredit', { assetIds: before.map((b) => b.assetId), parts: given });
        onNotice(
          `Credit set on ${before.length} picture${before.length === 1 ? '' : 's'}; ${r.articles.length} article${r.articles.length === 1 ? '' : 's'} changed.`,
        );
        setUndo({ before, count: before.length });
        setSelected(new Set());
        setParts({ provider: '', agency: '', creator: '' });
        setVersion((v) => v + 1);
      } catch (error) {
        if (wasCancelled(error)) onNotice(error.message);
        else onError((error as Error).message);
      }
    },
    [client, given, preview, contradicting, confirming, onNotice, onError],
  );
  /** Takes the last bulk change back: each picture gets the parts it had (as new revisions; nothing is rewritten). */
  const undoLast = async () => {
    if (!undo) return;
    try {
      for (const b of undo.before) {
        await client.invoke('photos.setCredit', {
          assetIds: [b.assetId],
          parts: { provider: b.credit.provider ?? '', agency: b.credit.agency ?? '', creator: b.credit.creator ?? '' },
        });
      }
      onNotice(`The credit change on ${undo.count} picture${undo.count === 1 ? '' : 's'} was taken back.`);
      setUndo(null);
      setVersion((v) => v + 1);
    } catch (error) {
      onError((error as Error).message);
    }
  };

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
          <input type="checkbox" checked={!!filter.missingFile} onChange={flag('missingFile')} /> File missing
        </label>
        <label>
          Agency{' '}
          <select
            value={filter.agency ?? ''}
            onChange={(e) => setFilter((f) => ({ ...f, agency: e.target.value || undefined }))}
          >
            <option value="">any</option>
            {agencies.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
      </div>
      {undo ? (
        <div role="status" className="notice">
          <span>
            Credit set on {undo.count} picture{undo.count === 1 ? '' : 's'}.
          </span>
          <button type="button" onClick={() => void undoLast()}>
            Undo
          </button>
        </div>
      ) : null}
      {chosen.length ? (
        <form className="bulk-credit" aria-label="Set credit on the chosen pictures" onSubmit={(e) => void apply(e)}>
          <strong>{chosen.length} chosen</strong>
          {(['provider', 'agency', 'creator'] as const).map((p) => (
            <label key={p}>
              {p === 'creator' ? 'Photographer' : p[0]!.toUpperCase() + p.slice(1)}
              <input
                value={parts[p]}
                placeholder="unchanged"
                onChange={(e) => {
                  setConfirming(false);
                  setParts((x) => ({ ...x, [p]: e.target.value }));
                }}
              />
            </label>
          ))}
          <button
            type="submit"
            className="primary"
            disabled={!Object.keys(given).length}
            title={Object.keys(given).length ? undefined : 'Type a part to set first'}
          >
            Set credit
          </button>
          {Object.keys(given).length ? (
            <table className="credit-preview" aria-label="What each picture will say">
              <tbody>
                {preview.map((p) => (
                  <tr key={p.use.assetId} className={p.conflicts.length ? 'conflict' : undefined}>
                    <td>{p.use.creditLine || 'no credit'}</td>
                    <td>→ {p.line}</td>
                    <td>{p.conflicts.length ? `contradicts the file: ${p.conflicts.join('; ')}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {confirming ? (
            <div role="alertdialog" aria-label="Credits that contradict their files" className="status-confirm">
              <p>
                {contradicting} picture{contradicting === 1 ? '' : 's'} would get a credit that contradicts the file;
                they could not be approved or exported until it agrees. Set it anyway?
              </p>
              <button type="button" className="primary" autoFocus onClick={() => void apply()}>
                Set anyway
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          ) : null}
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
            {uses.map((u) => {
              const file = u.assetId;
              return (
                <tr key={rowKey(u)} className={u.problems.length ? 'has-problems' : undefined}>
                  <td>
                    {u.assetId ? (
                      <input
                        type="checkbox"
                        aria-label={`Choose picture ${u.block + 1} in ${u.headline || 'untitled'}`}
                        checked={selected.has(rowKey(u))}
                        onChange={() => toggle(rowKey(u))}
                      />
                    ) : (
                      // A credit set here goes on the stored picture; this one has none yet.
                      <input
                        type="checkbox"
                        aria-label={`Picture ${u.block + 1} in ${u.headline || 'untitled'} has no file yet: open the article to attach it`}
                        title="No file yet: open the article to attach it"
                        disabled
                      />
                    )}
                  </td>
                  <td>
                    {file === null ? (
                      <NoFile />
                    ) : (
                      <button
                        type="button"
                        className="thumb-button"
                        aria-label={`Show the picture in ${u.headline || 'untitled'} large`}
                        onClick={(e) => {
                          largeFrom.current = e.currentTarget;
                          setLarge({ ...u, assetId: file });
                        }}
                      >
                        <Thumbnail client={client} assetId={file} alt={u.alt} />
                      </button>
                    )}
                  </td>
                  <td>
                    <button type="button" className="link" onClick={() => onOpen(u.articleId)}>
                      {u.headline || 'Untitled'}
                    </button>
                  </td>
                  <td dir="auto" data-label="Caption">
                    {u.caption || '—'}{' '}
                    <span className={`origin ${u.origin.caption}`}>{ORIGIN_LABEL[u.origin.caption]}</span>
                  </td>
                  <td className="credit" data-label="Credit">
                    {u.creditLine || '—'}{' '}
                    <span className={`origin ${u.origin.credit}`}>{ORIGIN_LABEL[u.origin.credit]}</span>
                    {u.embedded?.creditLine || u.embedded?.creators?.length ? (
                      <span className="file-says">
                        file: {[u.embedded.creators?.join(', '), u.embedded.creditLine].filter(Boolean).join(' · ')}
                      </span>
                    ) : null}
                  </td>
                  <td className="problems" data-label="Problems">
                    {u.problems.join('; ') || 'none'}
                    {resolutionWarning(u.size, houseStyle) ? (
                      <span className="warning">{resolutionWarning(u.size, houseStyle)}</span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {large ? (
        <PictureDialog
          client={client}
          use={large}
          onClose={() => {
            setLarge(null);
            largeFrom.current?.focus();
          }}
        />
      ) : null}
    </main>
  );
}
