import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { osUserName } from '../../../src/main/store/profile';
import { Store } from '../../../src/main/store/store';
import { tempDir } from '../../helpers/tmp';

let dbPath: string;
let store: Store;
beforeEach(() => {
  dbPath = path.join(tempDir(), 'byline.db');
  store = Store.open(dbPath);
  return () => store.close();
});

describe('local profile', () => {
  it('records saves as the OS user until a profile is set, then as the profile, across restarts', () => {
    expect(store.profile.get()).toBeNull();
    expect(store.profile.actor()).toBe(osUserName());
    store.profile.set({ name: 'Anna Muster', initials: 'AM', role: 'journalist' });
    store.close();
    store = Store.open(dbPath);
    expect(store.profile.get()).toEqual({ name: 'Anna Muster', initials: 'AM', role: 'journalist' });
    const a = store.articles.create({ headline: 'x' }, store.profile.actor());
    expect(store.articles.history(a.id)[0]!.savedBy).toBe('Anna Muster (am)');
  });

  it('refuses a profile without a name, with initials that are not letters, or an unknown role, and keeps the old one', () => {
    store.profile.set({ name: 'Anna Muster', initials: 'am', role: 'desk' });
    expect(() => store.profile.set({ name: ' ', initials: 'a1', role: 'boss' })).toThrow(
      /^The profile is not valid: name: a name is needed; initials: initials are one to six letters; role: .*Nothing was saved\.$/,
    );
    expect(store.profile.get()?.name).toBe('Anna Muster');
  });
});
