import { useState } from 'react';
import { bodyText, type Article } from '../../shared/model/article';

type Text = Pick<Article, 'headline' | 'teaser' | 'body'>;

/** Side by side: what this editor holds and what the store holds now. */
function Compare({ mine, theirs }: { mine: Text; theirs: Article }) {
  const col = (title: string, a: Text) => (
    <section>
      <h3>{title}</h3>
      <p className="compare-headline">{a.headline}</p>
      <p>{a.teaser}</p>
      <pre>{bodyText(a.body)}</pre>
    </section>
  );
  return (
    <div className="compare">
      {col('Yours (not saved)', mine)}
      {col(`Saved revision ${theirs.revision}`, theirs)}
    </div>
  );
}

/** Someone else saved meanwhile: the text stays here, and the person chooses what to keep. */
export function ConflictChoice({
  theirs,
  mine,
  onKeepMine,
  onTakeTheirs,
}: {
  theirs: Article | null;
  mine: Text;
  onKeepMine(): void;
  onTakeTheirs(): void;
}) {
  const [comparing, setComparing] = useState(false);
  return (
    <div className="conflict" role="alert">
      <p>Someone saved this article while you were editing. Your text is still here; choose what to keep.</p>
      <button type="button" className="primary" onClick={onKeepMine}>
        Keep mine as a new revision
      </button>
      <button type="button" onClick={onTakeTheirs}>
        Take theirs
      </button>
      <button
        type="button"
        aria-pressed={comparing}
        onClick={() => setComparing((c) => !c)}
        disabled={!theirs}
        title={theirs ? undefined : 'Loading the saved version…'}
      >
        Compare
      </button>
      {comparing && theirs ? <Compare mine={mine} theirs={theirs} /> : null}
    </div>
  );
}
