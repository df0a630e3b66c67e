import { beforeEach, describe, expect, it } from 'vitest';
import { exportNewsmlG2 } from '../../../src/main/export/newsmlG2';
import { assertValidXml, NEWSML_G2_235 } from '../../../src/main/export/xsd';
import { importNewsmlG2 } from '../../../src/main/import/newsmlG2';
import type { Store } from '../../../src/main/store/store';
import type { Article } from '../../../src/shared/model/article';
import { FULL_HEAD, openSeedStore } from '../../helpers/seedStore';

let store: Store;
let seed: Article;
beforeEach(() => {
  ({ store, seed } = openSeedStore(() => FULL_HEAD, 6));
  return () => store.close();
});
const newsml = (a: Article) => exportNewsmlG2(a, store.houseStyle, (id) => store.assets.find(id));

describe('NewsML-G2 2.35 export', () => {
  it('writes a text NewsItem valid against the official XSD, with the routing metadata and the NITF body inline', async () => {
    const xml = await newsml(seed);
    await expect(assertValidXml(xml, NEWSML_G2_235, 'test')).resolves.toBeUndefined();
    expect(xml).toContain(
      `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:uuid:${seed.id}" version="1" standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="de">`,
    );
    expect(xml).toContain('<itemClass qcode="ninat:text"/>');
    expect(xml).toContain('<infoSource literal="afp" role="isrol:originfo"><name>afp</name></infoSource>');
    expect(xml).toContain(
      '<keyword>Syrien</keyword><keyword>IS</keyword><keyword>Albu Kamal</keyword><slugline>albu-kamal</slugline><headline>IS-Kämpfer holen Teile von Albu Kamal zurück</headline>',
    );
    expect(xml).toContain(
      '<by>Von Anna Muster</by><creditline>Bild: Getty Images/AFP/A. al-Rubaye</creditline><description role="drol:summary">Erst war von',
    );
    expect(xml).toContain(
      '<inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"',
    );
  });

  it('the XSD check catches a broken item and names the line', async () => {
    const xml = (await newsml(seed)).replace('<itemClass qcode="ninat:text"/>', '');
    await expect(assertValidXml(xml, NEWSML_G2_235, 'NewsML-G2 export')).rejects.toThrow(
      /^The NewsML-G2 export is not valid against NewsML-G2_2\.35-spec-All-Power\.xsd, so it was not written: line \d+: .*itemClass/,
    );
  });

  it('imports back to the same article', async () => {
    const { article, warnings } = importNewsmlG2(Buffer.from(await newsml(seed)), {
      fileName: 'a.xml',
      hasAsset: (id) => store.assets.find(id) !== undefined,
    });
    expect(warnings).toEqual([]);
    const { id: _i, revision: _r, createdAt: _c, updatedAt: _u, status: _s, ...fields } = seed;
    expect(article).toEqual({ ...fields, status: 'draft' });
  });
});
