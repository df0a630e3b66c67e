import { zipSync, type Zippable } from 'fflate';
import { attachedImages } from '../../shared/model/blocks';
import type { Store } from '../store/store';
import { BYLINE_VERSION } from '../version';
import { recordIdsOf } from '../sync/syncState';
import { ENTRY, PACKAGE_FORMAT, PACKAGE_VERSION, type AssetEntry, type Manifest } from './packageFormat';

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/**
 * Packs an article for hand-off: every revision, every comment, and the images any revision uses
 * (so an older revision can still be restored on the other side). Images are stored, not
 * recompressed: they are compressed already.
 */
export function writePackage(
  store: Store,
  articleId: string,
  actor: string,
  now = new Date(),
): { bytes: Uint8Array; manifest: Manifest } {
  const revisions = store.articles.revisionRecords(articleId);
  const head = revisions.at(-1)!.doc;
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    createdAt: now.toISOString(),
    createdBy: actor,
    app: `Byline ${BYLINE_VERSION}`,
    articleId,
    revision: head.revision,
    headline: head.headline,
  };
  const assetIds = [...new Set(revisions.flatMap((r) => attachedImages(r.doc.body).map((b) => b.assetId)))].sort();
  const assets: AssetEntry[] = assetIds.map((id) => {
    const info = store.assets.find(id)!;
    return { id, mime: info.mime, originalName: info.originalName, byteSize: info.byteSize, metadata: info.metadata };
  });
  // Insertion order is entry order: the manifest must come first (see isBylinePackage).
  const files: Zippable = {
    [ENTRY.manifest]: json(manifest),
    [ENTRY.revisions]: json(revisions),
    [ENTRY.comments]: json(store.comments.list(articleId)),
    [ENTRY.assets]: json(assets),
  };
  const syncIds = recordIdsOf(store, articleId);
  if (syncIds.length) files[ENTRY.sync] = json(syncIds);
  for (const id of assetIds) files[`assets/${id}`] = [store.assets.read(id), { level: 0 }];
  return { bytes: zipSync(files, { level: 6, mtime: now }), manifest };
}
