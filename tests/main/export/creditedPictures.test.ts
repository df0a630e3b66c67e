import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { exportArticle } from '../../../src/main/export/formats';
import { endExiftool } from '../../../src/main/media/exiftool';
import { readPhotoMetadata } from '../../../src/main/media/readMetadata';
import { storePhoto } from '../../../src/main/media/storePhoto';
import { Store } from '../../../src/main/store/store';
import type { Article } from '../../../src/shared/model/article';
import type { ExportFormat } from '../../../src/shared/ipc/channels';
import { seedArticle } from '../../helpers/articles';
import { writeAgencyJpeg } from '../../helpers/agencyPhoto';
import { sha256, tempDir } from '../../helpers/tmp';

afterAll(() => endExiftool());

const env = { printToPdf: async () => Buffer.alloc(0) };
let store: Store;
let article: Article;
let original: string;
let originalHash: string;

beforeEach(async () => {
  store = Store.open(path.join(tempDir(), 'byline.db'));
  const file = await writeAgencyJpeg(path.join(tempDir(), 'afp.jpg'), 400, 300);
  const { asset } = await storePhoto(store, fs.readFileSync(file), 'afp.jpg', 'file');
  article = store.articles.create(seedArticle(asset.id), 'anna'); // caption and credit as the desk edited them
  original = store.assets.pathOf(asset.id);
  originalHash = sha256(original);
  return () => store.close();
});

/** What a picture carried out of Byline says about itself, read as a receiving system would. */
async function metadataOf(bytes: Uint8Array) {
  const file = path.join(tempDir(), 'out.jpg');
  fs.writeFileSync(file, bytes);
  return readPhotoMetadata(file, 'out.jpg');
}

const EXPECTED = {
  caption: 'Syrien al-Qaim Krieg Kämpfe gegen den IS',
  creators: ['Ali al-Rubaye'],
  creditLine: 'Getty Images/AFP/A. al-Rubaye',
};
const exported = async (format: ExportFormat) =>
  (await exportArticle(format, store.articles.get(article.id), store, env)).data;

describe('exports carry pictures whose IPTC/XMP say the edited caption and credit', () => {
  it('NewsML-G2 package: the item points at the picture in the ZIP, and the picture says its credit', async () => {
    const zip = unzipSync((await exported('newsml-package')) as Uint8Array);
    const picture = `pictures/${article.body[0]!.type === 'image' && article.body[0]!.assetId}.jpg`;
    expect(Object.keys(zip).sort()).toEqual(['article.newsml.xml', picture]);
    const xml = Buffer.from(zip['article.newsml.xml']!).toString('utf8');
    expect(xml).toContain(`<media-reference source="${picture}"`);
    expect(xml).toContain('<creditline>Bild: Getty Images/AFP/A. al-Rubaye</creditline>');
    expect(await metadataOf(zip[picture]!)).toMatchObject(EXPECTED);
    expect(sha256(original)).toBe(originalHash);
  });

  it("ninjs package: the rendition's byline-asset URI names the picture in the ZIP", async () => {
    const zip = unzipSync((await exported('ninjs-package')) as Uint8Array);
    const doc = JSON.parse(Buffer.from(zip['article.ninjs.json']!).toString('utf8'));
    const id = /^byline-asset:([0-9a-f]{64})$/.exec(doc.associations[0].renditions[0].href)![1]!;
    expect(doc.associations[0].renditions[0]).toMatchObject({ contentType: 'image/jpeg' });
    expect(Object.keys(zip).sort()).toEqual(['article.ninjs.json', `pictures/${id}.jpg`]);
    expect(await metadataOf(zip[`pictures/${id}.jpg`]!)).toMatchObject(EXPECTED);
  });

  it('HTML embeds the credited copy', async () => {
    const html = (await exported('html')) as string;
    const src = /<img [^>]*src="data:image\/jpeg;base64,([^"]+)"/.exec(html)![1]!;
    expect(await metadataOf(Buffer.from(src, 'base64'))).toMatchObject(EXPECTED);
  });

  it('DOCX embeds the credited copy', async () => {
    const docx = unzipSync((await exported('docx')) as Uint8Array);
    const media = Object.keys(docx).filter((k) => k.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(await metadataOf(docx[media[0]!]!)).toMatchObject(EXPECTED);
    expect(sha256(original)).toBe(originalHash);
  });

  it('a picture missing from the store stops the export, named', async () => {
    fs.rmSync(original);
    await expect(exported('ninjs-package')).rejects.toThrow(
      /^The picture "Syrien al-Qaim Krieg Kämpfe gegen den IS" \([0-9a-f]{12}\) is missing from the store; nothing was exported\.$/,
    );
  });
});
