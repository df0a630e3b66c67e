import path from 'node:path';
import { Store } from '../../src/main/store/store';
import type { Article, ArticleInput } from '../../src/shared/model/article';
import { seedArticle } from './articles';
import { tinyPng } from './fixtures';
import { tempDir } from './tmp';

/** The head fields the seed page does not show, so exports have every field to carry. */
export const FULL_HEAD = {
  kicker: 'Syrien',
  byline: 'Von Anna Muster',
  dateline: 'Albu Kamal',
  slug: 'albu-kamal',
} as const;

/**
 * A fresh store in a temporary folder holding the seed article with a real picture
 * (`tinyPng(pictureSeed)`), plus any fields `extra` sets. The caller closes the store.
 */
export function openSeedStore(
  extra: (assetId: string) => Partial<ArticleInput> = () => ({}),
  pictureSeed = 1,
): { store: Store; seed: Article; assetId: string } {
  const store = Store.open(path.join(tempDir(), 'byline.db'));
  const assetId = store.assets.add(tinyPng(pictureSeed), 'albu-kamal.png').id;
  const seed = store.articles.create({ ...seedArticle(assetId), ...extra(assetId) }, 'anna');
  return { store, seed, assetId };
}
