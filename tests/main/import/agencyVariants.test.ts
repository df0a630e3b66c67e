import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../../src/main/import/formats';
import { importNewsmlG2 } from '../../../src/main/import/newsmlG2';
import { importNinjs } from '../../../src/main/import/ninjs';
import { FIXTURES, fixtureOrSkip } from '../../helpers/fixtures';

const ctx = (fileName: string) => ({ fileName, hasAsset: () => false });
const ninjs = (doc: unknown) => importNinjs(Buffer.from(JSON.stringify(doc)), ctx('item.json'));
const paragraphs = (texts: string[]) => texts.map((text) => ({ type: 'paragraph', children: [{ text }] }));

describe('agency variants', () => {
  it('ninjs bodies of every content type, and 1.x body_text', () => {
    const plain = ninjs({
      uri: 'urn:x:1',
      headlines: [{ role: 'main', value: 'Schlicht' }],
      bodies: [{ role: 'main', contentType: 'text/plain', value: 'Erster Absatz.\n\nZweiter Absatz.' }],
    });
    expect(plain.article.body).toEqual(paragraphs(['Erster Absatz.', 'Zweiter Absatz.']));
    const xhtml = ninjs({
      uri: 'urn:x:2',
      headlines: [{ value: 'Markup' }],
      bodies: [{ contentType: 'application/xhtml+xml', value: '<div><h2>Zwischentitel</h2><p>Text.</p></div>' }],
    });
    expect(xhtml.article.body).toEqual([
      { type: 'subhead', children: [{ text: 'Zwischentitel' }] },
      ...paragraphs(['Text.']),
    ]);
    const old = ninjs({ uri: 'urn:x:3', headline: 'Alt', body_text: 'Aus ninjs 1.x.' });
    expect(old.article).toMatchObject({ headline: 'Alt', body: paragraphs(['Aus ninjs 1.x.']) });
  });

  it("NTB's way: the text as a description with the role text, used as the body when there is none", () => {
    const { article } = ninjs({
      uri: 'urn:ntb:1',
      headlines: [{ role: 'main', value: 'Fjellet stengt' }],
      descriptions: [
        { role: 'summary', value: 'Veien over fjellet er stengt.' },
        { role: 'text', contentType: 'text/plain', value: 'Statens vegvesen stengte veien.\n\nDen åpner i morgen.' },
      ],
    });
    expect(article).toMatchObject({
      headline: 'Fjellet stengt',
      teaser: 'Veien over fjellet er stengt.',
      body: paragraphs(['Statens vegvesen stengte veien.', 'Den åpner i morgen.']),
    });
  });

  it.skipIf(!fixtureOrSkip('ninjs/doc-3.1/006_photo_only.json'))(
    "the IPTC's photo-only item is its picture, waiting for the file, with caption and photographer",
    () => {
      const { article } = importNinjs(
        fs.readFileSync(path.join(FIXTURES, 'ninjs/doc-3.1/006_photo_only.json')),
        ctx('006.json'),
      );
      expect(article.headline).toBe('Costa Concordia cruise ship');
      expect(article.teaser).toBe('');
      expect(article.body).toEqual([
        {
          type: 'image',
          assetId: null,
          caption: expect.stringMatching(/^The Costa Concordia cruise ship lies on its side/),
          credit: { creator: 'Paulo Santalucia' },
          alt: '',
          source: 'http://ninjs.example.com/newsitems/20130709simpPh123',
        },
      ]);
    },
  );

  it('NewsML-G2 that holds only a contentSet, with inline NITF or inline XHTML', () => {
    const nitf = importNewsmlG2(
      Buffer.from(`<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="a" version="1" standard="NewsML-G2" standardversion="2.35"><contentSet><inlineXML contenttype="application/nitf+xml">
        <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head><hedline><hl1>Nur Inhalt</hl1></hedline></body.head><body.content><p>Der Text.</p></body.content></body></nitf>
      </inlineXML></contentSet></newsItem>`),
      ctx('a.xml'),
    );
    expect(nitf.article).toMatchObject({ headline: 'Nur Inhalt', body: paragraphs(['Der Text.']) });
    const xhtml = importNewsmlG2(
      Buffer.from(`<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="b" version="1" standard="NewsML-G2" standardversion="2.35"><contentSet><inlineXML contenttype="application/xhtml+xml">
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Titel</title></head><body><h1>Nur XHTML</h1><p>Der Text.</p></body></html>
      </inlineXML></contentSet></newsItem>`),
      ctx('b.xml'),
    );
    expect(xhtml.article.body).toEqual(expect.arrayContaining(paragraphs(['Der Text.'])));
    expect(xhtml.article.headline).not.toBe('');
  });
});

describe('every agency file in the shared fixtures', () => {
  const dirs = ['ninjs/doc-2.2', 'ninjs/doc-3.1', 'nitf', 'newsml-g2']
    .map((d) => path.join(FIXTURES, d))
    .filter((d) => fs.existsSync(d));
  const files = dirs.flatMap((d) => fs.readdirSync(d).map((f) => path.join(d, f)));
  // Files with no text to carry: an empty NewsML-G2 template, a package that only points at its
  // items, and an event. They import with their headline and nothing is invented for the body.
  const NO_TEXT = new Set([
    'LISTING_1_A_NewsML-G2_News_Item.xml',
    'LISTING_6_Simple_NewsML-G2_Package.xml',
    '008_event.json',
  ]);

  it.skipIf(!files.length)(
    'imports each with a headline, and a body wherever the file has text or a picture',
    async () => {
      for (const file of files) {
        const { article } = await importArticle(fs.readFileSync(file), 'auto', ctx(path.basename(file)));
        expect(article.headline, file).not.toBe('');
        if (NO_TEXT.has(path.basename(file))) expect(article.body, file).toEqual([]);
        else expect(article.body.length, file).toBeGreaterThan(0);
      }
    },
  );
});
