import { describe, expect, it } from 'vitest';
import { countCharacters, countWords, readingMinutes } from '../../../src/shared/format/counts';

describe('countWords', () => {
  it.each([
    ['de', 'Die Dschihadistenmiliz habe einen Gegenangriff gestartet.', 6],
    ['de', 'IS-Kämpfer holen Teile von Albu Kamal zurück', 8],
    ['de', '40 Prozent der Stadt', 4],
    ['en', "Don't count punctuation — or dashes!", 5],
    ['ar', 'استعاد مقاتلو تنظيم الدولة أجزاء من البوكمال', 7],
    ['zh', '我们是朋友', 3],
    ['ja', '東京は日本の首都です', 6], // 東京・は・日本・の・首都・です
    ['de', '', 0],
  ])('%s: %j → %i', (lang, text, n) => {
    expect(countWords(text, lang)).toBe(n);
  });
});

describe('countCharacters', () => {
  it('counts what a reader sees as one character', () => {
    expect(countCharacters('Zurück')).toBe(6);
    expect(countCharacters('👍🏽')).toBe(1);
    expect(countCharacters('🇩🇪')).toBe(1);
    expect(countCharacters('e\u0301')).toBe(1);
  });
});

describe('readingMinutes', () => {
  it('rounds up and never says zero for a text', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(12)).toBe(1);
    expect(readingMinutes(401)).toBe(3);
    expect(readingMinutes(10000, 250)).toBe(40);
  });
});
