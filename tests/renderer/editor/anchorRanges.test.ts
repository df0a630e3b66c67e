import fc from 'fast-check';
import { createEditor, Editor } from 'slate';
import { describe, expect, it } from 'vitest';
import { fieldText } from '../../../src/shared/comments/anchoring';
import { ArticleInputSchema } from '../../../src/shared/model/article';
import { TEXT_FIELDS } from '../../../src/shared/model/comment';
import { anchorToRanges, selectionToAnchor } from '../../../src/renderer/editor/comments/anchorRanges';
import { documentFromArticle } from '../../../src/renderer/editor/document';
import { article } from '../../helpers/arbitraries';

// The editor and the store must count offsets the same way, or a comment lands on other words.
describe('comment anchors in the editor', () => {
  it('a range of the saved text highlights the same words in the document, and selecting them gives the range back', () => {
    fc.assert(
      fc.property(
        article(['a'.repeat(64)]),
        fc.constantFrom(...TEXT_FIELDS),
        fc.nat(),
        fc.nat(),
        (input, field, x, y) => {
          const a = ArticleInputSchema.parse(input);
          const text = fieldText(a, field);
          fc.pre(text.length > 0);
          const [start, end] = [x % (text.length + 1), y % (text.length + 1)].sort((p, q) => p - q) as [number, number];
          fc.pre(end > start);
          const doc = documentFromArticle(a);
          const editor = createEditor();
          editor.children = doc;
          const ranges = anchorToRanges(doc, { field, start, end });
          // Line breaks at the edges belong to no paragraph; the words are what count.
          const words = text.slice(start, end).replace(/^\n+|\n+$/g, '');
          expect(ranges.map((r) => Editor.string(editor, r)).join('\n')).toBe(words);
          if (!words) return; // only the break between two paragraphs: nothing to mark or select
          const back = selectionToAnchor(doc, { anchor: ranges[0]!.anchor, focus: ranges.at(-1)!.focus });
          expect(back && text.slice(back.kind === 'text' ? back.start : 0, back.kind === 'text' ? back.end : 0)).toBe(
            words,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a selection across two fields, or an empty one, is not a place for a comment', () => {
    const doc = documentFromArticle(ArticleInputSchema.parse({ headline: 'Kopf', teaser: 'Vorspann' }));
    expect(
      selectionToAnchor(doc, { anchor: { path: [2, 0], offset: 1 }, focus: { path: [3, 0], offset: 2 } }),
    ).toBeNull();
    expect(
      selectionToAnchor(doc, { anchor: { path: [2, 0], offset: 1 }, focus: { path: [2, 0], offset: 1 } }),
    ).toBeNull();
    expect(selectionToAnchor(doc, { anchor: { path: [2, 0], offset: 1 }, focus: { path: [2, 0], offset: 3 } })).toEqual(
      { kind: 'text', field: 'headline', start: 1, end: 3 },
    );
  });
});
