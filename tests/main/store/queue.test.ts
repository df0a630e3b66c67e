import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../../src/main/store/store';
import type { ArticleInput } from '../../../src/shared/model/article';
import { seedArticle } from '../../helpers/articles';
import { tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

// The desk queue on a real store: each filter on its own and combined, sorting, and the values
// the filters offer.
let store: Store;
let ids: Record<string, string>;
let clock = 0;
beforeEach(() => {
  clock = 0;
  const now = () => new Date(Date.UTC(2026, 10, 20, 8, clock++)).toISOString();
  // A fixed clock, so "changed since" and the order by time are known.
  store = Store.open(path.join(tempDir(), 'byline.db'), { clock: now });
  const png = store.assets.add(tinyPng(7), 'a.png').id;
  const make = (name: string, fields: Partial<ArticleInput>, actor: string) =>
    store.articles.create({ ...seedArticle(), ...fields }, actor).id;
  ids = {
    syria: make(
      'syria',
      { rubric: 'Politik', headline: 'Albu Kamal', signOff: { authors: ['haz'], agencies: ['afp', 'dpa'] } },
      'Anna Muster (haz)',
    ),
    football: make(
      'football',
      {
        rubric: 'Sport',
        headline: 'Bayern gewinnt',
        language: 'de-CH',
        signOff: { authors: ['ml'], agencies: ['sid'] },
      },
      'Max Lang (ml)',
    ),
    photo: make(
      'photo',
      {
        rubric: 'Kultur',
        headline: 'Ausstellung eröffnet',
        language: 'en',
        body: [{ type: 'image', assetId: png, caption: 'Bild', credit: {}, alt: '' }],
        signOff: { authors: [], agencies: ['ap'] },
      },
      'Bernd Schulz (bs)',
    ),
  };
  store.comments.add(ids.football!, { anchor: { kind: 'field', field: 'headline' }, body: 'Ergebnis prüfen' }, 'desk');
  const resolved = store.comments.add(ids.syria!, { anchor: { kind: 'field', field: 'teaser' }, body: 'ok' }, 'desk');
  store.comments.setResolved(resolved.id, true, 'desk');
  store.articles.setStatus(ids.syria!, 'submitted', 'Anna Muster (haz)');
  return () => store.close();
});

const headlines = (q: Parameters<Store['articles']['list']>[0]) => store.articles.list(q).items.map((i) => i.headline);

describe('desk queue', () => {
  it('filters by rubric, author (sign-off or creator), agency, language (with regions) and status', () => {
    expect(headlines({ rubric: 'politik' })).toEqual(['Albu Kamal']);
    expect(headlines({ author: 'HAZ' })).toEqual(['Albu Kamal']);
    expect(headlines({ author: 'Bernd Schulz (bs)' })).toEqual(['Ausstellung eröffnet']);
    expect(headlines({ agency: 'dpa' })).toEqual(['Albu Kamal']);
    expect(headlines({ language: 'de' }).sort()).toEqual(['Albu Kamal', 'Bayern gewinnt']);
    expect(headlines({ language: 'de-CH' })).toEqual(['Bayern gewinnt']);
    expect(headlines({ status: 'draft', language: 'de' })).toEqual(['Bayern gewinnt']);
  });

  it('finds articles with open comments (resolved ones do not count) and pictures lacking credit or alt text', () => {
    expect(headlines({ openComments: true })).toEqual(['Bayern gewinnt']);
    expect(headlines({ imageProblems: true })).toEqual(['Ausstellung eröffnet']);
    const row = store.articles.list({ imageProblems: true }).items[0]!;
    expect(row).toMatchObject({ imageProblems: 1, openComments: 0, waiting: 0, createdBy: 'Bernd Schulz (bs)' });
    // Credit and alt text added: the problem is gone from the queue.
    const a = store.articles.get(ids.photo!);
    const body = a.body.map((b) =>
      b.type === 'image' ? { ...b, credit: { agency: 'AP' }, alt: 'Besucher in der Halle' } : b,
    );
    store.articles.save({ ...a, body }, 'photo desk');
    expect(headlines({ imageProblems: true })).toEqual([]);
  });

  it('filters by the time of the last change, and sorts', () => {
    // Times: syria 08:00, football 08:01, photo 08:02 (created); syria's status step at 08:06.
    expect(headlines({ updatedSince: '2026-11-20T08:02:00.000Z' }).sort()).toEqual([
      'Albu Kamal',
      'Ausstellung eröffnet',
    ]);
    expect(headlines({})).toEqual(['Albu Kamal', 'Ausstellung eröffnet', 'Bayern gewinnt']);
    expect(headlines({ sort: 'created' })).toEqual(['Ausstellung eröffnet', 'Bayern gewinnt', 'Albu Kamal']);
    expect(headlines({ sort: 'headline' })).toEqual(['Albu Kamal', 'Ausstellung eröffnet', 'Bayern gewinnt']);
    expect(headlines({ sort: 'rubric' })).toEqual(['Ausstellung eröffnet', 'Albu Kamal', 'Bayern gewinnt']);
    expect(headlines({ sort: 'status' })).toEqual(['Ausstellung eröffnet', 'Bayern gewinnt', 'Albu Kamal']);
    // By status means in the house style's order (draft, submitted, in review …), not alphabetically.
    store.articles.setStatus(ids.photo!, 'submitted', 'bs');
    store.articles.setStatus(ids.photo!, 'in-review', 'bs');
    expect(headlines({ sort: 'status' })).toEqual(['Bayern gewinnt', 'Albu Kamal', 'Ausstellung eröffnet']);
  });

  it('combines filters with full-text search', () => {
    expect(headlines({ query: 'Bayern', rubric: 'Sport' })).toEqual(['Bayern gewinnt']);
    expect(headlines({ query: 'Bayern', rubric: 'Politik' })).toEqual([]);
  });

  it('offers the values there are: rubrics, authors, agencies, languages, counts per status', () => {
    expect(store.articles.facets()).toEqual({
      counts: { draft: 2, submitted: 1 },
      rubrics: ['Kultur', 'Politik', 'Sport'],
      authors: ['Anna Muster (haz)', 'Bernd Schulz (bs)', 'haz', 'Max Lang (ml)', 'ml'],
      agencies: ['afp', 'ap', 'dpa', 'sid'],
      languages: ['de', 'de-CH', 'en'],
    });
  });

  it('carries the reason the article entered its status, until it moves on; later saves keep it', () => {
    store.articles.setStatus(ids.syria!, 'in-review', 'desk');
    store.articles.setStatus(ids.syria!, 'back-to-author', 'Desk (dk)', { reason: 'Quelle für die Zahlen fehlt' });
    const a = store.articles.get(ids.syria!);
    store.articles.save({ ...a, teaser: 'Neuer Teaser' }, 'Anna Muster (haz)');
    const row = () => store.articles.list({ rubric: 'Politik' }).items[0]!;
    expect(row().statusNote).toBe('Quelle für die Zahlen fehlt');
    store.articles.setStatus(ids.syria!, 'submitted', 'Anna Muster (haz)');
    expect(row().statusNote).toBe('');
    expect(store.articles.list({ rubric: 'Sport' }).items[0]!.statusNote).toBe('');
  });
});
