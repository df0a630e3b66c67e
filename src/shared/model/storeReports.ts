/** Shapes the store returns that cross to the renderer and the CLI: one definition for both sides. */
import type { Article, ArticleSummary } from './article';

export interface SaveResult {
  article: Article;
  /** False when the input equalled the stored article: no revision was written. */
  changed: boolean;
}

export interface ListResult {
  items: ArticleSummary[];
  total: number;
}

export interface RevisionInfo {
  revision: number;
  savedAt: string;
  savedBy: string;
  status: string;
  headline: string;
  /** The reason given with a status change; '' for an ordinary save. */
  note: string;
  /** A name given to this version ("Print edition"); '' when none. */
  name?: string;
}

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
  /** With `check --repair`: what was fixed, one sentence each. */
  repaired?: string[];
  /** The store was opened read-only: the search index was compared by its entries only. */
  readOnly?: boolean;
  articles: number;
  revisions: number;
  assets: number;
}
