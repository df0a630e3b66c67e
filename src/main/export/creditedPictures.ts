import type { Article } from '../../shared/model/article';
import { creditedCopy, type CreditedCopy } from '../media/writeBack';
import type { Store } from '../store/store';
import { fileOf } from './exportable';

/**
 * A credited copy of each picture in an article, by asset id, made one after another (exiftool
 * works through a small pool). A picture used twice carries the caption and credit of its
 * first use.
 */
export async function creditedPictures(store: Store, article: Article): Promise<Map<string, CreditedCopy>> {
  const copies = new Map<string, CreditedCopy>();
  for (const b of article.body) {
    if (b.type !== 'image') continue;
    const assetId = fileOf(b);
    if (!copies.has(assetId)) copies.set(assetId, await creditedCopy(store, { ...b, assetId }));
  }
  return copies;
}

export const dataUrlOf = (copy: CreditedCopy) => `data:${copy.mime};base64,${copy.bytes.toString('base64')}`;
