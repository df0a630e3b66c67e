import { Fragment, useState, type ReactNode } from 'react';
import type { ArticleDiff, BlockDiff, EmphasisRun, TextPart } from '../../shared/diff';

/** A stretch of text with the bold and italic it has at `start` in its side's block. */
function emphasized(text: string, start: number, runs: EmphasisRun[]): ReactNode {
  const cuts = new Set([0, text.length]);
  for (const r of runs) for (const at of [r.start - start, r.end - start]) if (at > 0 && at < text.length) cuts.add(at);
  const points = [...cuts].sort((a, b) => a - b);
  return points.slice(0, -1).map((from, i) => {
    const to = points[i + 1]!;
    const run = runs.find((r) => r.start <= start + from && r.end >= start + to);
    let node: ReactNode = text.slice(from, to);
    if (run?.italic) node = <em>{node}</em>;
    if (run?.bold) node = <strong>{node}</strong>;
    return <Fragment key={from}>{node}</Fragment>;
  });
}

/** A block's parts: unchanged, added, removed, each with the emphasis its side has. */
function Parts({ block, keep }: { block: BlockDiff; keep: 'added' | 'removed' | 'both' }) {
  let before = 0;
  let after = 0;
  const out: ReactNode[] = [];
  block.parts.forEach((p: TextPart, i) => {
    const side = p.kind === 'removed' || (p.kind === 'same' && keep === 'removed') ? 'before' : 'after';
    const start = side === 'before' ? before : after;
    if (p.kind !== 'added') before += p.text.length;
    if (p.kind !== 'removed') after += p.text.length;
    if (p.kind !== 'same' && keep !== 'both' && p.kind !== keep) return;
    const text = emphasized(p.text, start, block.emphasis[side]);
    out.push(
      p.kind === 'same' ? (
        <span key={i}>{text}</span>
      ) : p.kind === 'added' ? (
        <ins key={i}>{text}</ins>
      ) : (
        <del key={i}>{text}</del>
      ),
    );
  });
  return <>{out}</>;
}

/** A block as the article shows it (a subhead stays a subhead), marked by how it changed. */
function Block({ block, children }: { block: BlockDiff; children: ReactNode }) {
  const className = `diff-block diff-${block.kind}`;
  switch (block.type) {
    case 'subhead':
      return <h4 className={className}>{children}</h4>;
    case 'quote':
      return <blockquote className={className}>{children}</blockquote>;
    case 'image':
      return <p className={`${className} diff-image`}>{children}</p>;
    default:
      return <p className={className}>{children}</p>;
  }
}

function BodyDiff({ diff, mode, names }: { diff: ArticleDiff; mode: 'inline' | 'side'; names: [string, string] }) {
  if (!diff.body.length) return <p className="diff-none">The body did not change.</p>;
  if (mode === 'inline') {
    return (
      <div className="diff-body">
        {diff.blocks.map((b, i) => (
          <Block key={i} block={b}>
            <Parts block={b} keep="both" />
          </Block>
        ))}
      </div>
    );
  }
  // Side by side: one row per block, so a paragraph and its new version stand level.
  return (
    <div className="diff-side" role="table" aria-label="Side by side">
      <div role="row" className="diff-side-head">
        <span role="columnheader">{names[0]}</span>
        <span role="columnheader">{names[1]}</span>
      </div>
      {diff.blocks.map((b, i) => (
        <div role="row" key={i} className="diff-side-row">
          <div role="cell" className="diff-body">
            {b.kind === 'added' ? null : (
              <Block block={b}>
                <Parts block={b} keep="removed" />
              </Block>
            )}
          </div>
          <div role="cell" className="diff-body">
            {b.kind === 'removed' ? null : (
              <Block block={b}>
                <Parts block={b} keep="added" />
              </Block>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}

/**
 * Two versions of an article compared: changed fields before → after, and the body block by block
 * and word by word, inline or side by side. Used by the history, a package's diverged version and
 * recovered text.
 */
export function DiffView({ diff, label, names }: { diff: ArticleDiff; label: string; names?: [string, string] }) {
  const [mode, setMode] = useState<'inline' | 'side'>('inline');
  const columns = names ?? [`Revision ${diff.from}`, `Revision ${diff.to}`];
  return (
    <div className="diff" aria-label={label}>
      <div className="diff-mode" role="group" aria-label="Show changes">
        <button type="button" aria-pressed={mode === 'inline'} onClick={() => setMode('inline')}>
          Inline
        </button>
        <button type="button" aria-pressed={mode === 'side'} onClick={() => setMode('side')}>
          Side by side
        </button>
        <span className="diff-words">
          +{diff.words.added} / −{diff.words.removed} words
        </span>
      </div>
      {diff.fields.length ? (
        <table className="diff-fields">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">{columns[0]}</th>
              <th scope="col">{columns[1]}</th>
            </tr>
          </thead>
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
      <BodyDiff diff={diff} mode={mode} names={columns} />
    </div>
  );
}
