import { BylineError } from '../../shared/errors';
import { creditFromMetadata, creditConflicts } from '../../shared/format/creditFromMetadata';
import { formatCredit, hasCredit } from '../../shared/format/credit';
import type { Credit, Image } from '../../shared/model/blocks';
import type { CreditParts, PhotoFilter, PhotoInfo, PhotoUse, ValueOrigin } from '../../shared/model/photo';
import { pictureProblems } from '../../shared/workflow';
import type { Store } from '../store/store';
import { photoInfoOf } from './photoInfo';
import { NO_JOB, type Job } from '../jobs/jobs';

function origin(value: string, fromFile: string | undefined): ValueOrigin {
  if (!value.trim()) return 'none';
  return fromFile !== undefined && value.trim() === fromFile.trim() ? 'file' : 'edited';
}

/** Every picture in every article not in the trash that the filter asks for, with its problems. */
export function listPhotos(store: Store, filter: PhotoFilter = {}): PhotoUse[] {
  const uses: PhotoUse[] = [];
  // A picture is often used in many articles: what its file said is read once per listing.
  const files = new Map<string, PhotoInfo | null>();
  const infoOf = (assetId: string) => {
    if (!files.has(assetId)) files.set(assetId, photoInfoOf(store.assets.find(assetId)));
    return files.get(assetId)!;
  };
  for (const article of store.articles.withImages()) {
    article.body.forEach((b, block) => {
      if (b.type !== 'image') return;
      const info = b.assetId ? infoOf(b.assetId) : null;
      const embedded = info?.embedded ?? null;
      const conflicts = embedded ? creditConflicts(b.credit, embedded) : [];
      const wanted =
        (!filter.missingCredit || !hasCredit(b.credit)) &&
        (!filter.missingAlt || !b.alt.trim()) &&
        (!filter.mismatch || conflicts.length > 0) &&
        (!filter.missingFile || b.assetId === null) &&
        (!filter.agency || (b.credit.agency ?? '').toLowerCase() === filter.agency.toLowerCase());
      if (!wanted) return;
      const creditLine = formatCredit(b.credit, store.houseStyle.credit);
      const fromFile = embedded ? formatCredit(creditFromMetadata(embedded), store.houseStyle.credit) : undefined;
      uses.push({
        assetId: b.assetId,
        articleId: article.id,
        headline: article.headline,
        block,
        caption: b.caption,
        credit: b.credit,
        creditLine,
        alt: b.alt,
        embedded,
        size: info ? { width: info.width, height: info.height } : null,
        origin: { caption: origin(b.caption, embedded?.caption), credit: origin(creditLine, fromFile || undefined) },
        problems: pictureProblems(b, embedded),
      });
    });
  }
  return uses;
}

/**
 * Sets credit parts on a picture wherever it is used: each article that changes gets a new
 * revision by `actor`. Parts not given stay as they are; an empty string clears one.
 */
export function setCredit(
  store: Store,
  assetId: string,
  parts: CreditParts,
  actor: string,
  job: Job = NO_JOB,
): { articles: string[]; creditLine: string } {
  if (!store.assets.find(assetId)) throw new BylineError('not-found', `No image ${assetId} in the store.`);
  const changed: string[] = [];
  let creditLine = '';
  const apply = (credit: Credit): Credit => {
    const next: Credit = { ...credit };
    for (const [k, v] of Object.entries(parts) as [keyof Credit, string | undefined][]) {
      if (v === undefined) continue;
      if (v.trim()) next[k] = v.trim();
      else delete next[k];
    }
    return next;
  };
  store.db.transaction(() => {
    for (const { id } of store.articles.withImages(assetId)) {
      job.checkpoint();
      // Read again through the model: this one is saved, with the revision it is based on.
      const article = store.articles.get(id);
      let touched = false;
      const body = article.body.map((b) => {
        if (b.type !== 'image' || b.assetId !== assetId) return b;
        touched = true;
        const image: Image = { ...b, credit: apply(b.credit) };
        creditLine = formatCredit(image.credit, store.houseStyle.credit);
        return image;
      });
      if (touched && store.articles.save({ ...article, body }, actor).changed) changed.push(id);
    }
  })();
  return { articles: changed, creditLine };
}
