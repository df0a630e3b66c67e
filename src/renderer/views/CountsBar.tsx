import { readingMinutes } from '../../shared/format/counts';
import type { Counts } from '../editor/counting';

/** Live counts of the body; each header field shows its own length beside its label. */
export function CountsBar({ body }: { body: Counts }) {
  return (
    <div className="counts" aria-label="Counts">
      <span data-testid="word-count">{body.words.toLocaleString()} words</span>
      <span>{body.characters.toLocaleString()} characters</span>
      <span>{readingMinutes(body.words)} min read</span>
    </div>
  );
}
