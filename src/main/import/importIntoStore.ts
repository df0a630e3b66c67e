import type { Store } from '../store/store';
import type { ImportFormat } from './detect';
import { importArticle } from './formats';

export interface ImportOutcome {
  id: string;
  headline: string;
  format: ImportFormat;
  changed: boolean;
  warnings: string[];
}

/** Parses first and stores after: a file that fails at any step leaves the store as it was. */
export async function importIntoStore(store: Store, bytes: Uint8Array, fileName: string, format: ImportFormat | 'auto', actor: string): Promise<ImportOutcome> {
  const imported = await importArticle(bytes, format, { fileName, findAsset: (id) => store.assets.find(id) });
  for (const asset of imported.assets ?? []) store.assets.add(asset.bytes, asset.name, { source: `import of ${fileName}` });
  const { article, changed } = store.articles.save(imported.article, actor);
  return { id: article.id, headline: article.headline, format: imported.format, changed, warnings: imported.warnings };
}
