import { BylineError } from '../../shared/errors';
import { isBylinePackage } from '../handoff/packageFormat';
import { readPackage } from '../handoff/readPackage';
import { unpackIntoStore } from '../handoff/unpack';
import { describeHandoff, type HandoffOutcome } from '../../shared/model/handoff';
import type { Store } from '../store/store';
import type { ImportFormat } from './detect';
import type { SourceLine } from '../../shared/model/pageMapping';
import { importArticleIsolated, type ImportedWithFormat } from './isolated';
import type { BylinePackage } from '../handoff/packageFormat';

export interface ImportOutcome {
  id: string;
  headline: string;
  format: ImportFormat | 'byline-package';
  changed: boolean;
  warnings: string[];
  /** For a `.byline` package: what opening it did (new, updated, up to date, or diverged). */
  handoff?: HandoffOutcome;
  /** For a page read by guesswork: the role each source line was given. */
  mapping?: SourceLine[];
}

/** A refusal from the store (a Byline JSON file of an article changed here since) names the file too. */
function nameTheFile<T>(fileName: string, store: () => T): T {
  try {
    return store();
  } catch (error) {
    if (error instanceof BylineError && !error.message.includes(fileName)) {
      throw new BylineError(error.code, `${fileName} cannot be imported: ${error.message}`, error.details, {
        cause: error,
      });
    }
    throw error;
  }
}

/** A file read and checked, not yet stored: what an import batch holds until it is committed. */
export type PreparedImport =
  | { kind: 'package'; fileName: string; pkg: BylinePackage }
  | { kind: 'article'; fileName: string; imported: ImportedWithFormat; source?: Uint8Array };

/** The slow half of an import (parsing, in the import worker); it changes nothing in the store. */
export async function prepareImport(
  store: Store,
  bytes: Uint8Array,
  fileName: string,
  format: ImportFormat | 'auto',
): Promise<PreparedImport> {
  if (format === 'auto' && isBylinePackage(bytes))
    return { kind: 'package', fileName, pkg: readPackage(bytes, fileName) };
  // Parsed in the import worker: a file built to exhaust memory or time is refused there.
  const imported = await importArticleIsolated(bytes, format, fileName, {
    knownAssets: store.assets.ids(),
    creditStyle: store.houseStyle.credit,
  });
  // A page read by guesswork keeps its source, so the mapping can be reviewed and corrected.
  return { kind: 'article', fileName, imported, ...(imported.mapping ? { source: bytes } : {}) };
}

/**
 * The quick half: stores a prepared file in one transaction (nested in a batch's, when there is
 * one), so a refused save takes the file's pictures with it. A `.byline` package is not an import
 * but a hand-off: it continues the article's history.
 */
export function storeImport(store: Store, prepared: PreparedImport, actor: string): ImportOutcome {
  const { fileName } = prepared;
  if (prepared.kind === 'package') {
    const handoff = unpackIntoStore(store, prepared.pkg, fileName);
    const warnings = handoff.result === 'diverged' ? [describeHandoff(handoff)] : [];
    return {
      id: handoff.id,
      headline: handoff.headline,
      format: 'byline-package',
      changed: handoff.result !== 'up-to-date',
      warnings,
      handoff,
    };
  }
  const { imported } = prepared;
  const { article, changed } = nameTheFile(fileName, () =>
    store.transaction(() => {
      for (const asset of imported.assets ?? [])
        store.assets.add(asset.bytes, asset.name, { source: `import of ${fileName}` });
      const saved = store.articles.save(imported.article, actor);
      if (prepared.source) store.importSources.keep(saved.article.id, fileName, prepared.source);
      return saved;
    }),
  );
  return {
    id: article.id,
    headline: article.headline,
    format: imported.format,
    changed,
    warnings: imported.warnings,
    ...(imported.mapping ? { mapping: imported.mapping } : {}),
  };
}

/** Parses first and stores after: a file that fails at any step leaves the store as it was. */
export async function importIntoStore(
  store: Store,
  bytes: Uint8Array,
  fileName: string,
  format: ImportFormat | 'auto',
  actor: string,
): Promise<ImportOutcome> {
  return storeImport(store, await prepareImport(store, bytes, fileName, format), actor);
}
