import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importWebText, parseDateLine } from '../../../src/main/import/webText';
import { fixtureOrSkip } from '../../helpers/fixtures';

const ctx = (fileName: string) => ({ fileName, hasAsset: () => false });
const read = (text: string) => importWebText(Buffer.from(text), ctx('page.txt'));
const seed = fixtureOrSkip('articles/dw-2017-11-10-albu-kamal.txt');

describe('web page text import', () => {
  it.skipIf(!seed)('extracts every field of the seed article and drops the page furniture', () => {
    const { article, warnings } = importWebText(fs.readFileSync(seed!), ctx('dw.txt'));
    expect(article.rubric).toBe('Politik');
    expect(article.kicker).toBe('');
    expect(article.headline).toBe('IS-Kämpfer holen Teile von Albu Kamal zurück');
    expect(article.publishedAt).toBe('2017-11-10T00:00:00.000Z');
    expect(article.teaser).toMatch(
      /^Erst war von Militärerfolgen die Rede, jetzt folgt die Ernüchterung: .* wieder große Teile der Stadt kontrolliert\.$/,
    );
    expect(article.language).toBe('de');
    expect(article.signOff).toEqual({ authors: ['haz', 'qu'], agencies: ['afp', 'dpa'] });
    expect(article.body.map((b) => b.type)).toEqual([
      'image',
      'paragraph',
      'paragraph',
      'subhead',
      'paragraph',
      'paragraph',
    ]);
    // The picture the page names stays, with its caption and the credit in its parts, waiting for its file.
    expect(article.body[0]).toEqual({
      type: 'image',
      assetId: null,
      caption: 'Syrien al-Qaim Krieg Kämpfe gegen den IS',
      credit: { provider: 'Getty Images', agency: 'AFP', creator: 'A. al-Rubaye' },
      alt: '',
    });
    expect(article.body[1]).toMatchObject({
      children: [
        {
          text: expect.stringMatching(
            /^Die Dschihadistenmiliz "Islamischer Staat" habe einen Gegenangriff gestartet\./,
          ),
        },
      ],
    });
    expect(article.body[3]).toEqual({ type: 'subhead', children: [{ text: 'Kampf um die letzte Bastion' }] });
    expect(warnings).toEqual([
      'The picture “Syrien al-Qaim Krieg Kämpfe gegen den IS” came without its file: attach the file to it in the article.',
    ]);
    const all = JSON.stringify(article);
    for (const cruft of ['springen', 'Mehr zum Thema', 'überspringen']) expect(all).not.toContain(cruft);
  });

  it('reads an English wire story: kicker and rubric, byline, dateline with agency, photo credit, list', () => {
    const { article, warnings } = read(`Skip to main content
World
Middle East

Ceasefire holds in northern Syria

By Jane Roe and John Doe

November 12, 2017 14:35

Fighting stopped overnight after talks brokered by Russia and Turkey, officials said on Sunday, as aid convoys prepared to move.

Share this article

A convoy waits at the border.
Photograph: Reuters/Omar Sanadiki

BEIRUT (Reuters) - The truce took effect at midnight, and no shelling was reported by morning.

What the deal says

- Troops pull back ten kilometres
- Aid convoys get safe passage

Diplomats expect further talks next week.

(AP, Reuters)

More on this story
Another headline that is not part of the article`);
    expect(article).toMatchObject({
      rubric: 'World',
      kicker: 'Middle East',
      headline: 'Ceasefire holds in northern Syria',
      byline: 'Jane Roe and John Doe',
      publishedAt: '2017-11-12T14:35:00.000Z',
      teaser:
        'Fighting stopped overnight after talks brokered by Russia and Turkey, officials said on Sunday, as aid convoys prepared to move.',
      dateline: 'BEIRUT (Reuters)',
      language: 'en',
      signOff: { authors: [], agencies: ['ap', 'reuters'] },
    });
    expect(article.body).toEqual([
      {
        type: 'image',
        assetId: null,
        caption: 'A convoy waits at the border.',
        credit: { agency: 'Reuters', creator: 'Omar Sanadiki' },
        alt: '',
      },
      {
        type: 'paragraph',
        children: [{ text: 'The truce took effect at midnight, and no shelling was reported by morning.' }],
      },
      { type: 'subhead', children: [{ text: 'What the deal says' }] },
      {
        type: 'list',
        ordered: false,
        items: [[{ text: 'Troops pull back ten kilometres' }], [{ text: 'Aid convoys get safe passage' }]],
      },
      { type: 'paragraph', children: [{ text: 'Diplomats expect further talks next week.' }] },
    ]);
    expect(warnings).toEqual([
      'The picture “A convoy waits at the border.” came without its file: attach the file to it in the article.',
    ]);
  });

  it('reads a German regional page: "Von" byline after the teaser, numeric date, caption ending in its credit, hard-wrapped copy', () => {
    const { article, warnings } = read(`Zur Navigation springen
Hessen

Neue Brücke über den Main freigegeben

Stand: 03.05.2024 09:12 Uhr

Nach vier Jahren Bauzeit rollt der Verkehr wieder: Die neue Brücke verbindet
die beiden Stadtteile und entlastet die Innenstadt deutlich.

Von Max Mustermann

Die Brücke bei Nacht. Foto: Stadt Frankfurt/Jana Beispiel

Frankfurt/Main (dpa/lhe) - Rund 30.000 Fahrzeuge sollen die Brücke
täglich nutzen, teilte die Stadt mit.

Anzeige

Die Kosten lagen bei 48 Millionen Euro.

mm (dpa)

Mehr zum Thema
Stau auf der A5`);
    expect(article).toMatchObject({
      rubric: 'Hessen',
      headline: 'Neue Brücke über den Main freigegeben',
      publishedAt: '2024-05-03T09:12:00.000Z',
      teaser:
        'Nach vier Jahren Bauzeit rollt der Verkehr wieder: Die neue Brücke verbindet die beiden Stadtteile und entlastet die Innenstadt deutlich.',
      byline: 'Max Mustermann',
      dateline: 'Frankfurt/Main (dpa/lhe)',
      signOff: { authors: ['mm'], agencies: ['dpa'] },
    });
    expect(article.body).toEqual([
      // "Stadt Frankfurt" reads as a person's name to the credit parser (two capitalised words): the photo desk corrects such a guess.
      {
        type: 'image',
        assetId: null,
        caption: 'Die Brücke bei Nacht.',
        credit: { text: 'Stadt Frankfurt/Jana Beispiel' },
        alt: '',
      },
      {
        type: 'paragraph',
        children: [{ text: 'Rund 30.000 Fahrzeuge sollen die Brücke täglich nutzen, teilte die Stadt mit.' }],
      },
      { type: 'paragraph', children: [{ text: 'Die Kosten lagen bei 48 Millionen Euro.' }] },
    ]);
    expect(warnings[0]).toContain('The picture “Die Brücke bei Nacht.” came without its file');
  });

  it('takes plain text without a page around it: first line headline, the rest paragraphs', () => {
    const { article } = read(
      'Kurzmeldung zum Wetter\n\nMorgen wird es regnen, sagt der Wetterdienst.\n\nAm Wochenende bleibt es kühl.',
    );
    expect(article.headline).toBe('Kurzmeldung zum Wetter');
    expect(article.teaser).toBe('');
    expect(article.body).toHaveLength(2);
  });

  it('refuses text over 10 MB, binary data and bytes that are not UTF-8, naming the file', () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 'Ein Satz mit einigen Wörtern, wie er in einem Artikel steht.\n');
    expect(() => importWebText(big, ctx('gross.txt'))).toThrow(
      "gross.txt is 10.0 MB of text; a page's text may be at most 10 MB. Nothing was stored.",
    );
    expect(() => importWebText(Buffer.from([0x48, 0x61, 0xfc, 0x6c, 0x6c, 0x6f]), ctx('latin1.txt'))).toThrow(
      'latin1.txt is not valid UTF-8 text (at byte 2)',
    );
  });

  it('refuses an empty file', () => {
    expect(() => read('\n\n  \n')).toThrow('No article found in page.txt');
  });

  it.each([
    ['10. November 2017', '2017-11-10T00:00:00.000Z'],
    ['November 10, 2017', '2017-11-10T00:00:00.000Z'],
    ['10 Nov 2017', '2017-11-10T00:00:00.000Z'],
    ['10.11.2017', '2017-11-10T00:00:00.000Z'],
    ['2017-11-10', '2017-11-10T00:00:00.000Z'],
    ['Stand: 03.05.2024 09:12 Uhr', '2024-05-03T09:12:00.000Z'],
    ['3. März 2020, 18:05', '2020-03-03T18:05:00.000Z'],
    ['Updated: March 3, 2020 | 18:05', '2020-03-03T18:05:00.000Z'],
  ])('reads the date line %s', (line, iso) => expect(parseDateLine(line)).toBe(iso));

  it.each(['Kampf um die letzte Bastion', '40 Prozent', '10. November war ein Freitag', '32.13.2017'])(
    'does not take "%s" for a date',
    (line) => expect(parseDateLine(line)).toBeNull(),
  );
});
