import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_ASSET_BYTES, sniffImageType } from '../../../src/main/store/assets';
import { Store } from '../../../src/main/store/store';
import { fixture, tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

let store: Store;
beforeEach(() => {
  store = Store.open(path.join(tempDir(), 'byline.db'));
  return () => store.close();
});

describe('assets', () => {
  it('stores content-addressed, byte-identical originals once', () => {
    const bytes = tinyPng();
    const a = store.assets.add(bytes, 'rot.png', { source: 'test' });
    expect(a.id).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    expect(a.mime).toBe('image/png');
    expect(fs.readFileSync(store.assets.pathOf(a.id)).equals(bytes)).toBe(true);
    expect(store.assets.add(bytes, 'copy.png').originalName).toBe('rot.png');
    expect(store.assets.ids()).toEqual([a.id]);
    expect(store.assets.find(a.id)?.metadata).toEqual({ source: 'test' });
  });

  it.runIf(fixture('photos/IPTC-PhotometadataRef-Std2021.1.jpg'))('keeps a real agency photo byte-identical', () => {
    const file = fixture('photos/IPTC-PhotometadataRef-Std2021.1.jpg')!;
    const a = store.assets.add(fs.readFileSync(file), path.basename(file));
    expect(a.mime).toBe('image/jpeg');
    expect(store.assets.read(a.id).equals(fs.readFileSync(file))).toBe(true);
  });

  it('refuses files that are not images, naming the file, and stores nothing', () => {
    expect(() => store.assets.add(Buffer.from('%PDF-1.7 not an image'), 'brief.pdf')).toThrow(
      /brief\.pdf is not an image/,
    );
    expect(() => store.assets.add(Buffer.alloc(MAX_ASSET_BYTES + 1), 'huge.jpg')).toThrow(/huge\.jpg is 100\.0 MB/);
    expect(store.assets.ids()).toEqual([]);
    expect(fs.existsSync(store.assets.dir)).toBe(false);
  });

  it.each([
    ['jpeg', [0xff, 0xd8, 0xff, 0xe0], 'image/jpeg'],
    ['gif', [...Buffer.from('GIF89a')], 'image/gif'],
    ['webp', [...Buffer.from('RIFF\0\0\0\0WEBPVP8 ')], 'image/webp'],
    ['tiff', [...Buffer.from('II*\0')], 'image/tiff'],
    ['heic', [0, 0, 0, 24, ...Buffer.from('ftypheic')], 'image/heic'],
    ['text', [...Buffer.from('hello world')], null],
  ])('recognises %s by content', (_n, bytes, mime) => {
    expect(sniffImageType(Uint8Array.from(bytes))).toBe(mime);
  });
});
