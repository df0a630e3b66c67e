/**
 * The spellchecker languages for an article: its own tag if the spellchecker has it, else the
 * regional variants of its language (de → de-DE, de-AT, de-CH), else none (leave it unchanged).
 */
export function pickSpellcheckLanguages(language: string, available: readonly string[]): string[] {
  const wanted = language.toLowerCase();
  const exact = available.find((a) => a.toLowerCase() === wanted);
  if (exact) return [exact];
  const primary = wanted.split('-')[0]!;
  return available.filter((a) => a.toLowerCase() === primary || a.toLowerCase().startsWith(`${primary}-`)).slice(0, 3);
}
