import { describe, expect, it } from 'vitest';
import { HIT_END, HIT_START, snippetParts } from '../../../src/shared/model/snippet';

describe('snippetParts', () => {
  it('splits a snippet into hits and the text around them, keeping German quotation marks as text', () => {
    expect(snippetParts(`…die »${HIT_START}Flüchtlinge${HIT_END}« an der ${HIT_START}Grenze${HIT_END}…`)).toEqual([
      { text: '…die »', hit: false },
      { text: 'Flüchtlinge', hit: true },
      { text: '« an der ', hit: false },
      { text: 'Grenze', hit: true },
      { text: '…', hit: false },
    ]);
  });

  it('takes a snippet without hits, and an empty one', () => {
    expect(snippetParts('nur Text')).toEqual([{ text: 'nur Text', hit: false }]);
    expect(snippetParts('')).toEqual([]);
  });
});
