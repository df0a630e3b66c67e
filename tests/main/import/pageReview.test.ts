import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importIntoStore } from '../../../src/main/import/importIntoStore';
import { fixPageLine, pageReview } from '../../../src/main/import/pageReview';
import { Store } from '../../../src/main/store/store';
import { blockText } from '../../../src/shared/model/blocks';
import { tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

const PAGE = `Menü
Suche
Wetter
Bauarbeiten im Zeitplan
Neue Brücke über die Volme wird im Frühjahr eröffnet
21.11.2026, 08:00
Die alte Brücke war im Sommer 2024 wegen Rostschäden gesperrt worden. Seitdem mussten Fußgänger einen Umweg von fast einem Kilometer in Kauf nehmen.
Die neue Brücke bei Nacht
Foto: Stadt Hagen/Jana Beispiel
Die Kosten für den Neubau liegen bei 3,4 Millionen Euro, davon trägt das Land 60 Prozent der Summe.
Anzeige: Jetzt Ihr Abo sichern und alle Artikel lesen!
sv (dpa)`;

let store: Store | undefined;
afterEach(() => store?.close());

describe('the import review', () => {
  it('shows each line of the page with its field, and a correction reads the page again into a new revision that keeps it', async () => {
    const dbPath = path.join(tempDir(), 'byline.db');
    store = Store.open(dbPath);
    const { id } = await importIntoStore(store, Buffer.from(PAGE), 'brücke.txt', 'auto', 'anna');
    const review = pageReview(store, id)!;
    expect(review.fileName).toBe('brücke.txt');
    const role = (line: number) => review.mapping.find((m) => m.line === line)?.role;
    expect([role(0), role(2), role(3), role(4), role(5), role(6), role(11)]).toEqual([
      'page',
      'rubric',
      'kicker',
      'headline',
      'date',
      'teaser',
      'signOff',
    ]);
    // The advert reads like a sentence and went into the text.
    expect(role(10)).toBe('paragraph');

    // The person says: line 11 is not part of the article; line 7 is the text, not the teaser.
    let { article } = fixPageLine(store, id, { line: 10, role: 'page' }, 1, 'anna');
    expect(article.revision).toBe(2);
    expect(article.body.map(blockText).join('\n')).not.toContain('Anzeige');
    ({ article } = fixPageLine(store, id, { line: 6, role: 'paragraph' }, 2, 'anna'));
    expect(article).toMatchObject({
      rubric: 'Wetter',
      kicker: 'Bauarbeiten im Zeitplan',
      headline: 'Neue Brücke über die Volme wird im Frühjahr eröffnet',
      teaser: '',
      revision: 3,
    });
    expect(blockText(article.body[0]!)).toMatch(/^Die alte Brücke war im Sommer 2024/);
    // A field put on another line: the guessed one leaves the article.
    ({ article } = fixPageLine(store, id, { line: 3, role: 'headline' }, 3, 'anna'));
    expect(article).toMatchObject({ kicker: '', headline: 'Bauarbeiten im Zeitplan', revision: 4 });
    // And back: the earlier correction goes, the line before it is the kicker again.
    ({ article } = fixPageLine(store, id, { line: 4, role: 'headline' }, 4, 'anna'));
    expect(article).toMatchObject({
      kicker: 'Bauarbeiten im Zeitplan',
      headline: 'Neue Brücke über die Volme wird im Frühjahr eröffnet',
      revision: 5,
    });
    // Both corrections are kept, and survive closing the store.
    store.close();
    store = Store.open(dbPath);
    const again = pageReview(store, id)!;
    expect(again.mapping.filter((m) => m.fixed).map((m) => [m.line, m.role])).toEqual([
      [4, 'headline'],
      [6, 'paragraph'],
      [10, 'page'],
    ]);
    expect(store.articles.history(id).map((h) => h.note)).toContain('page read again: line 7 is paragraph');
  });

  it('keeps a picture the person attached a file to, refuses a correction on a stale revision, and has nothing for an article not read from a page', async () => {
    store = Store.open(path.join(tempDir(), 'byline.db'));
    const { id } = await importIntoStore(store, Buffer.from(PAGE), 'brücke.txt', 'auto', 'anna');
    const current = store.articles.get(id);
    const file = store.assets.add(tinyPng(3), 'bruecke.png');
    const body = current.body.map((b) =>
      b.type === 'image' ? { ...b, assetId: file.id, alt: 'Die Brücke bei Nacht' } : b,
    );
    store.articles.save({ ...current, body }, 'anna');

    const { article } = fixPageLine(store, id, { line: 10, role: 'page' }, 2, 'anna');
    expect(article.body.find((b) => b.type === 'image')).toMatchObject({
      assetId: file.id,
      alt: 'Die Brücke bei Nacht',
      caption: 'Die neue Brücke bei Nacht',
    });

    expect(() => fixPageLine(store!, id, { line: 2, role: 'page' }, 2, 'anna')).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(store.articles.get(id).revision).toBe(3);

    const own = store.articles.create({ headline: 'Selbst geschrieben' }, 'anna');
    expect(pageReview(store, own.id)).toBeNull();
    expect(() => fixPageLine(store!, own.id, { line: 0, role: 'headline' }, 1, 'anna')).toThrow(
      'was not read from a page',
    );
  });
});
