import type { AssetInfo, RenditionKind } from '../store/assets';
import type { Store } from '../store/store';
import { inspectImage } from './inspectImage';

const making = new Map<string, Promise<boolean>>();

/**
 * A picture's rendition, made now if it is missing. Renditions are derived files: pictures that
 * came from a backup, a package or an older version of Byline get theirs the first time they
 * are shown. Null when this picture cannot be rendered (HEIC, a damaged file).
 */
export async function renditionOf(store: Store, asset: AssetInfo, kind: RenditionKind): Promise<Buffer | null> {
  const existing = store.assets.readRendition(asset.id, kind);
  if (existing || asset.mime === 'image/heic') return existing;
  let job = making.get(asset.id);
  if (!job) {
    job = inspectImage(store.assets.read(asset.id), asset.originalName)
      .then((inspected) => {
        if (!inspected.renditions) return false;
        store.assets.writeRenditions(asset.id, inspected.renditions);
        return true;
      })
      .catch(() => false)
      .finally(() => making.delete(asset.id));
    making.set(asset.id, job);
  }
  return (await job) ? store.assets.readRendition(asset.id, kind) : null;
}
