import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportNitf } from '../../../src/main/export/nitf';
import { assertValidXml, NITF_36 } from '../../../src/main/export/xsd';
import { Store } from '../../../src/main/store/store';
import { DEFAULT_HOUSE_STYLE } from '../../../src/shared/houseStyle';
import type { Article } from '../../../src/shared/model/article';
import { seedArticle } from '../../helpers/articles';
import { tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

let store: Store;
let seed: Article;
beforeEach(() => {
  store = Store.open(path.join(tempDir(), 'byline.db'));
  const asset = store.assets.add(tinyPng(5), 'albu-kamal.png');
  seed = store.articles.create(
    { ...seedArticle(asset.id), kicker: 'Syrien', byline: 'Deutsche Welle', dateline: 'Albu Kamal (afp)' },
    'anna',
  );
  return () => store.close();
});
const nitf = (a: Article) => exportNitf(a, DEFAULT_HOUSE_STYLE, (id) => store.assets.find(id));

describe('NITF 3.6 export', () => {
  it('writes the seed article valid against the official XSD, with every part in place', async () => {
    const xml = await nitf(seed);
    await expect(assertValidXml(xml, NITF_36, 'test')).resolves.toBeUndefined();
    expect(xml).toContain(
      '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" version="-//IPTC//DTD NITF 3.6//EN" change.date="September 11, 2009" change.time="12:26" xml:lang="de">',
    );
    expect(xml).toContain(
      '<hedline><hl1>IS-Kämpfer holen Teile von Albu Kamal zurück</hl1><hl2>Syrien</hl2></hedline>',
    );
    expect(xml).toContain('<meta name="rubric" content="Politik"/>');
    expect(xml).toContain(
      '<byline>Deutsche Welle</byline><dateline>Albu Kamal (afp)</dateline><abstract><p>Erst war von Militärerfolgen',
    );
    expect(xml).toContain('<date.issue norm="20171110T000000Z"/>');
    expect(xml).toContain('<key-list><keyword key="Syrien"/><keyword key="IS"/><keyword key="Albu Kamal"/></key-list>');
    expect(xml).toContain(
      '<media-caption>Syrien al-Qaim Krieg Kämpfe gegen den IS</media-caption><media-producer>Bild: Getty Images/AFP/A. al-Rubaye</media-producer>',
    );
    expect(xml).toContain('alternate-text="Kämpfer in al-Qaim"');
    expect(xml).toContain('<hl2>Kampf um die letzte Bastion</hl2>');
    expect(xml).toContain('<body.end><tagline>haz/qu (afp, dpa)</tagline></body.end>');
    expect(xml).toContain(`<doc-id id-string="urn:uuid:${seed.id}"/>`);
  });

  it('keeps marks, links, quotes and lists, and escapes hostile text', async () => {
    const a = store.articles.save(
      {
        ...seed,
        headline: 'A <script>alert("x")</script> & B\u0007',
        body: [
          {
            type: 'paragraph',
            children: [
              { text: 'Die ' },
              { text: 'Stadt', bold: true },
              { text: ' fiel ', italic: true },
              { type: 'link', url: 'https://www.dw.com/?a=1&b=2', children: [{ text: 'DW' }] },
            ],
          },
          { type: 'quote', children: [{ text: 'Wir halten' }], attribution: 'ein Sprecher' },
          { type: 'list', ordered: true, items: [[{ text: 'eins' }], [{ text: 'zwei' }]] },
        ],
      },
      'anna',
    ).article;
    const xml = await nitf(a);
    expect(xml).toContain('<hl1>A &lt;script&gt;alert("x")&lt;/script&gt; &amp; B</hl1>');
    expect(xml).toContain(
      '<p>Die <em class="bold">Stadt</em><em class="italic"> fiel </em><a href="https://www.dw.com/?a=1&amp;b=2">DW</a></p>',
    );
    expect(xml).toContain('<bq><block><p>Wir halten</p></block><credit>ein Sprecher</credit></bq>');
    expect(xml).toContain('<ol><li>eins</li><li>zwei</li></ol>');
  });

  it('refuses, naming what is missing, without a headline or with an uncredited picture', async () => {
    const image = seed.body[0]!;
    const bad = { ...seed, headline: ' ', body: [{ ...image, credit: {}, alt: '' } as typeof image] };
    await expect(nitf(bad)).rejects.toThrow(
      'This article cannot be exported yet: it needs a headline, a credit for the first picture (“Syrien al-Qaim Krieg Kämpfe gegen den IS”), alt text for the first picture (“Syrien al-Qaim Krieg Kämpfe gegen den IS”).',
    );
  });

  it('a document the schema refuses is reported with the line and the reason', async () => {
    const xml =
      '<?xml version="1.0"?>\n<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content><blink>x</blink></body.content></body></nitf>';
    await expect(assertValidXml(xml, NITF_36, 'NITF export')).rejects.toThrow(
      /^The NITF export is not valid against nitf-3-6\.xsd, so it was not written: line 2: .*blink/,
    );
  });
});
