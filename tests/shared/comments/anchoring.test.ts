import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodySegments, fieldText, followEdits } from '../../../src/shared/comments/anchoring';
import type { Anchor, TextAnchor } from '../../../src/shared/model/comment';
import type { Block } from '../../../src/shared/model/blocks';

const para = (text: string): Block => ({ type: 'paragraph', children: [{ text }] });
const fields = (headline: string, body: Block[] = []) => ({ rubric: '', kicker: '', headline, teaser: '', body });
const on = (text: string, quote: string, field: TextAnchor['field'] = 'headline'): TextAnchor => {
  const start = text.indexOf(quote);
  return { kind: 'text', field, start, end: start + quote.length, quote };
};
const quoted = (a: Anchor, text: string) => (a.kind === 'text' ? text.slice(a.start, a.end) : '');

describe('text anchors follow edits', () => {
  const before = 'IS-Kämpfer holen Teile von Albu Kamal zurück';
  const anchor = on(before, 'Albu Kamal');

  it('stay on their words when text is typed before or after them', () => {
    const after = 'Syrien: IS-Kämpfer holen große Teile von Albu Kamal wieder zurück';
    const r = followEdits(anchor, false, fields(before), fields(after));
    expect(r.detached).toBe(false);
    expect(quoted(r.anchor, after)).toBe('Albu Kamal');
  });

  it('do not grow over text typed exactly at their edges', () => {
    const after = 'IS-Kämpfer holen Teile von Ost-Albu Kamal-Stadt zurück';
    const r = followEdits(anchor, false, fields(before), fields(after));
    expect(quoted(r.anchor, after)).toBe('Albu Kamal');
  });

  it('take in a change inside them and keep the new words as their quote', () => {
    const after = 'IS-Kämpfer holen Teile von Abu Kamal zurück';
    const r = followEdits(anchor, false, fields(before), fields(after));
    expect(r).toMatchObject({ detached: false, anchor: { quote: 'Abu Kamal' } });
    expect(quoted(r.anchor, after)).toBe('Abu Kamal');
  });

  it('find their words again when a paragraph moves', () => {
    const a = para('Erster Absatz über die Lage.');
    const b = para('Zweiter Absatz mit dem Gegenangriff.');
    const body = [a, b];
    const text = fieldText(fields('', body), 'body');
    const anchorB = on(text, 'Gegenangriff', 'body');
    const moved = fields('', [b, a]);
    const r = followEdits(anchorB, false, fields('', body), moved);
    expect(r.detached).toBe(false);
    expect(quoted(r.anchor, fieldText(moved, 'body'))).toBe('Gegenangriff');
  });

  it('are detached, not dropped, when their words are deleted, and come back when the words do', () => {
    const after = 'IS-Kämpfer holen Teile zurück';
    const gone = followEdits(anchor, false, fields(before), fields(after));
    expect(gone).toMatchObject({ detached: true, anchor: { quote: 'Albu Kamal' } });
    const back = followEdits(gone.anchor, true, fields(after), fields('Wieder: Albu Kamal umkämpft'));
    expect(back.detached).toBe(false);
    expect(quoted(back.anchor, 'Wieder: Albu Kamal umkämpft')).toBe('Albu Kamal');
  });

  it('survive a wholesale rewrite when their words survive it', () => {
    const long = 'x'.repeat(8000);
    const oldText = `${long} Albu Kamal`;
    const newText = `${'y'.repeat(8000)} Albu Kamal`;
    const r = followEdits(on(oldText, 'Albu Kamal'), false, fields(oldText), fields(newText));
    expect(quoted(r.anchor, newText)).toBe('Albu Kamal');
  });

  it('hold under any insertion outside the range (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        fc.nat(),
        (pre, post, ins, at) => {
          const quote = 'Albu Kamal';
          const text = `${pre}${quote}${post}`;
          const a = on(text, quote);
          a.start = pre.length;
          a.end = pre.length + quote.length;
          // Insert somewhere outside [start, end].
          const outside = [
            ...Array(pre.length + 1).keys(),
            ...Array.from({ length: post.length + 1 }, (_, i) => a.end + i),
          ];
          const pos = outside[at % outside.length]!;
          const after = text.slice(0, pos) + ins + text.slice(pos);
          const r = followEdits(a, false, fields(text), fields(after));
          expect(r.detached).toBe(false);
          expect(quoted(r.anchor, after)).toBe(quote);
        },
      ),
    );
  });
});

describe('field and image anchors', () => {
  it('a field anchor never detaches; an image anchor detaches when its image goes', () => {
    expect(followEdits({ kind: 'field', field: 'headline' }, false, fields('a'), fields('b')).detached).toBe(false);
    const id = 'a'.repeat(64);
    const img: Block = { type: 'image', assetId: id, caption: '', credit: {}, alt: '' };
    const anchor: Anchor = { kind: 'image', assetId: id, part: 'credit' };
    expect(followEdits(anchor, false, fields('', [img]), fields('', [img, para('x')])).detached).toBe(false);
    expect(followEdits(anchor, false, fields('', [img]), fields('', [para('x')])).detached).toBe(true);
  });

  it('the body text is every paragraph, subhead, quote and list item, one per line, pictures left out', () => {
    const body: Block[] = [
      para('Eins'),
      { type: 'image', assetId: 'b'.repeat(64), caption: 'Bild', credit: {}, alt: '' },
      { type: 'subhead', children: [{ text: 'Zwei' }] },
      { type: 'list', ordered: false, items: [[{ text: 'drei' }], [{ text: 'vier' }]] },
    ];
    expect(bodySegments(body)).toEqual(['Eins', 'Zwei', 'drei', 'vier']);
  });
});
