import { beforeEach, describe, expect, it } from 'vitest';
import { exportWireText } from '../../../src/main/export/wireText';
import { importWebText } from '../../../src/main/import/webText';
import type { Store } from '../../../src/main/store/store';
import type { Article } from '../../../src/shared/model/article';
import { openSeedStore } from '../../helpers/seedStore';

let store: Store;
let seed: Article;
beforeEach(() => {
  ({ store, seed } = openSeedStore(undefined, 8));
  return () => store.close();
});

describe('plain wire text export', () => {
  it('lays the article out as the seed page does: rubric, headline, date, teaser, caption with Bild: credit, body, sign-off', () => {
    const text = exportWireText(seed, store.houseStyle);
    expect(text).toBe(
      [
        'Politik',
        'IS-Kämpfer holen Teile von Albu Kamal zurück',
        '10. November 2017',
        seed.teaser,
        'Syrien al-Qaim Krieg Kämpfe gegen den IS\nBild: Getty Images/AFP/A. al-Rubaye',
        'Die Dschihadistenmiliz "Islamischer Staat" habe einen Gegenangriff gestartet. Es sei ihr gelungen, rund 40 Prozent der Stadt zurückzuerobern.',
        'Kampf um die letzte Bastion',
        'Wie die oppositionsnahe Beobachtungsstelle erklärte, brachten die Dschihadisten dann aber überraschend mehrere Viertel im Norden von Albu Kamal wieder in ihre Gewalt.',
        'haz/qu (afp, dpa)',
      ].join('\n\n') + '\n',
    );
  });

  it("opens the first paragraph with the dateline, agency style, and quotes in the article's language", () => {
    const a = store.articles.save(
      {
        ...seed,
        dateline: 'Damaskus (dpa)',
        body: [
          { type: 'quote', children: [{ text: 'Wir halten die Stadt' }], attribution: 'ein Kommandeur' },
          ...seed.body.slice(1),
        ],
      },
      'anna',
    ).article;
    const text = exportWireText(a, store.houseStyle);
    expect(text).toContain('\n\n„Wir halten die Stadt“ (ein Kommandeur)\n\nDamaskus (dpa) - Die Dschihadistenmiliz');
  });

  it('reads back through the web text import with every field that text can carry', () => {
    const { article, warnings } = importWebText(
      Buffer.from(exportWireText({ ...seed, dateline: 'Damaskus (dpa)' }, store.houseStyle)),
      { fileName: 'a.txt', hasAsset: () => false },
    );
    expect(article).toMatchObject({
      rubric: seed.rubric,
      headline: seed.headline,
      publishedAt: seed.publishedAt,
      teaser: seed.teaser,
      dateline: 'Damaskus (dpa)',
      signOff: seed.signOff,
    });
    // The picture comes back with its caption and its credit as printed, in parts, waiting for its file.
    expect(article.body).toEqual([
      {
        type: 'image',
        assetId: null,
        caption: 'Syrien al-Qaim Krieg Kämpfe gegen den IS',
        credit: { provider: 'Getty Images', agency: 'AFP', creator: 'A. al-Rubaye' },
        alt: '',
      },
      ...seed.body.slice(1),
    ]);
    expect(warnings).toHaveLength(1);
  });
});
