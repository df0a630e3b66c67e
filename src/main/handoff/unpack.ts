import { followEdits } from '../../shared/comments/anchoring';
import { BylineError } from '../../shared/errors';
import type { Article } from '../../shared/model/article';
import type { Comment } from '../../shared/model/comment';
import type { HandoffOutcome, RevisionRecord } from '../../shared/model/handoff';
import type { Store } from '../store/store';
import type { BylinePackage } from './packageFormat';
import { recordChoice, rememberPackaged } from '../sync/syncState';

/** Two copies of a revision are the same when their saved text is (it includes when it was saved). */
const sameRevision = (a: RevisionRecord, b: RevisionRecord) => JSON.stringify(a.doc) === JSON.stringify(b.doc);

/** How many revisions, from the first, both histories share. */
function sharedPrefix(mine: readonly RevisionRecord[], theirs: readonly RevisionRecord[]): number {
  let k = 0;
  while (k < mine.length && k < theirs.length && sameRevision(mine[k]!, theirs[k]!)) k++;
  return k;
}

/** Anchors were set against the sender's text; move them onto this machine's where the two differ. */
function reanchor(comments: readonly Comment[], from: Article, to: Article): Comment[] {
  return comments.map((c) => {
    if (!c.anchor) return c;
    const moved = followEdits(c.anchor, c.detached, from, to);
    return { ...c, anchor: moved.anchor, detached: moved.detached };
  });
}

/**
 * Brings a package's article into the store. New here: it arrives with its whole history. Here
 * and the package continues this machine's history: its newer revisions are added as they were.
 * Both sides changed the same base revision: the package's version is kept aside for a person to
 * compare and choose (nothing is dropped). Comments are merged either way. One transaction: a
 * failure at any step leaves the store as it was.
 */
export function unpackIntoStore(store: Store, pkg: BylinePackage, packageName: string): HandoffOutcome {
  const { manifest, revisions } = pkg;
  const id = manifest.articleId;
  const theirsHead = revisions.at(-1)!.doc;
  return store.transaction((): HandoffOutcome => {
    for (const { entry, bytes } of pkg.assets) store.assets.add(bytes, entry.originalName, entry.metadata);
    const base = { id, sender: manifest.createdBy, commentsAdded: 0 };
    const presence = store.articles.presence(id);
    if (presence === 'trashed')
      throw new BylineError(
        'in-trash',
        `${packageName}: the article "${theirsHead.headline}" is in the trash here; restore it first, then open the package again. Nothing was changed.`,
      );

    let outcome: HandoffOutcome;
    let comments: readonly Comment[] = pkg.comments;
    if (presence === 'absent') {
      const head = store.articles.adopt(revisions);
      rememberPackaged(
        store,
        id,
        revisions.map((r) => r.revision),
        pkg.syncIds,
      );
      outcome = { ...base, headline: head.headline, result: 'new', revisionsAdded: revisions.length };
    } else {
      const mine = store.articles.revisionRecords(id);
      const shared = sharedPrefix(mine, revisions);
      if (shared === revisions.length) {
        outcome = { ...base, headline: mine.at(-1)!.doc.headline, result: 'up-to-date', revisionsAdded: 0 };
        comments = reanchor(comments, theirsHead, mine.at(-1)!.doc);
      } else if (shared === mine.length) {
        const head = store.articles.adopt(revisions.slice(shared));
        rememberPackaged(
          store,
          id,
          revisions.slice(shared).map((r) => r.revision),
          pkg.syncIds,
        );
        outcome = { ...base, headline: head.headline, result: 'updated', revisionsAdded: revisions.length - shared };
      } else {
        const theirs = revisions.slice(shared);
        // Opening the same package twice must not ask the same question twice.
        const waiting = store.incoming.pending(id).find((v) => JSON.stringify(v.theirs) === JSON.stringify(theirsHead));
        const incoming =
          waiting ??
          store.incoming.add(id, { sender: manifest.createdBy, packageName, baseRevision: shared, revisions: theirs });
        outcome = {
          ...base,
          headline: mine.at(-1)!.doc.headline,
          result: 'diverged',
          revisionsAdded: 0,
          incomingId: incoming.id,
        };
        comments = reanchor(comments, theirsHead, mine.at(-1)!.doc);
      }
    }
    outcome.commentsAdded = store.comments.merge(id, comments).added;
    return outcome;
  });
}

/**
 * The desk's choice for a version that arrived diverged. Either way the package's version (text
 * and status, as the sender's workflow left it) becomes a revision here, so it stays in the
 * history and can be compared; keeping this machine's version then adds it again on top.
 * `base` is the revision the person was looking at: a save since then is a conflict.
 */
export function resolveIncoming(
  store: Store,
  articleId: string,
  incomingId: number,
  keep: 'mine' | 'theirs',
  actor: string,
  base: number,
): Article {
  return store.db.transaction((): Article => {
    const version = store.incoming.get(articleId, incomingId);
    const current = store.articles.get(articleId);
    if (base !== current.revision) {
      throw new BylineError(
        'conflict',
        `The article was saved (revision ${current.revision}) after the revision ${base} you compared; compare again. Nothing was changed.`,
      );
    }
    const last = version.revisions.at(-1)!;
    const fromThem = `${version.sender}'s version from ${version.packageName} (their revision ${last.revision}, based on revision ${version.baseRevision}${last.note ? `; their note: ${last.note}` : ''})`;
    const options = { allowStatusChange: true };
    const { article: theirs } = store.articles.save(
      { ...version.theirs, id: articleId, createdAt: current.createdAt, revision: current.revision },
      actor,
      { ...options, note: keep === 'theirs' ? `took ${fromThem}` : fromThem },
    );
    let result = theirs;
    if (keep === 'mine') {
      result = store.articles.save({ ...current, revision: theirs.revision }, actor, {
        ...options,
        note: `kept this machine's revision ${current.revision} over ${version.sender}'s version`,
      }).article;
    }
    store.incoming.markResolved(articleId, incomingId, actor, keep);
    // A version from the newsroom server: the revision that took it in joins both versions there.
    recordChoice(store, articleId, incomingId, current.revision, theirs.revision);
    return result;
  })();
}
