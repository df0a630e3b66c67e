import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importNewsmlG2 } from '../../../src/main/import/newsmlG2';
import { fixtureOrSkip } from '../../helpers/fixtures';

const ctx = (fileName: string) => ({ fileName, hasAsset: () => false });
const read = (file: string | null, name: string) => importNewsmlG2(fs.readFileSync(file!), ctx(name));

const textItem = fixtureOrSkip('newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml');
const emptyItem = fixtureOrSkip('newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml');
const pkg = fixtureOrSkip('newsml-g2/LISTING_6_Simple_NewsML-G2_Package.xml');
const photo = fixtureOrSkip('newsml-g2/LISTING_3_Photo_in_NewsML-G2.xml');

describe('NewsML-G2 import of the IPTC examples', () => {
  it.skipIf(!textItem)(
    'reads a text item with inline NITF: headline, byline, creator, subjects, body, slug, language',
    () => {
      const { article, warnings } = read(textItem, 'LISTING_2.xml');
      expect(article.headline).toBe('Fed to halt QE to avert "bubble"');
      expect(article.byline).toBe('By Meredith Jameson, Staff Reporter');
      expect(article.language).toBe('en-US');
      expect(article.slug).toBe('US-Finance-Fed');
      expect(article.keywords).toEqual(['economy, business and finance', 'central bank', 'money and monetary policy']);
      expect(article.publishedAt).toBe('2016-11-21T20:21:06.000Z');
      expect(article.body).toHaveLength(2);
      expect(article.body[0]).toEqual({
        type: 'paragraph',
        children: [
          { text: expect.stringMatching(/^\(New York, NY - October 21\) Et, sent luptat luptat, commy Nim zzriureet/) },
        ],
      });
      expect(warnings).toEqual([]);
    },
  );

  it.skipIf(!emptyItem)('takes the creator as byline when the item has no text of its own', () => {
    const { article } = read(emptyItem, 'LISTING_1.xml');
    expect(article.headline).toBe('Fed to halt QE to avert "bubble"');
    expect(article.byline).toBe('Meredith Jameson');
    expect(article.language).toBe('en-GB');
    expect(article.keywords).toEqual(['economy, business and finance', 'labour market']);
    expect(article.body).toEqual([]);
  });

  it.skipIf(!pkg)('picks the text item of a package and says that only its title and summary came along', () => {
    const { article, warnings } = read(pkg, 'LISTING_6.xml');
    expect(article.headline).toBe('Obama annonce son équipe');
    expect(article.teaser).toMatch(/^Le rachat il y a deux ans de la propriété par Alan Gerry/);
    expect(warnings[0]).toMatch(
      /is a package; it refers to its text item \(urn:newsml:iptc\.org:20081007:tutorial-item-A\) without containing it/,
    );
    expect(warnings[1]).toBe('1 other item(s) in the package were left out.');
  });

  it.skipIf(!photo)(
    'reads a picture item as an article with that picture, waiting for its file, with caption and credit',
    () => {
      const { article, warnings } = read(photo, 'LISTING_3.xml');
      expect(article.headline).toMatch(/^Variety Of Recessionary Forces Leave Las Vegas/);
      expect(article.teaser).toBe('');
      expect(article.body).toEqual([
        {
          type: 'image',
          assetId: null,
          caption: expect.stringMatching(
            /^A general view of part of downtown, including Las Vegas Boulevard.*\(Photo by Spencer Platt\/Getty Images\)$/,
          ),
          credit: { agency: 'Getty Images', creator: 'Spencer Platt' },
          alt: '',
          source: './GYI0062134533.jpg',
        },
      ]);
      expect(warnings).toEqual(['The picture came without its file: attach the file to it in the article.']);
    },
  );

  it('reads inline XHTML as well as inline NITF', () => {
    const xml = `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x" version="1" standard="NewsML-G2" standardversion="2.35">
      <itemMeta><itemClass qcode="ninat:text"/></itemMeta>
      <contentMeta><headline>Wahl in Hessen</headline><description role="drol:summary">Die CDU gewinnt.</description><keyword>Hessen</keyword></contentMeta>
      <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
        <h2>Ergebnis</h2><p>Die <b>CDU</b> liegt <a href="https://example.org/wahl">vorn</a>.</p><ul><li>eins</li><li>zwei</li></ul>
      </body></html></inlineXML></contentSet></newsItem>`;
    const { article } = importNewsmlG2(Buffer.from(xml), ctx('x.xml'));
    expect(article).toMatchObject({ headline: 'Wahl in Hessen', teaser: 'Die CDU gewinnt.', keywords: ['Hessen'] });
    expect(article.body).toEqual([
      { type: 'subhead', children: [{ text: 'Ergebnis' }] },
      {
        type: 'paragraph',
        children: [
          { text: 'Die ' },
          { text: 'CDU', bold: true },
          { text: ' liegt ' },
          { type: 'link', url: 'https://example.org/wahl', children: [{ text: 'vorn' }] },
          { text: '.' },
        ],
      },
      { type: 'list', ordered: false, items: [[{ text: 'eins' }], [{ text: 'zwei' }]] },
    ]);
  });

  it('refuses XML that is not NewsML-G2 by naming its root', () => {
    expect(() => importNewsmlG2(Buffer.from('<newsItem xmlns="urn:other"/>'), ctx('odd.xml'))).toThrow(
      'odd.xml is not NewsML-G2 (its root is <newsItem> in urn:other); nothing was stored.',
    );
  });
});
