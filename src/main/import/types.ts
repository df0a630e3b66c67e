import type { HouseStyle } from '../../shared/houseStyle';
import type { ParsedArticleInput } from '../../shared/model/article';
import type { SourceLine } from '../../shared/model/pageMapping';

/** One article read from a file, with what could not be carried over said in words. */
export interface ImportedArticle {
  article: ParsedArticleInput;
  warnings: string[];
  /** Pictures embedded in the file, stored only once the whole file has been read. */
  assets?: PendingAsset[];
  /** For a page read by guesswork: the role each source line was given, to show and correct. */
  mapping?: SourceLine[];
}

export interface PendingAsset {
  /** SHA-256 of the bytes: the id the article's image blocks already use. */
  id: string;
  bytes: Uint8Array;
  name: string;
}

export interface ImportContext {
  fileName: string;
  /** A picture already in the store (exports from Byline name their images by content hash). */
  hasAsset(id: string): boolean;
  /** The house style's credit, to read printed credit lines into their parts (the default when absent). */
  creditStyle?: HouseStyle['credit'];
}

export type Importer = (bytes: Uint8Array, ctx: ImportContext) => ImportedArticle | Promise<ImportedArticle>;
