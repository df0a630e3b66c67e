import crypto from 'node:crypto';
import { ArticleInputSchema, ArticleSchema, type Article } from '../../src/shared/model/article';
import { CommentSchema } from '../../src/shared/model/comment';
import type { SyncRecord } from '../../src/shared/server/sync';
import { seedArticle } from './articles';

const now = () => new Date().toISOString();

/** A revision record of the seed article's text (without its picture), as a desktop pushes it. */
export function revisionRecord(
  articleId: string,
  parents: string[],
  changes: Partial<Article> = {},
  extra: { note?: string; desk?: string } = {},
): Extract<SyncRecord, { kind: 'revision' }> {
  const { body, ...seed } = seedArticle();
  const fields = ArticleInputSchema.parse({ ...seed, body: (body ?? []).filter((b) => b.type !== 'image') });
  const doc = ArticleSchema.parse({
    ...fields,
    id: articleId,
    revision: parents.length + 1,
    status: 'draft',
    createdAt: now(),
    updatedAt: now(),
    ...changes,
  });
  return {
    kind: 'revision',
    id: crypto.randomUUID(),
    articleId,
    parents,
    savedAt: now(),
    note: extra.note ?? '',
    ...(extra.desk ? { desk: extra.desk } : {}),
    doc,
  };
}

/** A comment record (a thread's first comment, or a reply to `parentId`) as a desktop pushes it. */
export function commentRecord(
  articleId: string,
  body: string,
  extra: { parentId?: string; author?: string; resolvedAt?: string } = {},
): Extract<SyncRecord, { kind: 'comment' }> {
  const at = now();
  const comment = CommentSchema.parse({
    id: crypto.randomUUID(),
    parentId: extra.parentId ?? null,
    anchor: extra.parentId ? null : { kind: 'field', field: 'headline' },
    detached: false,
    body,
    author: extra.author ?? 'Dora Desk',
    createdAt: at,
    revision: 1,
    resolvedAt: extra.resolvedAt ?? null,
    resolvedBy: extra.resolvedAt ? (extra.author ?? 'Dora Desk') : null,
    changedAt: extra.resolvedAt ?? at,
  });
  return { kind: 'comment', id: crypto.randomUUID(), articleId, comment };
}
