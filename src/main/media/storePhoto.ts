import fs from 'node:fs';
import path from 'node:path';
import { creditFromMetadata } from '../../shared/format/creditFromMetadata';
import type { Credit } from '../../shared/model/blocks';
import type { PhotoInfo } from '../../shared/model/photo';
import type { AssetInfo } from '../store/assets';
import type { Store } from '../store/store';
import { inPrivateTempDir } from '../privateTemp';
import { inspectImage } from './inspectImage';
import { photoInfoOf } from './photoInfo';
import { readPhotoMetadata } from './readMetadata';

export interface StoredPhoto {
  asset: AssetInfo;
  photo: PhotoInfo;
  /** What the file suggests for the image block: its caption and credit parts. */
  suggested: { caption: string; credit: Credit };
}

/** exiftool reads files, so the bytes are written to a private temporary file first (and removed). */
function withTempFile<T>(bytes: Uint8Array, name: string, fn: (file: string) => Promise<T>): Promise<T> {
  return inPrivateTempDir('byline-photo-', (dir) => {
    const file = path.join(
      dir,
      `picture${
        path
          .extname(name)
          .toLowerCase()
          .replace(/[^.a-z0-9]/g, '') || '.img'
      }`,
    );
    fs.writeFileSync(file, bytes, { mode: 0o600 });
    return fn(file);
  });
}

/**
 * Brings a picture into the store: checked and rendered (sharp), its metadata read (exiftool),
 * then stored byte-identical with what its file said, and its renditions written. Everything
 * that can refuse runs before anything is stored, so a refused picture leaves no trace.
 */
export async function storePhoto(store: Store, bytes: Uint8Array, name: string, source: string): Promise<StoredPhoto> {
  const [inspected, embedded] = await Promise.all([
    inspectImage(bytes, name),
    withTempFile(bytes, name, (file) => readPhotoMetadata(file, name)),
  ]);
  const photo: PhotoInfo = { width: inspected.width, height: inspected.height, embedded };
  let asset = store.assets.add(bytes, name, { source, photo });
  if (!photoInfoOf(asset)) {
    // The same bytes were stored before their metadata was read: add it now.
    store.assets.setMetadata(asset.id, { ...asset.metadata, photo });
    asset = store.assets.find(asset.id)!;
  }
  if (inspected.renditions) store.assets.writeRenditions(asset.id, inspected.renditions);
  return { asset, photo, suggested: { caption: embedded.caption ?? '', credit: creditFromMetadata(embedded) } };
}
