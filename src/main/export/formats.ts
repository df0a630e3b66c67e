import type { Article } from '../../shared/model/article';
import type { ExportFormat } from '../../shared/ipc/channels';
import type { Store } from '../store/store';
import { exportBylineJson } from './bylineJson';
import { exportNitf } from './nitf';

/** One entry per exchange format; each module checks its own output before anything is written. */
export const EXPORTERS: Record<ExportFormat, (article: Article, store: Store) => Promise<{ text: string; extension: string }>> = {
  json: async (article) => ({ text: exportBylineJson(article), extension: 'json' }),
  nitf: async (article, store) => ({ text: await exportNitf(article, store.houseStyle, (id) => store.assets.find(id)), extension: 'xml' }),
};

export function isExportFormat(value: string): value is ExportFormat {
  return value in EXPORTERS;
}
