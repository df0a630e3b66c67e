import { imageProblems } from '../../../shared/workflow';
import type { Migration } from './types';

/**
 * Columns the desk queue filters and sorts on: who created the article, and how many of its
 * pictures lack a credit or alt text (computed by the same rule the workflow checks, at save).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'queue-columns',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN image_problems INTEGER NOT NULL DEFAULT 0;
      UPDATE articles SET created_by = coalesce((SELECT saved_by FROM revisions r WHERE r.article_pk = articles.pk AND r.revision = 1), '');
      CREATE INDEX articles_by_rubric ON articles (rubric);
    `);
    const update = db.prepare('UPDATE articles SET image_problems = ? WHERE pk = ?');
    for (const row of db.prepare('SELECT pk, doc FROM articles').iterate() as Iterable<{ pk: number; doc: string }>) {
      const doc = JSON.parse(row.doc) as { body?: Parameters<typeof imageProblems>[0]['body'] };
      update.run(imageProblems({ body: doc.body ?? [] }), row.pk);
    }
  },
};
