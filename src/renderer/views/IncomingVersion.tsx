import { useState } from 'react';
import { diffArticles } from '../../shared/diff';
import type { HouseStyle } from '../../shared/houseStyle';
import type { Article } from '../../shared/model/article';
import type { IncomingVersion as Incoming } from '../../shared/model/handoff';
import { DiffView } from './DiffView';

interface Props {
  version: Incoming;
  /** This machine's saved text, as the person compares it. */
  mine: Article;
  houseStyle: HouseStyle;
  onChoose(keep: 'mine' | 'theirs'): Promise<void>;
}

const when = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });

/**
 * A package brought a version made from the same base revision as this machine's: both are kept,
 * shown side by side, and the person chooses which one the article continues with.
 */
export function IncomingVersion({ version, mine, houseStyle, onChoose }: Props) {
  const [comparing, setComparing] = useState(true);
  const [busy, setBusy] = useState(false);
  const last = version.revisions.at(-1)!;
  const choose = (keep: 'mine' | 'theirs') => {
    setBusy(true);
    void onChoose(keep).finally(() => setBusy(false));
  };
  return (
    <section className="incoming" role="alert" aria-label="Diverged version">
      <p>
        <strong>{version.sender}</strong> changed this article on another machine (their revision {last.revision},{' '}
        {when(last.savedAt)}, from {version.packageName}), while it was also changed here since revision{' '}
        {version.baseRevision}. Both versions are kept; choose which one the article goes on with. The other stays in
        the history.
      </p>
      <button
        type="button"
        className="primary"
        disabled={busy}
        title={busy ? 'Your choice is being saved' : undefined}
        onClick={() => choose('mine')}
      >
        Keep this machine’s
      </button>
      <button
        type="button"
        disabled={busy}
        title={busy ? 'Your choice is being saved' : undefined}
        onClick={() => choose('theirs')}
      >
        Take {version.sender}’s
      </button>
      <button type="button" aria-pressed={comparing} onClick={() => setComparing((c) => !c)}>
        Compare
      </button>
      {comparing ? (
        <DiffView
          diff={{ ...diffArticles(mine, version.theirs, houseStyle), from: mine.revision, to: last.revision }}
          label={`This machine's revision ${mine.revision} compared with ${version.sender}'s version`}
          names={['This machine', version.sender]}
        />
      ) : null}
    </section>
  );
}
