import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../src/main/import/decode';
import { importIntoStore } from '../../../src/main/import/importIntoStore';
import { MAX_XML_DEPTH } from '../../../src/main/import/safeXml';
import { Store } from '../../../src/main/store/store';
import { tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

let store: Store;
beforeEach(() => {
  store = Store.open(path.join(tempDir(), 'byline.db'));
  store.articles.create({ headline: 'Already here' }, 'anna');
  return () => store.close();
});

const nitf = (inner: string, prolog = '') =>
  `<?xml version="1.0"?>${prolog}<nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content>${inner}</body.content></body></nitf>`;

const BILLION_LAUGHS = `<!DOCTYPE nitf [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i ? i : ''};`.repeat(10)}">`).join('')}]>`;

/** Each hostile file: the message it must get, and (always) an untouched store within a second. */
const CASES: [string, string | Buffer, 'auto' | 'nitf' | 'newsml' | 'json', RegExp][] = [
  [
    'billion laughs',
    nitf('<p>&lol9;</p>', BILLION_LAUGHS),
    'auto',
    /refused: it declares its own entities in a DTD.*Byline does not expand entities/,
  ],
  [
    'external entity (XXE)',
    nitf('<p>&xxe;</p>', '<!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'),
    'auto',
    /declares its own entities/,
  ],
  [
    'parameter entity fetching a remote DTD',
    nitf('<p>x</p>', '<!DOCTYPE nitf [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>'),
    'auto',
    /declares its own entities/,
  ],
  [
    'an entity only a DTD defines',
    nitf('<p>a&nbsp;b</p>', '<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">'),
    'auto',
    /uses the entity &nbsp; which XML does not define \(Byline does not read DTDs\)/,
  ],
  [
    'nesting deeper than the limit',
    nitf(`${'<block>'.repeat(MAX_XML_DEPTH + 5)}${'</block>'.repeat(MAX_XML_DEPTH + 5)}`),
    'auto',
    new RegExp(`nested more than ${MAX_XML_DEPTH} deep`),
  ],
  ['truncated XML', nitf('<p>cut off').slice(0, -30), 'auto', /is not well-formed XML \(line 1/],
  [
    'invalid UTF-8',
    Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="UTF-8"?><nitf><body><p>Gr'),
      Buffer.from([0xfc]),
      Buffer.from('n</p></body></nitf>'),
    ]),
    'auto',
    /is not valid UTF-8 text \(at byte 55\)/,
  ],
  [
    'an encoding Byline does not read',
    '<?xml version="1.0" encoding="EBCDIC-CP-US"?><nitf/>',
    'auto',
    /is encoded as ebcdic-cp-us, which Byline does not read/,
  ],
  ['an image passed off as an article', tinyPng(), 'auto', /is an image, not an article Byline can import/],
  [
    'XML of another kind',
    '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
    'auto',
    /XML with the root element <svg>, which is neither NITF nor NewsML-G2/,
  ],
  ['JSON read as NITF', '{"headline": "x"}', 'nitf', /is not well-formed XML/],
  ['a file over the size limit', Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x20), 'auto', /is larger than 20 MB/],
  ['NITF with neither headline nor text', '<nitf><body/></nitf>', 'auto', /has neither a headline nor any text/],
  [
    'a headline longer than the model allows',
    `<nitf><body><body.head><hedline><hl1>${'x'.repeat(1001)}</hl1></hedline></body.head></body></nitf>`,
    'auto',
    /could not become an article: headline/,
  ],
];

describe('hostile and broken imports', () => {
  it.each(CASES)(
    'refuses %s, names the file, stores nothing, within a second',
    async (_name, content, format, message) => {
      const before = store.articles.list().total;
      const started = performance.now();
      const attempt = importIntoStore(store, Buffer.from(content), 'incoming.xml', format, 'desk');
      await expect(attempt).rejects.toThrow(message);
      await expect(attempt).rejects.toThrow(/^incoming\.xml/);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(store.articles.list().total).toBe(before);
    },
  );

  it('names the file when the store refuses it: a Byline JSON of an article changed here since', async () => {
    const a = store.articles.create({ headline: 'Hier geändert' }, 'anna');
    store.articles.save({ ...a, headline: 'Hier weiter geändert' }, 'anna');
    const attempt = importIntoStore(
      store,
      Buffer.from(JSON.stringify({ ...a, headline: 'Dort geändert' })),
      'stale.json',
      'auto',
      'desk',
    );
    await expect(attempt).rejects.toThrow(
      /^stale\.json cannot be imported: Conflict: anna saved revision 2 .*Nothing was overwritten\.$/,
    );
    expect(store.articles.get(a.id).headline).toBe('Hier weiter geändert');
  });

  it('stores none of the pictures of a file whose article the store refuses (over the size limit)', async () => {
    const picture = tinyPng(5);
    const long = '<p>Ein langer Absatz über Albu Kamal.</p>'.repeat(
      Math.ceil(store.houseStyle.limits.articleChars / 30),
    );
    const page = `<html><body><h1>Zu lang</h1><figure><img src="data:image/png;base64,${picture.toString('base64')}" alt="Bild"><figcaption>Bild</figcaption></figure>${long}</body></html>`;
    const attempt = importIntoStore(store, Buffer.from(page), 'long.html', 'auto', 'desk');
    await expect(attempt).rejects.toThrow(/^long\.html cannot be imported: /);
    expect(store.assets.ids()).toEqual([]);
    expect(store.articles.list().total).toBe(1);
    // Nor its file: the picture was written before the refusal and is taken back with it.
    expect(store.check()).toMatchObject({ ok: true, problems: [] });
  });

  it('never reads the file an external entity points at', async () => {
    const attempt = importIntoStore(
      store,
      Buffer.from(nitf('<p>&xxe;</p>', '<!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>')),
      'x.xml',
      'auto',
      'desk',
    );
    await expect(attempt).rejects.toThrow();
    expect(store.articles.list({ query: 'localhost' }).total).toBe(0);
  });
});
