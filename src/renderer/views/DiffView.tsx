import { useState } from 'react';
import type { ArticleDiff } from '../../shared/diff';

function BodyDiff({ diff, mode, names }: { diff: ArticleDiff; mode: 'inline' | 'side'; names: [string, string] }) {
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
      <div className="diff-body" aria-label={names[0]}>
        {render('removed')}
      </div>
      <div className="diff-body" aria-label={names[1]}>
        {render('added')}
      </div>
    </div>
  );
}

/**
 * Two versions of an article compared: changed fields before → after, and the body word by word,
 * inline or side by side. Used by the history and by a package's diverged version.
 */
export function DiffView({ diff, label, names }: { diff: ArticleDiff; label: string; names?: [string, string] }) {
  const [mode, setMode] = useState<'inline' | 'side'>('inline');
  return (
    <div className="diff" aria-label={label}>
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
      <BodyDiff diff={diff} mode={mode} names={names ?? [`Revision ${diff.from}`, `Revision ${diff.to}`]} />
    </div>
  );
}
