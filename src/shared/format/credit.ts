import type { Credit } from '../model/blocks';
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from '../houseStyle';

type CreditStyle = HouseStyle['credit'];

/** `Ali al-Rubaye` → `A. al-Rubaye`; `Jean-Pierre Dupont` → `J.-P. Dupont`; single names stay. */
export function abbreviateGivenNames(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return name.trim();
  const family = words.pop() as string;
  const initials = words.map((w) =>
    /^\p{Lu}\.$/u.test(w)
      ? w
      : w
          .split('-')
          .map((part) => `${Array.from(part)[0] ?? ''}.`)
          .join('-'),
  );
  return [...initials, family].join(' ');
}

/** The credit without prefix: `Getty Images/AFP/A. al-Rubaye`. */
export function creditBody(credit: Credit, style: CreditStyle = DEFAULT_HOUSE_STYLE.credit): string {
  if (credit.text?.trim()) return credit.text.trim();
  const creator = credit.creator?.trim()
    ? style.abbreviateGivenNames
      ? abbreviateGivenNames(credit.creator)
      : credit.creator.trim()
    : '';
  const parts: Record<string, string> = {
    provider: credit.provider?.trim() ?? '',
    agency: credit.agency?.trim() ?? '',
    creator,
  };
  // Fill the template, then drop the separators left around empty parts.
  const filled = style.template.replace(/\{(provider|agency|creator)\}/g, (_, key: string) => parts[key] ?? '');
  const sep = style.separator;
  if (!sep) return filled.trim();
  return filled
    .split(sep)
    .map((p) => p.trim())
    .filter(Boolean)
    .join(sep);
}

/** The full line as printed under a picture: `Bild: Getty Images/AFP/A. al-Rubaye`; empty when no credit. */
export function formatCredit(credit: Credit, style: CreditStyle = DEFAULT_HOUSE_STYLE.credit): string {
  const body = creditBody(credit, style);
  if (!body) return '';
  return style.prefix ? `${style.prefix} ${body}` : body;
}

export function hasCredit(credit: Credit): boolean {
  return creditBody(credit).length > 0;
}

/** Words that introduce a credit line in German and English copy: `Bild: dpa`, `Photograph: AP`. */
const CREDIT_PREFIX =
  /^(?:Bild(?:er)?|Fotos?|Photos?|Photograph(?:ie|y)?|Image|Picture|Bildquelle|Quelle|Credit|Copyright)\s*:\s*|^©\s*/i;

/** A credit line without its prefix (`Foto: Amit Sharma / AP` → `Amit Sharma / AP`), or null when it has none. */
export function stripCreditPrefix(line: string): string | null {
  const match = CREDIT_PREFIX.exec(line.trim());
  return match ? line.trim().slice(match[0].length).trim() : null;
}

/**
 * Splits a caption that ends with its credit, as agencies and web pages print them:
 * `Rauch über der Stadt. Foto: AP` → caption `Rauch über der Stadt.`, credit `AP`.
 */
export function splitCaptionCredit(text: string): { caption: string; credit: string } {
  const match =
    /(?:^|[\s.!?)])((?:Bild(?:er)?|Fotos?|Photos?|Photograph(?:ie|y)?|Image|Picture|Bildquelle|Credit)\s*:\s*\S.*|©\s*\S.*)$/i.exec(
      text.trim(),
    );
  if (!match) return { caption: text.trim(), credit: '' };
  const credit = stripCreditPrefix(match[1]!) ?? '';
  return {
    caption: text
      .trim()
      .slice(0, match.index + (match[0].length - match[1]!.length))
      .trim(),
    credit,
  };
}
