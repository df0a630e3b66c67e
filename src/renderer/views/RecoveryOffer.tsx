import { useMemo } from 'react';
import { diffArticles } from '../../shared/diff';
import type { HouseStyle } from '../../shared/houseStyle';
import type { Article } from '../../shared/model/article';
import { DiffView } from './DiffView';

interface Props {
  /** The text the journal kept, on top of the stored article. */
  kept: Article;
  writtenAt: string;
  saved: Article;
  houseStyle: HouseStyle;
  onRestore(): void;
  onDiscard(): void;
}

/**
 * Text typed but never saved (the window closed before the save): what it would change, marked
 * against the saved text, and the person's choice. It is only offered when no save covered it.
 */
export function RecoveryOffer({ kept, writtenAt, saved, houseStyle, onRestore, onDiscard }: Props) {
  const diff = useMemo(
    () => diffArticles(saved, { ...kept, revision: saved.revision + 1 }, houseStyle),
    [kept, saved, houseStyle],
  );
  return (
    <section className="conflict" role="alert" aria-label="Unsaved text found">
      <p>
        This article has text that was typed at {new Date(writtenAt).toLocaleTimeString()} but never saved: the window
        closed before it could be. Bring it back as a new revision, or discard it? The changes it would make to the
        saved text are marked below.
      </p>
      <button type="button" className="primary" onClick={onRestore}>
        Restore the unsaved text
      </button>
      <button type="button" onClick={onDiscard}>
        Discard it
      </button>
      <DiffView
        diff={diff}
        label="Unsaved text against the saved text"
        names={[`Saved (revision ${saved.revision})`, 'Typed, not saved']}
      />
    </section>
  );
}
