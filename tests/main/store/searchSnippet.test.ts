import { describe, expect, it } from 'vitest';
import { searchSnippet } from '../../../src/main/store/searchSnippet';
import { HIT_END, HIT_START, snippetParts } from '../../../src/shared/model/snippet';

const marked = (s: string) => s.replaceAll(HIT_START, '[').replaceAll(HIT_END, ']');

describe('search snippets', () => {
  it('marks the whole word a prefix matched, folding case and diacritics as the index does', () => {
    expect(marked(searchSnippet(['Der Bürgermeister von Albu Kamal sprach.'], ['burger']))).toBe(
      'Der [Bürgermeister] von Albu Kamal sprach.',
    );
    expect(marked(searchSnippet(['Sagte MÜLLER am Montag'], ['muller']))).toBe('Sagte [MÜLLER] am Montag');
  });

  it('takes the first column with a hit, and matches only at the start of a word', () => {
    expect(marked(searchSnippet([null, 'Kein Treffer: Gegenangriffe', 'Angriff im Titel'], ['angriff']))).toBe(
      '[Angriff] im Titel',
    );
    expect(searchSnippet(['nichts davon'], ['angriff'])).toBe('');
  });

  it('cuts a window of words around the first hit, marks every hit inside it, and says where it cut', () => {
    const text =
      Array.from({ length: 200 }, (_, i) => `wort${i}`).join(' ') +
      ' Albu Kamal und Albu Kamal ' +
      Array.from({ length: 200 }, (_, i) => `rest${i}`).join(' ');
    const s = searchSnippet([text], ['albu', 'kamal']);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBeLessThan(200);
    expect(
      snippetParts(s)
        .filter((p) => p.hit)
        .map((p) => p.text),
    ).toEqual(['Albu', 'Kamal', 'Albu', 'Kamal']);
    expect(s).not.toContain('wort190 ');
  });

  it('stays short in text without spaces', () => {
    const s = searchSnippet(['x'.repeat(100_000) + ' Treffer ' + 'y'.repeat(100_000)], ['treffer']);
    expect(s.length).toBeLessThan(300);
    expect(snippetParts(s)).toContainEqual({ text: 'Treffer', hit: true });
  });
});
