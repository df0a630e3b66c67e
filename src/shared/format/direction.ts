const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** The base direction of an article from its BCP 47 language tag; mixed text inside uses dir="auto". */
export function directionOf(language: string): 'ltr' | 'rtl' {
  const primary = language.toLowerCase().split('-')[0] ?? '';
  if (/-arab\b/i.test(language) || /-hebr\b/i.test(language)) return 'rtl';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}
