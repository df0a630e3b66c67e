import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { BylineError } from '../../shared/errors';
import type { Article } from '../../shared/model/article';
import type { Store } from '../store/store';
import { assetUri } from './assetUri';
import { creditedPictures } from './creditedPictures';
import { exportNewsmlG2 } from './newsmlG2';
import { exportNinjs } from './ninjs';

export type NewsPackageKind = 'newsml' | 'ninjs';

const DOCUMENT_NAME: Record<NewsPackageKind, string> = { newsml: 'article.newsml.xml', ninjs: 'article.ninjs.json' };

/**
 * A ZIP a receiving system can take whole: the NewsML-G2 item or ninjs document (checked against
 * its official schema), and beside it `pictures/<asset id>.<ext>`, a copy of each picture whose
 * IPTC/XMP say the article's caption and credit. NewsML-G2 points at a picture by its path in the
 * ZIP; ninjs requires an absolute URI there, so it keeps `byline-asset:<asset id>`, which names
 * the same file.
 */
export async function exportNewsPackage(kind: NewsPackageKind, article: Article, store: Store): Promise<Uint8Array> {
  const copies = await creditedPictures(store, article);
  const paths = new Map([...copies].map(([id, copy]) => [id, `pictures/${id}.${copy.extension}`]));
  const assets = (id: string) => store.assets.find(id);
  const document =
    kind === 'newsml'
      ? await exportNewsmlG2(article, store.houseStyle, assets, (id) => paths.get(id) ?? assetUri(id))
      : exportNinjs(article, '3.1', store.houseStyle, assets);
  const entries: Zippable = { [DOCUMENT_NAME[kind]]: strToU8(document) };
  // Pictures are stored, not deflated: they are compressed already.
  for (const [id, copy] of copies) entries[paths.get(id)!] = [copy.bytes, { level: 0 }];
  const zip = zipSync(entries, { level: 6 });
  const back = unzipSync(zip);
  if (Object.keys(back).length !== Object.keys(entries).length)
    throw new BylineError('io', 'The package did not read back whole; nothing was exported.');
  return zip;
}
