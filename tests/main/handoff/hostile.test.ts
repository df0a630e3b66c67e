import crypto from 'node:crypto';
import path from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_LIMITS } from '../../../src/main/handoff/packageFormat';
import { writePackage } from '../../../src/main/handoff/writePackage';
import { importIntoStore } from '../../../src/main/import/importIntoStore';
import { Store } from '../../../src/main/store/store';
import { seedArticle } from '../../helpers/articles';
import { tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

// Packages arrive from other machines: every one of these must be refused with a reason that
// names the file, and leave the receiving store exactly as it was.
let sender: Store;
let receiver: Store;
let good: Record<string, Uint8Array>;
let imageId: string;
beforeEach(() => {
  sender = Store.open(path.join(tempDir(), 'sender.db'));
  receiver = Store.open(path.join(tempDir(), 'receiver.db'));
  imageId = sender.assets.add(tinyPng(9), 'bild.png').id;
  const a = sender.articles.create(seedArticle(imageId), 'anna');
  sender.comments.add(a.id, { anchor: { kind: 'field', field: 'headline' }, body: 'ok?' }, 'anna');
  good = unzipSync(writePackage(sender, a.id, 'anna').bytes);
  return () => {
    sender.close();
    receiver.close();
  };
});

/** Re-zips the good package's entries with changes; the manifest stays first. */
function repack(change: (files: Record<string, Uint8Array>) => void, order?: string[]): Uint8Array {
  const files: Record<string, Uint8Array> = { ...good };
  change(files);
  const names = order ?? ['manifest.json', ...Object.keys(files).filter((n) => n !== 'manifest.json')];
  const zippable: Zippable = {};
  for (const n of names) if (files[n]) zippable[n] = files[n]!;
  return zipSync(zippable);
}
const json = (files: Record<string, Uint8Array>, name: string) =>
  JSON.parse(new TextDecoder().decode(files[name])) as unknown;
const setJson = (files: Record<string, Uint8Array>, name: string, value: unknown) =>
  (files[name] = strToU8(JSON.stringify(value)));

function snapshot(store: Store) {
  return {
    articles: store.db.prepare('SELECT count(*) FROM articles').pluck().get(),
    revisions: store.db.prepare('SELECT count(*) FROM revisions').pluck().get(),
    comments: store.db.prepare('SELECT count(*) FROM comments').pluck().get(),
    assets: store.assets.ids(),
  };
}
async function expectRefused(bytes: Uint8Array, message: RegExp) {
  const before = snapshot(receiver);
  await expect(importIntoStore(receiver, bytes, 'evil.byline', 'auto', 'desk')).rejects.toThrow(message);
  expect(snapshot(receiver)).toEqual(before);
}

describe('hostile packages', () => {
  it('the untouched package opens (so each refusal below is about its one change)', async () => {
    await expect(
      importIntoStore(
        receiver,
        repack(() => {}),
        'good.byline',
        'auto',
        'desk',
      ),
    ).resolves.toMatchObject({ format: 'byline-package' });
  });

  it('zip slip: an entry whose name climbs out of the package', async () => {
    await expectRefused(
      repack((f) => (f['../../../home/user/.bashrc'] = strToU8('evil'))),
      /evil\.byline cannot be opened: it contains an entry named "\.\.\/\.\.\/\.\.\/home\/user\/\.bashrc", which points outside the package \(a "zip slip"\)/,
    );
    await expectRefused(
      repack((f) => (f['/etc/passwd'] = strToU8('evil'))),
      /zip slip/,
    );
    await expectRefused(
      repack((f) => (f['assets\\..\\x'] = strToU8('evil'))),
      /zip slip/,
    );
  });

  it('zip bomb: an entry that would grow a thousandfold', async () => {
    const zeros = new Uint8Array(50 * 1024 * 1024);
    await expectRefused(
      repack((f) => (f[`assets/${'0'.repeat(64)}`] = zeros)),
      /the entry assets\/0{64} would grow \d+ times when unpacked \(a "zip bomb"\)/,
    );
  });

  it('an entry that lies about its unpacked size cannot grow past what it declared', async () => {
    const bytes = Buffer.from(repack(() => {}));
    // Declare revisions.json as 10 bytes in the central directory: it is cut short, and refused.
    const name = Buffer.from('revisions.json');
    for (
      let i = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      i !== -1;
      i = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)
    ) {
      if (bytes.subarray(i + 46, i + 46 + name.length).equals(name)) bytes.writeUInt32LE(10, i + 24);
    }
    await expectRefused(
      bytes,
      /evil\.byline cannot be opened: (revisions\.json is not valid JSON|the ZIP data is damaged)/,
    );
  });

  it('a package over the size limit is refused before it is read', async () => {
    const big = new Uint8Array(PACKAGE_LIMITS.fileBytes + 1);
    big.set(repack(() => {}));
    await expectRefused(big, /evil\.byline cannot be opened: it is 100 MB, and packages may be at most 100 MB/);
  });

  it('damaged or foreign ZIP data', async () => {
    const bytes = repack(() => {});
    await expectRefused(
      bytes.subarray(0, bytes.length - 200),
      /evil\.byline cannot be opened: the ZIP data is damaged/,
    );
    // A ZIP without the manifest first is not a package; the importer says what it is instead.
    await expectRefused(
      repack(() => {}, ['revisions.json', 'manifest.json', 'comments.json', 'assets.json']),
      /evil\.byline is a ZIP archive but neither a Word document \(\.docx\) nor a Byline package/,
    );
  });

  it('missing parts, bad JSON, and content that fails its schema name the part', async () => {
    await expectRefused(
      repack((f) => delete f['comments.json']),
      /comments\.json is missing/,
    );
    await expectRefused(
      repack((f) => (f['revisions.json'] = strToU8('[{"revision": 1,'))),
      /revisions\.json is not valid JSON/,
    );
    await expectRefused(
      repack((f) => setJson(f, 'manifest.json', { ...(json(f, 'manifest.json') as object), format: 'other' })),
      /manifest\.json is not valid: format/,
    );
    await expectRefused(
      repack((f) =>
        setJson(
          f,
          'revisions.json',
          (json(f, 'revisions.json') as { doc: object }[]).map((r) => ({ ...r, doc: { ...r.doc, headline: 7 } })),
        ),
      ),
      /revisions\.json is not valid: 0\.doc\.headline/,
    );
    await expectRefused(
      repack((f) => (f['notes.txt'] = strToU8('hi'))),
      /an unexpected entry "notes\.txt"/,
    );
  });

  it('a history with a hole, or revisions of another article', async () => {
    await expectRefused(
      repack((f) =>
        setJson(
          f,
          'revisions.json',
          (json(f, 'revisions.json') as { revision: number; doc: object }[]).map((r) => ({
            ...r,
            revision: 2,
            doc: { ...r.doc, revision: 2 },
          })),
        ),
      ),
      /the history is not whole \(revision 1 is missing\)/,
    );
    await expectRefused(
      repack((f) =>
        setJson(
          f,
          'revisions.json',
          (json(f, 'revisions.json') as { doc: object }[]).map((r) => ({
            ...r,
            doc: { ...r.doc, id: crypto.randomUUID() },
          })),
        ),
      ),
      /revision 1 belongs to another article/,
    );
  });

  it('an image whose bytes do not match its checksum, or that is not what it claims', async () => {
    await expectRefused(
      repack((f) => (f[`assets/${imageId}`] = tinyPng(10))),
      /the image bild\.png is damaged/,
    );
    await expectRefused(
      repack((f) =>
        setJson(
          f,
          'assets.json',
          (json(f, 'assets.json') as object[]).map((a) => ({ ...a, mime: 'image/jpeg' })),
        ),
      ),
      /the image bild\.png is not the image\/jpeg it claims to be/,
    );
    await expectRefused(
      repack((f) => setJson(f, 'assets.json', [])),
      /an image \([0-9a-f]{12}…\) that assets\.json does not list/,
    );
  });

  it('replies to comments that are not there', async () => {
    await expectRefused(
      repack((f) =>
        setJson(
          f,
          'comments.json',
          (json(f, 'comments.json') as object[]).map((c) => ({ ...c, parentId: crypto.randomUUID(), anchor: null })),
        ),
      ),
      /the reply .* answers a comment that is not in the package/,
    );
  });
});
