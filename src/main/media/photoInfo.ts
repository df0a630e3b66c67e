import { PhotoInfoSchema, type PhotoInfo } from '../../shared/model/photo';
import type { PhotoLookup } from '../../shared/workflow';
import type { AssetInfo, AssetStore } from '../store/assets';

/** The picture's stored photo info, if it has been read (pictures stored before the photo desk have none). */
export function photoInfoOf(asset: AssetInfo | undefined): PhotoInfo | null {
  const parsed = PhotoInfoSchema.safeParse(asset?.metadata.photo);
  return parsed.success ? parsed.data : null;
}

/** What each picture's file said, by asset id: what the workflow compares credits with. */
export function embeddedLookup(assets: Pick<AssetStore, 'find'>): PhotoLookup {
  return (id) => photoInfoOf(assets.find(id))?.embedded;
}
