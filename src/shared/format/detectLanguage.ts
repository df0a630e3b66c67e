/**
 * The language of a text when its file does not say: the script for scripts one language
 * dominates (Arabic, Hebrew, Greek, Cyrillic, Chinese, Japanese, Korean), else the share of each
 * language's commonest function words. Returns undefined when the evidence is thin or two
 * languages are close: a wrong tag is worse than the house default.
 */
const FUNCTION_WORDS: Record<string, readonly string[]> = {
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'mit',
    'den',
    'von',
    'sich',
    'auf',
    'für',
    'dem',
    'ein',
    'eine',
    'auch',
    'wird',
    'sind',
    'nach',
    'bei',
  ],
  en: [
    'the',
    'and',
    'is',
    'of',
    'to',
    'in',
    'that',
    'with',
    'for',
    'was',
    'on',
    'are',
    'said',
    'have',
    'has',
    'this',
    'from',
    'by',
    'were',
    'which',
  ],
  fr: [
    'le',
    'la',
    'les',
    'et',
    'des',
    'est',
    'une',
    'dans',
    'pour',
    'qui',
    'que',
    'pas',
    'sur',
    'au',
    'avec',
    'du',
    'sont',
    'ont',
    'cette',
    'mais',
  ],
  es: [
    'el',
    'los',
    'las',
    'y',
    'es',
    'una',
    'por',
    'con',
    'para',
    'que',
    'del',
    'se',
    'su',
    'al',
    'como',
    'pero',
    'más',
    'fue',
    'han',
    'sus',
  ],
  it: [
    'il',
    'di',
    'che',
    'è',
    'della',
    'per',
    'una',
    'sono',
    'non',
    'con',
    'del',
    'gli',
    'nel',
    'alla',
    'anche',
    'come',
    'più',
    'dei',
    'delle',
    'ha',
  ],
  nl: [
    'de',
    'het',
    'een',
    'en',
    'van',
    'is',
    'dat',
    'niet',
    'met',
    'voor',
    'zijn',
    'op',
    'ook',
    'aan',
    'maar',
    'door',
    'wordt',
    'werd',
    'bij',
    'naar',
  ],
};
const SETS = Object.fromEntries(Object.entries(FUNCTION_WORDS).map(([lang, words]) => [lang, new Set(words)]));

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Hiragana}|\p{Script=Katakana}/gu, 'ja'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
];

export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return undefined;
  for (const [script, lang] of SCRIPTS) {
    if ((sample.match(script)?.length ?? 0) / letters > 0.3) return lang;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const scores = Object.entries(SETS)
    .map(([lang, set]) => [lang, words.filter((w) => set.has(w)).length] as const)
    .sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  if (!best || best[1] < 3 || best[1] < (second?.[1] ?? 0) * 1.5) return undefined;
  return best[0];
}
