import { createEditor, Editor, Node, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { documentFromArticle, fieldsFromDocument } from '../../../src/renderer/editor/document';
import { withStructure } from '../../../src/renderer/editor/plugins/withStructure';
import type { BylineEditor } from '../../../src/renderer/editor/schema';
import { ArticleInputSchema } from '../../../src/shared/model/article';
import { seedArticle } from '../../helpers/articles';

function editorWith(children: unknown[]): BylineEditor {
  const editor = withStructure(withHistory(createEditor()) as BylineEditor);
  editor.children = children as Descendant[];
  Editor.normalize(editor, { force: true });
  return editor;
}

const f = (type: string, text = '') => ({ type, children: [{ text }] });
const p = (text = '') => ({ type: 'paragraph', children: [{ text }] });
const signoff = (authors: string[] = [], agencies: string[] = []) => ({
  type: 'signoff',
  authors,
  agencies,
  children: [{ text: '' }],
});
const doc = (body: unknown[] = [p()], fields: Record<string, string> = {}, so = signoff()) => [
  f('rubric', fields.rubric),
  f('kicker', fields.kicker),
  f('headline', fields.headline),
  f('teaser', fields.teaser),
  { type: 'body', children: body },
  so,
];

describe('layout normalization (input → output)', () => {
  it.each([
    ['an empty document gets every section', [], doc()],
    [
      'missing sections are added in place',
      [f('headline', 'Titel'), { type: 'body', children: [p('Text')] }],
      doc([p('Text')], { headline: 'Titel' }),
    ],
    [
      'sections out of order are put in order',
      [
        signoff(['haz']),
        { type: 'body', children: [p('x')] },
        f('teaser', 'T'),
        f('headline', 'H'),
        f('kicker'),
        f('rubric', 'R'),
      ],
      doc([p('x')], { rubric: 'R', headline: 'H', teaser: 'T' }, signoff(['haz'])),
    ],
    [
      'a stray paragraph before the body moves to its start',
      [
        f('rubric'),
        f('kicker'),
        f('headline', 'H'),
        p('verirrt'),
        f('teaser'),
        { type: 'body', children: [p('eins')] },
        signoff(),
      ],
      doc([p('verirrt'), p('eins')], { headline: 'H' }),
    ],
    [
      'a stray paragraph after the body moves to its end',
      [...doc([p('eins')]).slice(0, 5), p('zwei'), signoff()],
      doc([p('eins'), p('zwei')]),
    ],
    [
      'a second headline merges into the first',
      [
        f('rubric'),
        f('kicker'),
        f('headline', 'Erster'),
        f('headline', 'Zweiter'),
        f('teaser'),
        { type: 'body', children: [p()] },
        signoff(),
      ],
      doc([p()], { headline: 'Erster Zweiter' }),
    ],
    [
      'a second body joins the first',
      [...doc([p('a')]).slice(0, 5), { type: 'body', children: [p('b')] }, signoff()],
      doc([p('a'), p('b')]),
    ],
    [
      'two sign-offs merge their chips',
      [...doc().slice(0, 5), signoff(['haz'], ['afp']), signoff(['qu'], ['afp', 'dpa'])],
      doc([p()], {}, signoff(['haz', 'qu'], ['afp', 'dpa'])),
    ],
  ])('%s', (_name, input, output) => {
    expect(editorWith(input).children).toEqual(output);
  });
});

describe('element normalization (input → output)', () => {
  it.each([
    [
      'header fields hold plain text',
      doc([p()], {}).map((n, i) =>
        i === 2
          ? {
              type: 'headline',
              children: [
                { text: 'IS-' },
                { text: 'Kämpfer', bold: true },
                { type: 'link', url: 'https://dw.com/', children: [{ text: ' zurück' }] },
                { text: '' },
              ],
            }
          : n,
      ),
      doc([p()], { headline: 'IS-Kämpfer zurück' }),
    ],
    ['bare text in the body becomes a paragraph', doc([{ text: 'lose' }]), doc([p('lose')])],
    [
      'a list item in the body gets its list',
      doc([{ type: 'list-item', children: [{ text: 'a' }] }]),
      doc([{ type: 'list', ordered: false, children: [{ type: 'list-item', children: [{ text: 'a' }] }] }]),
    ],
    ['a header field dragged into the body becomes a paragraph', doc([f('headline', 'zitiert')]), doc([p('zitiert')])],
    ['an empty body gets a paragraph', doc([]), doc([p()])],
    [
      'lists hold items; nested lists flatten; paragraphs become items',
      doc([
        {
          type: 'list',
          ordered: true,
          children: [
            { type: 'list-item', children: [{ text: 'a' }] },
            { type: 'list', ordered: false, children: [{ type: 'list-item', children: [{ text: 'b' }] }] },
            p('c'),
          ],
        },
      ]),
      doc([
        {
          type: 'list',
          ordered: true,
          children: [
            { type: 'list-item', children: [{ text: 'a' }] },
            { type: 'list-item', children: [{ text: 'b' }] },
            { type: 'list-item', children: [{ text: 'c' }] },
          ],
        },
      ]),
    ],
    ['an empty list goes', doc([{ type: 'list', ordered: false, children: [] }, p('x')]), doc([p('x')])],
    [
      'a javascript: link is unwrapped, its text kept',
      doc([
        {
          type: 'paragraph',
          children: [
            { text: 'Klick ' },
            { type: 'link', url: 'javascript:alert(1)', children: [{ text: 'hier' }] },
            { text: '' },
          ],
        },
      ]),
      doc([p('Klick hier')]),
    ],
  ])('%s', (_name, input, output) => {
    expect(editorWith(input).children).toEqual(output);
  });

  it('lifts a paragraph nested in a paragraph without losing its text', () => {
    const result = editorWith(doc([{ type: 'paragraph', children: [{ text: 'außen ' }, p('innen')] }])).children;
    expect(Node.string(result[4]!)).toBe('außen innen');
    expect(ArticleInputSchema.safeParse(fieldsFromDocument(result)).success).toBe(true);
  });
});

describe('document ↔ article', () => {
  it('round-trips the seed article', () => {
    const article = ArticleInputSchema.parse(seedArticle('d'.repeat(64)));
    const editor = editorWith(documentFromArticle(article));
    expect(fieldsFromDocument(editor.children)).toEqual({
      rubric: article.rubric,
      kicker: article.kicker,
      headline: article.headline,
      teaser: article.teaser,
      body: article.body,
      signOff: article.signOff,
    });
  });
});

describe('editing across sections', () => {
  const seeded = () =>
    editorWith(documentFromArticle(ArticleInputSchema.parse({ ...seedArticle(), kicker: 'Syrien' })));

  it('Enter in a header field moves to the next field instead of splitting it', () => {
    const editor = seeded();
    Transforms.select(editor, { path: [2, 0], offset: 5 });
    editor.insertBreak();
    expect(editor.selection!.anchor).toEqual({ path: [3, 0], offset: 0 });
    Transforms.select(editor, Editor.end(editor, [3]));
    editor.insertBreak();
    expect(editor.selection!.anchor.path.slice(0, 1)).toEqual([4]);
    expect(editor.children).toHaveLength(6);
    expect(fieldsFromDocument(editor.children).headline).toBe('IS-Kämpfer holen Teile von Albu Kamal zurück');
  });

  it('Backspace at the start of a section and Delete at its end never merge sections', () => {
    const editor = seeded();
    const before = JSON.stringify(editor.children);
    Transforms.select(editor, Editor.start(editor, [4]));
    editor.deleteBackward('character');
    Transforms.select(editor, Editor.end(editor, [3]));
    editor.deleteForward('character');
    Transforms.select(editor, Editor.end(editor, [4]));
    editor.deleteForward('character'); // would otherwise swallow the sign-off
    expect(JSON.stringify(editor.children)).toBe(before);
  });

  it('deleting a selection from the headline into the body keeps every section', () => {
    const editor = seeded();
    Transforms.select(editor, { anchor: { path: [2, 0], offset: 10 }, focus: { path: [4, 1, 0], offset: 5 } });
    editor.deleteFragment();
    const fields = fieldsFromDocument(editor.children);
    expect(editor.children.map((n) => (n as { type: string }).type)).toEqual([
      'rubric',
      'kicker',
      'headline',
      'teaser',
      'body',
      'signoff',
    ]);
    expect(fields.headline).toBe('IS-Kämpfer');
    expect(fields.teaser).toBe('');
    expect(fields.body[0]).toEqual({ type: 'subhead', children: [{ text: ' um die letzte Bastion' }] });
    expect(fields.signOff).toEqual({ authors: ['haz', 'qu'], agencies: ['afp', 'dpa'] });
  });

  it('one undo brings a cross-section delete back whole', () => {
    const editor = seeded();
    const before = JSON.stringify(editor.children);
    Transforms.select(editor, { anchor: { path: [2, 0], offset: 3 }, focus: { path: [4, 2, 0], offset: 4 } });
    editor.deleteFragment();
    expect(JSON.stringify(editor.children)).not.toBe(before);
    editor.undo();
    expect(JSON.stringify(editor.children)).toBe(before);
    editor.redo();
    expect(fieldsFromDocument(editor.children).headline).toBe('IS-');
  });
});

describe('Enter as in a word processor', () => {
  const body = (blocks: unknown[]) => editorWith(doc(blocks));
  const types = (editor: BylineEditor) => fieldsFromDocument(editor.children).body.map((b) => b.type);

  it('after a subhead the next line is a paragraph', () => {
    const editor = body([{ type: 'subhead', children: [{ text: 'Kampf' }] }]);
    Transforms.select(editor, Editor.end(editor, [4, 0]));
    editor.insertBreak();
    editor.insertText('Text');
    expect(fieldsFromDocument(editor.children).body).toEqual([
      { type: 'subhead', children: [{ text: 'Kampf' }] },
      { type: 'paragraph', children: [{ text: 'Text' }] },
    ]);
  });

  it('splitting a subhead in the middle keeps both halves subheads', () => {
    const editor = body([{ type: 'subhead', children: [{ text: 'Kampf um' }] }]);
    Transforms.select(editor, { path: [4, 0, 0], offset: 5 });
    editor.insertBreak();
    expect(types(editor)).toEqual(['subhead', 'subhead']);
  });

  it('Enter on an empty list item leaves the list', () => {
    const editor = body([
      { type: 'list', ordered: false, children: [{ type: 'list-item', children: [{ text: 'eins' }] }] },
    ]);
    Transforms.select(editor, Editor.end(editor, [4, 0, 0]));
    editor.insertBreak(); // a new, empty item
    editor.insertBreak(); // … which becomes a paragraph after the list
    editor.insertText('danach');
    expect(fieldsFromDocument(editor.children).body).toEqual([
      { type: 'list', ordered: false, items: [[{ text: 'eins' }]] },
      { type: 'paragraph', children: [{ text: 'danach' }] },
    ]);
  });

  it('Enter on an empty quote line leaves the quote', () => {
    const editor = body([{ type: 'quote', attribution: 'Sprecher', children: [{ text: 'Zitat' }] }]);
    Transforms.select(editor, Editor.end(editor, [4, 0]));
    editor.insertBreak();
    editor.insertBreak();
    expect(types(editor)).toEqual(['quote', 'paragraph']);
  });
});

describe('dragging', () => {
  it('a header field dragged into the body becomes a paragraph there, and the field comes back empty', () => {
    const editor = editorWith(doc([p('eins')], { headline: 'Gezogen' }));
    Transforms.moveNodes(editor, { at: [2], to: [4, 1] }); // the whole headline dropped after the body's first paragraph
    Editor.normalize(editor, { force: true });
    expect(editor.children.map((n) => (n as { type: string }).type)).toEqual([
      'rubric',
      'kicker',
      'headline',
      'teaser',
      'body',
      'signoff',
    ]);
    const fields = fieldsFromDocument(editor.children);
    expect(fields.headline).toBe('');
    expect(fields.body).toContainEqual({ type: 'paragraph', children: [{ text: 'Gezogen' }] });
    expect(fields.body).toContainEqual({ type: 'paragraph', children: [{ text: 'eins' }] });
  });

  it('a body block dropped above the headline moves back into the body', () => {
    const editor = editorWith(doc([p('eins'), p('zwei')], { headline: 'Titel' }));
    Transforms.moveNodes(editor, { at: [4, 1], to: [0] });
    Editor.normalize(editor, { force: true });
    expect(fieldsFromDocument(editor.children).body).toEqual([
      { type: 'paragraph', children: [{ text: 'zwei' }] },
      { type: 'paragraph', children: [{ text: 'eins' }] },
    ]);
    expect(fieldsFromDocument(editor.children).headline).toBe('Titel');
  });
});
