import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/main/store/store';
import { diffArticles, diffBlocks, inlineBodyDiff, wordChange } from '../../src/shared/diff';
import type { Article } from '../../src/shared/model/article';
import { seedArticle } from '../helpers/articles';
import { tinyPng } from '../helpers/fixtures';
import { tempDir } from '../helpers/tmp';

let store: Store;
let r1: Article;
beforeEach(() => {
  store = Store.open(path.join(tempDir(), 'byline.db'));
  r1 = store.articles.create(seedArticle(store.assets.add(tinyPng(1), 'a.png').id), 'anna');
  return () => store.close();
});

describe('revision diff', () => {
  it('names each changed field with its value before and after, and diffs the body word by word', () => {
    const body = r1.body.map((b) =>
      b.type === 'paragraph' &&
      b.children[0] &&
      'text' in b.children[0] &&
      b.children[0].text.startsWith('Die Dschihadistenmiliz')
        ? { ...b, children: [{ text: b.children[0].text.replace('rund 40 Prozent', 'fast die Hälfte') }] }
        : b.type === 'image'
          ? { ...b, credit: { ...b.credit, creator: 'Delil Souleiman' } }
          : b,
    );
    const r2 = store.articles.save(
      {
        ...r1,
        headline: 'IS erobert Teile von Albu Kamal zurück',
        keywords: [...r1.keywords, 'Irak'],
        signOff: { authors: ['haz'], agencies: ['afp'] },
        body,
      },
      'desk',
    ).article;
    const r3 = store.articles.setStatus(r1.id, 'submitted', 'desk');
    const diff = diffArticles(store.articles.getRevision(r1.id, 1), r3, store.houseStyle);
    expect(diff.from).toBe(1);
    expect(diff.to).toBe(r2.revision + 1);
    expect(diff.fields).toEqual([
      { field: 'status', before: 'Draft', after: 'Submitted' },
      {
        field: 'headline',
        before: 'IS-Kämpfer holen Teile von Albu Kamal zurück',
        after: 'IS erobert Teile von Albu Kamal zurück',
      },
      { field: 'keywords', before: 'Syrien, IS, Albu Kamal', after: 'Syrien, IS, Albu Kamal, Irak' },
      { field: 'sign-off', before: 'haz/qu (afp, dpa)', after: 'haz (afp)' },
      { field: 'credits', before: 'Bild: Getty Images/AFP/A. al-Rubaye', after: 'Bild: Getty Images/AFP/D. Souleiman' },
    ]);
    expect(inlineBodyDiff(diff.body)).toContain(
      'Es sei ihr gelungen, [-rund 40 Prozent-]{+fast die Hälfte+} der Stadt zurückzuerobern.',
    );
    expect(diff.body.filter((p) => p.kind !== 'same').map((p) => p.text.trim())).toEqual([
      'rund 40 Prozent',
      'fast die Hälfte',
    ]);
  });

  it('finds nothing between a revision and itself', () => {
    const same = diffArticles(r1, r1, store.houseStyle);
    expect(same).toMatchObject({ from: 1, to: 1, fields: [], body: [], words: { added: 0, removed: 0 } });
    expect(same.blocks.every((b) => b.kind === 'same')).toBe(true);
  });
});

describe('diffBlocks and wordChange', () => {
  const p = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });
  const h = (text: string) => ({ type: 'subhead' as const, children: [{ text }] });

  it('keeps subheads as subheads, pairs a changed paragraph word by word, and names added and removed blocks', () => {
    const before = [p('Die Miliz griff an.'), h('Kampf um die Stadt'), p('Alt und weg.'), p('Bleibt.')];
    const after = [p('Die Miliz griff am Morgen an.'), h('Kampf um die Stadt'), p('Bleibt.'), p('Neu am Ende.')];
    expect(diffBlocks(before, after)).toEqual(
      [
        {
          kind: 'changed',
          type: 'paragraph',
          parts: [
            { kind: 'same', text: 'Die Miliz griff ' },
            { kind: 'added', text: 'am Morgen ' },
            { kind: 'same', text: 'an.' },
          ],
        },
        { kind: 'same', type: 'subhead', parts: [{ kind: 'same', text: 'Kampf um die Stadt' }] },
        { kind: 'removed', type: 'paragraph', parts: [{ kind: 'removed', text: 'Alt und weg.' }] },
        { kind: 'same', type: 'paragraph', parts: [{ kind: 'same', text: 'Bleibt.' }] },
        { kind: 'added', type: 'paragraph', parts: [{ kind: 'added', text: 'Neu am Ende.' }] },
      ].map((b) => ({ ...b, emphasis: { before: [], after: [] } })),
    );
  });

  it('carries where each side is bold or italic, at the offsets of its text', () => {
    const before = [
      {
        type: 'paragraph' as const,
        children: [{ text: 'Die ' }, { text: 'Miliz', bold: true }, { text: ' griff an.' }],
      },
    ];
    const after = [
      {
        type: 'paragraph' as const,
        children: [
          { text: 'Die ' },
          { text: 'Miliz', bold: true },
          { text: ' griff ' },
          { type: 'link' as const, url: 'https://afp.com', children: [{ text: 'laut AFP', italic: true }] },
          { text: ' an.' },
        ],
      },
    ];
    const [block] = diffBlocks(before, after);
    expect(block!.emphasis).toEqual({
      before: [{ start: 4, end: 9, bold: true }],
      after: [
        { start: 4, end: 9, bold: true },
        { start: 16, end: 24, italic: true },
      ],
    });
  });

  it('counts words added and removed over fields and body', () => {
    const a = { rubric: '', kicker: '', headline: 'Albu Kamal', teaser: '', body: [p('Eins zwei drei.')] };
    const b = { rubric: 'Politik', kicker: '', headline: 'Albu Kamal fällt', teaser: '', body: [p('Eins drei.')] };
    expect(wordChange(a, b)).toEqual({ added: 2, removed: 1 });
    expect(wordChange(null, b)).toEqual({ added: 6, removed: 0 });
  });
});
