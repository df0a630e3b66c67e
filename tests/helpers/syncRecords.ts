import crypto from 'node:crypto';
import { ArticleInputSchema, ArticleSchema, type Article } from '../../src/shared/model/article';
import type { SyncRecord } from '../../src/shared/server/sync';
import { seedArticle } from './articles';

const now = () => new Date().toISOString();

/** A revision record of the seed article's text (without its picture), as a desktop pushes it. */
export function revisionRecord(articleId: string, parents: string[], changes: Partial<Article> = {}, extra: { note?: string; desk?: string } = {}): Extract<SyncRecord, { kind: 'revision' }> {
  const { body, ...seed } = seedArticle();
  const fields = ArticleInputSchema.parse({ ...seed, body: (body ?? []).filter((b) => b.type !== 'image') });
  const doc = ArticleSchema.parse({ ...fields, id: articleId, revision: parents.length + 1, status: 'draft', createdAt: now(), updatedAt: now(), ...changes });
  return { kind: 'revision', id: crypto.randomUUID(), articleId, parents, savedAt: now(), note: extra.note ?? '', ...(extra.desk ? { desk: extra.desk } : {}), doc };
}
