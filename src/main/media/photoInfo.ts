import { PhotoInfoSchema, type PhotoInfo } from '../../shared/model/photo';
import type { AssetInfo } from '../store/assets';

/** The picture's stored photo info, if it has been read (pictures stored before the photo desk have none). */
export function photoInfoOf(asset: AssetInfo | undefined): PhotoInfo | null {
  const parsed = PhotoInfoSchema.safeParse(asset?.metadata.photo);
  return parsed.success ? parsed.data : null;
}
