import { Node } from 'slate';
import { countCharacters, countWords } from '../../shared/format/counts';
import type { BlockElement } from './schema';

export interface Counts {
  words: number;
  characters: number;
}

/**
 * Slate replaces only the nodes an edit touches, so counts cached per block object make a
 * keystroke cost one block's count, not the article's.
 */
const cache = new WeakMap<BlockElement, Counts & { language: string }>();

export function countBlocks(blocks: readonly BlockElement[], language: string): Counts {
  let words = 0;
  let characters = 0;
  for (const block of blocks) {
    let c = cache.get(block);
    if (!c || c.language !== language) {
      const text =
        block.type === 'image'
          ? block.caption
          : block.type === 'list'
            ? block.children.map((i) => Node.string(i)).join('\n')
            : Node.string(block);
      c = { words: countWords(text, language), characters: countCharacters(text), language };
      cache.set(block, c);
    }
    words += c.words;
    characters += c.characters;
  }
  return { words, characters };
}
