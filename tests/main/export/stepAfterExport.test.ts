import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stepAfterExport } from '../../../src/main/export/stepAfterExport';
import { Store } from '../../../src/main/store/store';
import { seedArticle } from '../../helpers/articles';
import { tempDir } from '../../helpers/tmp';

describe('the step an export makes', () => {
  const approvedArticle = () => {
    const store = Store.open(path.join(tempDir(), 'byline.db'));
    const a = store.articles.create(seedArticle(), 'anna');
    store.articles.setStatus(a.id, 'submitted', 'anna');
    store.articles.setStatus(a.id, 'in-review', 'desk');
    return { store, article: store.articles.setStatus(a.id, 'approved', 'desk') };
  };

  it('moves an approved article to Exported, as the person exporting', () => {
    const { store, article } = approvedArticle();
    store.profile.set({ name: 'Dora Desk', initials: 'dd', role: 'desk' });
    expect(stepAfterExport(store, article, 'Dora Desk (dd)')).toEqual({ to: 'exported', done: true });
    expect(store.articles.history(article.id)[0]).toMatchObject({ status: 'exported', savedBy: 'Dora Desk (dd)' });
    // Exported has no step after an export: nothing more happens.
    expect(stepAfterExport(store, store.articles.get(article.id), 'Dora Desk (dd)')).toBeUndefined();
    store.close();
  });

  it('reports a step the role may not make, and leaves the status', () => {
    const { store, article } = approvedArticle();
    store.profile.set({ name: 'Jana Journalist', initials: 'jj', role: 'journalist' });
    expect(stepAfterExport(store, article, 'Jana Journalist (jj)')).toEqual({
      to: 'exported',
      done: false,
      message: "Exported is a step for desk; your profile's role is journalist. The status was not changed.",
    });
    expect(store.articles.get(article.id).status).toBe('approved');
    store.close();
  });
});
