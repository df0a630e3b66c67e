/**
 * Counting as a reader would: words by Unicode word segmentation for the article's language (a
 * German compound is one word; Chinese and Japanese, which have no spaces, are split by the
 * dictionary), characters as grapheme clusters (an emoji or an Arabic letter with its marks is one).
 */
const wordSegmenters = new Map<string, Intl.Segmenter>();
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function wordSegmenter(language: string): Intl.Segmenter {
  let s = wordSegmenters.get(language);
  if (!s) {
    try {
      s = new Intl.Segmenter(language, { granularity: 'word' });
    } catch {
      s = new Intl.Segmenter(undefined, { granularity: 'word' });
    }
    wordSegmenters.set(language, s);
  }
  return s;
}

export function countWords(text: string, language: string): number {
  let n = 0;
  for (const segment of wordSegmenter(language).segment(text)) if (segment.isWordLike) n++;
  return n;
}

export function countCharacters(text: string): number {
  let n = 0;
  for (const _ of graphemeSegmenter.segment(text)) n++;
  return n;
}

/** Minutes to read, rounded up, at a newsroom's usual 200 words a minute. */
export function readingMinutes(words: number, wordsPerMinute = 200): number {
  return words === 0 ? 0 : Math.max(1, Math.ceil(words / wordsPerMinute));
}
