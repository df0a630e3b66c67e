// The import review: a page read by guesswork is shown line by line beside its article, and a
// person's correction of one line ("this is the headline", "not part of the article") runs the
// mapping again, keeping every correction made so far.
import { BylineError } from '../../shared/errors';
import type { Article } from '../../shared/model/article';
import { isAttached, type Block } from '../../shared/model/blocks';
import type { PageReview } from '../../shared/ipc/contract';
import { SINGLE_ROLES, type LineFix } from '../../shared/model/pageMapping';
import type { Store } from '../store/store';
import type { ImportContext } from './types';
import { importWebText } from './webText';

const contextFor = (store: Store, fileName: string): ImportContext => ({
  fileName,
  hasAsset: (id) => store.assets.find(id) !== undefined,
  creditStyle: store.houseStyle.credit,
});

/** How the article's page was read, with the corrections so far; null for an article not read from a page. */
export function pageReview(store: Store, articleId: string): PageReview | null {
  const source = store.importSources.get(articleId);
  if (!source) return null;
  const { mapping = [] } = importWebText(source.bytes, contextFor(store, source.fileName), source.fixes);
  return { fileName: source.fileName, importedAt: source.importedAt, mapping };
}

/**
 * A picture the person has attached a file to (or whose caption, credit, alt text they set) stays
 * so when the page is read again: the new mapping's picture with the same caption takes it over.
 */
function keepAttachedPictures(next: Block[], current: readonly Block[]): Block[] {
  const attached = current.filter((b): b is Extract<Block, { type: 'image' }> => b.type === 'image' && isAttached(b));
  return next.map((b) => {
    if (b.type !== 'image') return b;
    const same = attached.find((a) => a.caption === b.caption || (a.source !== undefined && a.source === b.source));
    return same ?? b;
  });
}

/**
 * Sets one line's role and reads the page again: the article gets the new reading as a revision
 * (`base` is the revision the person saw; a save since is a conflict). Earlier corrections stay;
 * a new one for the same line, or one that puts a single field (the headline…) elsewhere, replaces the old.
 */
export function fixPageLine(
  store: Store,
  articleId: string,
  fix: LineFix,
  base: number,
  actor: string,
): { article: Article; review: PageReview } {
  const source = store.importSources.get(articleId);
  if (!source)
    throw new BylineError('not-found', 'This article was not read from a page, so there is no page to correct.', {
      problem: 'no-page-source',
    });
  // A field an article has once moves: an earlier correction that put it on another line goes.
  const fixes = [
    ...source.fixes.filter((f) => f.line !== fix.line && !(SINGLE_ROLES.has(fix.role) && f.role === fix.role)),
    fix,
  ];
  // The same reading as at import, with the corrections: a page with nothing left to read is refused here too.
  const { article: reading, mapping = [] } = importWebText(source.bytes, contextFor(store, source.fileName), fixes);
  const current = store.articles.get(articleId);
  const { rubric, kicker, headline, teaser, byline, dateline, publishedAt, keywords, signOff } = reading;
  const article = store.transaction(() => {
    const saved = store.articles.save(
      {
        ...current,
        rubric,
        kicker,
        headline,
        teaser,
        byline,
        dateline,
        publishedAt,
        keywords,
        signOff,
        body: keepAttachedPictures(reading.body, current.body),
        revision: base,
      },
      actor,
      { note: `page read again: line ${fix.line + 1} is ${fix.role}` },
    ).article;
    store.importSources.setFixes(articleId, fixes);
    return saved;
  });
  // The reading just saved is the review: the page is not read a second time.
  return { article, review: { fileName: source.fileName, importedAt: source.importedAt, mapping } };
}
