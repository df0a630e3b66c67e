import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../src/main/ipc/dispatch';
import { createHandlers } from '../../../src/main/ipc/handlers';
import { Store } from '../../../src/main/store/store';
import { CHANNELS } from '../../../src/shared/ipc/channels';
import { contract } from '../../../src/shared/ipc/contract';
import { seedArticle } from '../../helpers/articles';
import { tinyPng } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/tmp';

let store: Store;
let handlers: Handlers;
let dir: string;
beforeEach(() => {
  dir = tempDir();
  store = Store.open(path.join(dir, 'byline.db'));
  handlers = createHandlers(
    store,
    { mode: 'browser', chooseBackupDestination: async (p) => p, chooseExportPath: async (p) => p },
    'desk',
  );
  return () => store.close();
});

describe('dispatch', () => {
  it('has a schema and a handler for every channel', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('refuses unknown channels and malformed payloads before any handler runs', async () => {
    expect(await dispatch(handlers, 'fs.readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dispatch(handlers, 42, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const bad = await dispatch(handlers, 'articles.get', { id: '../../etc' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!bad.ok && bad.error.message).toMatch(/articles\.get.*id/);
    expect(await dispatch(handlers, 'articles.list', { query: 'x', extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await dispatch(handlers, 'articles.save', null)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(store.articles.list().total).toBe(0);
  });

  it('runs the handlers on the real store and returns typed errors', async () => {
    const created = await dispatch(handlers, 'articles.create', { headline: 'Über IPC' });
    expect(created.ok).toBe(true);
    const article = (created as { value: { id: string; revision: number } }).value;

    const saved = await dispatch(handlers, 'articles.save', {
      article: { ...seedArticle(), id: article.id, revision: 1 },
    });
    expect(saved).toMatchObject({ ok: true, value: { changed: true, article: { revision: 2 } } });
    expect(store.articles.history(article.id).map((r) => r.savedBy)).toEqual(['desk', 'desk']);

    const stale = await dispatch(handlers, 'articles.save', {
      article: { ...seedArticle(), id: article.id, revision: 1, headline: 'alt' },
    });
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { currentRevision: 2, savedBy: 'desk' } },
    });

    expect(await dispatch(handlers, 'articles.get', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await dispatch(handlers, 'articles.list', { query: 'kampfer' })).toMatchObject({
      ok: true,
      value: { total: 1 },
    });
    expect(await dispatch(handlers, 'articles.trash', { id: article.id })).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'articles.restore', { id: article.id })).toMatchObject({
      ok: true,
      value: { id: article.id },
    });
    expect(await dispatch(handlers, 'store.check', {})).toMatchObject({ ok: true, value: { ok: true, articles: 1 } });
    expect(await dispatch(handlers, 'app.info', {})).toMatchObject({
      ok: true,
      value: { mode: 'browser', actor: 'desk' },
    });
  });

  it('backs up to the folder the host chooses', async () => {
    const result = await dispatch(handlers, 'store.backup', {});
    expect(result).toMatchObject({ ok: true, value: { articles: 0 } });
    const p = (result as { value: { path: string } }).value.path;
    expect(p.startsWith(path.join(dir, 'backups', 'byline-backup-'))).toBe(true);
  });
});

describe('import and export of Byline JSON', () => {
  it('exports an article to the chosen path and imports it into another store', async () => {
    const a = store.articles.create(seedArticle(), 'anna');
    const exported = await dispatch(handlers, 'articles.export', { id: a.id });
    expect(exported).toMatchObject({ ok: true });
    const file = (exported as { value: { path: string } }).value.path;
    expect(file).toBe(path.join(dir, 'exports', 'is-kampfer-holen-teile-von-albu-kamal-zuruck-r1.json'));

    const other = Store.open(path.join(tempDir(), 'other.db'));
    const otherHandlers = createHandlers(
      other,
      { mode: 'browser', chooseBackupDestination: async (p) => p, chooseExportPath: async (p) => p },
      'desk',
    );
    const imported = await dispatch(otherHandlers, 'articles.import', {
      fileName: 'a.json',
      dataBase64: fs.readFileSync(file).toString('base64'),
    });
    expect(imported).toMatchObject({
      ok: true,
      value: { changed: true, id: a.id, headline: a.headline, format: 'json', warnings: [] },
    });
    expect(other.articles.get(a.id).body).toEqual(a.body);
    other.close();
  });

  it('refuses a broken file and stores nothing', async () => {
    const r = await dispatch(handlers, 'articles.import', {
      fileName: 'broken.json',
      dataBase64: Buffer.from('{"body": [{"type": "video"}]}').toString('base64'),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!r.ok && r.error.message).toMatch(/^broken\.json is not a valid Byline article: body\.0\.type/);
    expect(store.articles.list().total).toBe(0);
  });

  it('imports NITF from the page as a new article, the format found from the content', async () => {
    const nitf =
      '<nitf><body><body.head><hedline><hl1>Aus der Agentur</hl1></hedline></body.head><body.content><p>Text.</p></body.content></body></nitf>';
    const r = await dispatch(handlers, 'articles.import', {
      fileName: 'story.txt',
      dataBase64: Buffer.from(nitf).toString('base64'),
    });
    expect(r).toMatchObject({ ok: true, value: { format: 'nitf', headline: 'Aus der Agentur', warnings: [] } });
    expect(store.articles.get((r as { value: { id: string } }).value.id).body).toEqual([
      { type: 'paragraph', children: [{ text: 'Text.' }] },
    ]);
  });

  it('refuses a payload that is not base64 at the boundary', async () => {
    const r = await dispatch(handlers, 'articles.import', { fileName: 'x.xml', dataBase64: '<nitf/>' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('writes nothing when the person cancels the export dialog', async () => {
    const cancelling = createHandlers(
      store,
      { mode: 'desktop', chooseBackupDestination: async () => null, chooseExportPath: async () => null },
      'desk',
    );
    const a = store.articles.create({ headline: 'x' }, 'anna');
    expect(await dispatch(cancelling, 'articles.export', { id: a.id })).toEqual({
      ok: true,
      value: { path: null, checked: "Byline's article model" },
    });
    expect(await dispatch(cancelling, 'store.backup', {})).toEqual({
      ok: true,
      value: { path: null, articles: 0, assets: 0 },
    });
    expect(fs.existsSync(path.join(dir, 'exports'))).toBe(false);
  });
});

describe('pictures from the page', () => {
  it('stores a data: URL picture content-addressed, with its size, what its file said and a rendition to show', async () => {
    const png = tinyPng(11);
    // The page's type for a file is not trusted (HEIC and TIFF often arrive as octet-stream): the bytes are.
    const r = await dispatch(handlers, 'assets.add', {
      fileName: 'bild.png',
      dataUrl: `data:application/octet-stream;base64,${png.toString('base64')}`,
      source: 'drop',
    });
    expect(r).toMatchObject({
      ok: true,
      value: {
        mime: 'image/png',
        byteSize: png.length,
        width: expect.any(Number),
        embedded: {},
        suggested: { caption: '', credit: {} },
      },
    });
    const id = (r as { value: { id: string } }).value.id;
    expect(store.assets.read(id).equals(png)).toBe(true);
    expect(store.assets.find(id)!.metadata).toMatchObject({ source: 'drop' });
    const preview = await dispatch(handlers, 'assets.preview', { id, size: 'thumbnail' });
    expect(preview).toMatchObject({
      ok: true,
      value: { dataUrl: expect.stringMatching(/^data:image\/webp;base64,UklGR/), photo: { embedded: {} } },
    });
  });

  it.each([
    ['not a data URL', 'https://example.org/bild.jpg', /pasted-picture-1 is not an embedded picture/],
    [
      'a data URL that is not an image',
      `data:image/png;base64,${Buffer.from('%PDF-1.7').toString('base64')}`,
      /pasted-picture-1 is not a picture Byline can store/,
    ],
  ])('refuses %s and stores nothing', async (_n, dataUrl, message) => {
    const r = await dispatch(handlers, 'assets.add', { fileName: 'pasted-picture-1', dataUrl });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!r.ok && r.error.message).toMatch(message);
    expect(store.assets.ids()).toEqual([]);
  });
});

describe('spellcheck language', () => {
  it('is left to the browser in browser mode, and the language tag is checked', async () => {
    expect(await dispatch(handlers, 'app.spellcheck', { language: 'ar' })).toEqual({
      ok: true,
      value: { languages: [] },
    });
    expect(await dispatch(handlers, 'app.spellcheck', { language: 'not a tag' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    const desktop = createHandlers(
      store,
      {
        mode: 'desktop',
        chooseBackupDestination: async () => null,
        chooseExportPath: async () => null,
        setSpellcheckLanguage: (l) => [`${l}-DE`],
      },
      'desk',
    );
    expect(await dispatch(desktop, 'app.spellcheck', { language: 'de' })).toEqual({
      ok: true,
      value: { languages: ['de-DE'] },
    });
  });
});

describe('picture previews', () => {
  it('makes a missing rendition when a picture is first shown (backups and packages carry none), and says why a broken one has none', async () => {
    const png = store.assets.add(tinyPng(21), 'rot.png');
    const tiff = store.assets.add(Buffer.concat([Buffer.from('II*\0'), Buffer.alloc(64)]), 'scan.tif');
    expect(store.assets.readRendition(png.id, 'display')).toBeNull();
    expect(await dispatch(handlers, 'assets.preview', { id: png.id })).toEqual({
      ok: true,
      value: { dataUrl: expect.stringMatching(/^data:image\/webp;base64,/), photo: null },
    });
    expect(store.assets.readRendition(png.id, 'thumbnail')).not.toBeNull();
    expect(await dispatch(handlers, 'assets.preview', { id: tiff.id })).toEqual({
      ok: true,
      value: { dataUrl: null, reason: 'No preview for TIFF pictures.', photo: null },
    });
    expect(await dispatch(handlers, 'assets.preview', { id: 'e'.repeat(64) })).toEqual({
      ok: true,
      value: { dataUrl: null, reason: 'This picture is not in the store.', photo: null },
    });
    expect(await dispatch(handlers, 'assets.preview', { id: '../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});

describe('the photo desk through the IPC boundary', () => {
  it("lists pictures and sets credits on a selection as one change, recorded as the handler's actor", async () => {
    const [p1, p2] = [store.assets.add(tinyPng(31), 'a.png').id, store.assets.add(tinyPng(32), 'b.png').id];
    const a = store.articles.create(seedArticle(p1), 'anna');
    const b = store.articles.create(seedArticle(p2), 'anna');
    const set = await dispatch(handlers, 'photos.setCredit', {
      assetIds: [p1, p2],
      parts: { agency: 'dpa', provider: '' },
    });
    expect(set).toMatchObject({ ok: true, value: { articles: expect.arrayContaining([a.id, b.id]) } });
    const list = await dispatch(handlers, 'photos.list', { agency: 'DPA' });
    expect(list.ok && (list.value as { creditLine: string }[]).map((u) => u.creditLine)).toEqual([
      'Bild: dpa/A. al-Rubaye',
      'Bild: dpa/A. al-Rubaye',
    ]);
    expect(store.articles.history(a.id)[0]).toMatchObject({ revision: 2, savedBy: 'desk' });
    // One unknown picture in the selection: nothing changes anywhere.
    const bad = await dispatch(handlers, 'photos.setCredit', {
      assetIds: [p1, 'f'.repeat(64)],
      parts: { agency: 'AFP' },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(store.articles.history(a.id)).toHaveLength(2);
    expect(
      await dispatch(handlers, 'photos.setCredit', { assetIds: [p1], parts: { agency: 'x'.repeat(201) } }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('the desk channels through the IPC boundary', () => {
  it("comments: added, replied to and resolved as the handler's actor; a comment cannot bring its own quote", async () => {
    const a = store.articles.create(seedArticle(), 'anna');
    const added = await dispatch(handlers, 'comments.add', {
      articleId: a.id,
      anchor: { kind: 'text', field: 'headline', start: 0, end: 2 },
      body: 'IS?',
    });
    expect(added).toMatchObject({ ok: true, value: { author: 'desk', anchor: { quote: 'IS' } } });
    const forged = await dispatch(handlers, 'comments.add', {
      articleId: a.id,
      anchor: { kind: 'text', field: 'headline', start: 0, end: 2, quote: 'fake' },
      body: 'x',
    });
    expect(forged).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const id = added.ok ? (added.value as { id: string }).id : '';
    expect(await dispatch(handlers, 'comments.setResolved', { commentId: id, resolved: true })).toMatchObject({
      ok: true,
      value: { resolvedBy: 'desk' },
    });
    expect(await dispatch(handlers, 'comments.list', { articleId: a.id })).toMatchObject({ ok: true, value: [{ id }] });
  });

  it('packages: written to the exports folder, and a choice must be mine or theirs', async () => {
    const a = store.articles.create(seedArticle(), 'anna');
    const packed = await dispatch(handlers, 'articles.pack', { id: a.id });
    expect(packed).toMatchObject({
      ok: true,
      value: { path: expect.stringMatching(/exports\/is-kampfer-holen-teile-von-albu-kamal-zuruck-r1\.byline$/) },
    });
    expect(fs.existsSync(packed.ok ? (packed.value as { path: string }).path : '')).toBe(true);
    expect(
      await dispatch(handlers, 'articles.resolveIncoming', { id: a.id, incomingId: 1, keep: 'both', base: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch(handlers, 'articles.incoming', { id: a.id })).toEqual({ ok: true, value: [] });
  });
});
