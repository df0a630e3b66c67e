import { fileOf } from './exportable';
import type { Article } from '../../shared/model/article';
import { creditedCopy, type CreditedCopy } from '../media/writeBack';
import type { Store } from '../store/store';

/**
 * A credited copy of each picture in an article, by asset id, made one after another (exiftool
 * works through a small pool). A picture used twice carries the caption and credit of its
 * first use.
 */
export async function creditedPictures(store: Store, article: Article): Promise<Map<string, CreditedCopy>> {
  const copies = new Map<string, CreditedCopy>();
  for (const b of article.body) {
    if (b.type === 'image' && !copies.has(fileOf(b))) copies.set(fileOf(b), await creditedCopy(store, { ...b, assetId: fileOf(b) }));
  }
  return copies;
}

export const dataUrlOf = (copy: CreditedCopy) => `data:${copy.mime};base64,${copy.bytes.toString('base64')}`;
