import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import {
  activeBlock,
  insertLink,
  normalizeUrl,
  setBlockType,
  toggleList,
  toggleMark,
} from '../../../src/renderer/editor/commands';
import { documentFromArticle, fieldsFromDocument } from '../../../src/renderer/editor/document';
import { withMarkdownShortcuts } from '../../../src/renderer/editor/plugins/withMarkdownShortcuts';
import { withStructure } from '../../../src/renderer/editor/plugins/withStructure';
import { SHORTCUTS, runShortcut, type KeyboardEventLike } from '../../../src/renderer/editor/shortcuts';
import type { BylineEditor } from '../../../src/renderer/editor/schema';
import { ArticleInputSchema } from '../../../src/shared/model/article';

function editorWithBody(body: unknown[]): BylineEditor {
  const editor = withMarkdownShortcuts(withStructure(withHistory(createEditor()) as BylineEditor));
  editor.children = documentFromArticle({
    ...ArticleInputSchema.parse({ headline: 'Titel' }),
    body: body as never,
  }) as Descendant[];
  Editor.normalize(editor, { force: true });
  return editor;
}
const para = (text: string) => ({ type: 'paragraph', children: [{ text }] });
const body = (editor: BylineEditor) => fieldsFromDocument(editor.children).body;
const key = (k: Partial<KeyboardEventLike>): KeyboardEventLike => ({
  key: '',
  code: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...k,
});

describe('block commands', () => {
  it('turns paragraphs into subheads, quotes and back', () => {
    const editor = editorWithBody([para('eins'), para('zwei')]);
    Transforms.select(editor, { path: [4, 0, 0], offset: 1 });
    setBlockType(editor, 'subhead');
    expect(activeBlock(editor)).toBe('subhead');
    setBlockType(editor, 'quote');
    setBlockType(editor, 'paragraph');
    expect(body(editor).map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('toggles lists over a selection and switches their kind', () => {
    const editor = editorWithBody([para('eins'), para('zwei'), para('drei')]);
    Transforms.select(editor, { anchor: { path: [4, 0, 0], offset: 0 }, focus: { path: [4, 1, 0], offset: 2 } });
    toggleList(editor, false);
    expect(body(editor)).toEqual([
      { type: 'list', ordered: false, items: [[{ text: 'eins' }], [{ text: 'zwei' }]] },
      para('drei'),
    ]);
    toggleList(editor, true);
    expect(body(editor)[0]).toMatchObject({ type: 'list', ordered: true });
    toggleList(editor, true);
    expect(body(editor)).toEqual([para('eins'), para('zwei'), para('drei')]);
  });

  it('leaves header fields alone: formatting applies to the body only', () => {
    const editor = editorWithBody([para('x')]);
    Transforms.select(editor, { anchor: { path: [2, 0], offset: 0 }, focus: { path: [2, 0], offset: 5 } });
    toggleMark(editor, 'bold');
    setBlockType(editor, 'subhead');
    toggleList(editor, false);
    expect(fieldsFromDocument(editor.children).headline).toBe('Titel');
    expect(editor.children[2]).toEqual({ type: 'headline', children: [{ text: 'Titel' }] });
  });
});

describe('links', () => {
  it('links a selection, refuses other protocols, and edits an existing link', () => {
    const editor = editorWithBody([para('Mehr bei der DW')]);
    Transforms.select(editor, { anchor: { path: [4, 0, 0], offset: 13 }, focus: { path: [4, 0, 0], offset: 15 } });
    expect(insertLink(editor, 'javascript:alert(1)')).toEqual({
      ok: false,
      message: expect.stringMatching(/http, https or mailto only/),
    });
    expect(insertLink(editor, 'file:///etc/passwd').ok).toBe(false);
    expect(body(editor)).toEqual([para('Mehr bei der DW')]);
    expect(insertLink(editor, 'www.dw.com')).toEqual({ ok: true });
    expect(body(editor)).toEqual([
      {
        type: 'paragraph',
        children: [{ text: 'Mehr bei der ' }, { type: 'link', url: 'https://www.dw.com', children: [{ text: 'DW' }] }],
      },
    ]);
    Transforms.select(editor, { path: [4, 0, 1, 0], offset: 1 });
    insertLink(editor, 'https://www.dw.com/de/');
    expect(body(editor)[0]).toMatchObject({
      children: [{ text: 'Mehr bei der ' }, { type: 'link', url: 'https://www.dw.com/de/' }],
    });
  });

  it.each([
    ['www.dw.com', 'https://www.dw.com'],
    ['dw.com/de/themen', 'https://dw.com/de/themen'],
    ['desk@example.org', 'mailto:desk@example.org'],
    ['https://example.org', 'https://example.org'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
    ['nur Text', 'nur Text'],
  ])('normalizeUrl(%j) = %j', (input, output) => {
    expect(normalizeUrl(input)).toBe(output);
  });
});

describe('markdown shortcuts', () => {
  it.each([
    ['## ', 'subhead'],
    ['> ', 'quote'],
    ['- ', 'bulleted'],
    ['* ', 'bulleted'],
    ['1. ', 'numbered'],
  ])('%j at the start of a paragraph makes a %s', (typed, block) => {
    const editor = editorWithBody([para('')]);
    Transforms.select(editor, { path: [4, 0, 0], offset: 0 });
    for (const ch of typed) editor.insertText(ch);
    editor.insertText('Text');
    expect(activeBlock(editor)).toBe(block);
    expect(Editor.string(editor, [4])).toBe('Text');
  });

  it('does nothing in the middle of a paragraph or in a header field', () => {
    const editor = editorWithBody([para('Preis ')]);
    Transforms.select(editor, Editor.end(editor, [4, 0]));
    for (const ch of '- 5 Euro') editor.insertText(ch);
    expect(body(editor)).toEqual([para('Preis - 5 Euro')]);
    Transforms.select(editor, Editor.start(editor, [1]));
    for (const ch of '## ') editor.insertText(ch);
    expect(fieldsFromDocument(editor.children).kicker).toBe('## ');
  });
});

describe('keyboard shortcuts', () => {
  it('runs the command bound to each key', () => {
    const editor = editorWithBody([para('Text')]);
    Transforms.select(editor, { path: [4, 0, 0], offset: 2 });
    const ui = { askForLink: () => undefined };
    expect(runShortcut(editor, key({ altKey: true, code: 'Digit2', key: '™' }), ui)).toBe(true);
    expect(activeBlock(editor)).toBe('subhead');
    expect(runShortcut(editor, key({ ctrlKey: true, shiftKey: true, code: 'Digit7', key: '/' }), ui)).toBe(true);
    expect(activeBlock(editor)).toBe('numbered');
    let asked = 0;
    expect(runShortcut(editor, key({ metaKey: true, key: 'k', code: 'KeyK' }), { askForLink: () => asked++ })).toBe(
      true,
    );
    expect(asked).toBe(1);
    expect(runShortcut(editor, key({ key: 'b', code: 'KeyB' }), ui)).toBe(false);
  });

  it('lists every shortcut with a label and keys, without duplicates', () => {
    expect(new Set(SHORTCUTS.map((s) => s.keys)).size).toBe(SHORTCUTS.length);
    for (const s of SHORTCUTS) expect(s.label && s.keys).toBeTruthy();
  });
});
