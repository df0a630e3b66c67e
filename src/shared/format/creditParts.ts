import type { HouseStyle } from '../houseStyle';
import type { Credit } from '../model/blocks';

type Part = 'provider' | 'agency' | 'creator';

/** Words that name an organisation, not a person, in credit lines (German and English). */
const ORGANISATION_WORD =
  /^(?:images?|photos?|pictures?|press|presse|news|agency|agentur|media|archiv(?:e)?|stock|service|pool|alliance|collection|bild(?:er)?|fotos?|zentralbild|wire)$/i;
/** Lower-case name particles: al-Rubaye, von der Leyen, van Gogh, da Silva, bin Salman. */
const PARTICLE = /^(?:al|el|von|vom|der|den|van|de|da|di|do|dos|du|del|della|la|le|bin|ibn|ter|zu)$|^(?:al|el)-/;

/**
 * Whether a part of a credit line reads as a person's name: an initial ("A. al-Rubaye"), or two
 * to five words that start with a capital (or are name particles), none in capitals only (AFP)
 * and none a word organisations use (Images, Press).
 */
export function looksLikePerson(part: string): boolean {
  const words = part.trim().split(/\s+/).filter(Boolean);
  if (!words.length || words.some((w) => ORGANISATION_WORD.test(w))) return false;
  if (/^(?:\p{Lu}\.[\s-]?)+\p{L}/u.test(part.trim())) return true;
  if (words.length < 2 || words.length > 5) return false;
  const capitalised = words.filter((w) => /^\p{Lu}\p{Ll}/u.test(w));
  return capitalised.length >= 2 && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w) || PARTICLE.test(w));
}

/**
 * A printed credit line ("Getty Images/AFP/A. al-Rubaye") as the house style's parts: split at
 * the template's separator and matched to its slots. Fewer parts than slots are placed by what
 * they read as (a person's name is the creator; organisations fill provider, then agency, from the
 * right). A line that does not fit the template is kept whole as the credit's text, never cut.
 */
export function parseCreditLine(line: string, style: HouseStyle['credit']): Credit {
  const text = line.trim();
  if (!text) return {};
  const slots = [...style.template.matchAll(/\{(provider|agency|creator)\}/g)].map((m) => m[1] as Part);
  const parts = style.separator
    ? text
        .split(style.separator)
        .map((p) => p.trim())
        .filter(Boolean)
    : [text];
  if (!style.separator || parts.length > slots.length) return { text };

  const people = parts.map(looksLikePerson);
  const creatorAt = slots.indexOf('creator');
  const credit: Credit = {};
  if (parts.length === slots.length) {
    // Every slot filled: the person must stand where the template puts the creator.
    if (people.some((p, i) => p !== (i === creatorAt))) return { text };
    parts.forEach((p, i) => (credit[slots[i]!] = p));
    return credit;
  }
  const personIndex = people.indexOf(true);
  if (people.filter(Boolean).length > 1) return { text };
  if (personIndex !== -1) credit.creator = parts[personIndex]!;
  // Organisations take the organisation slots nearest the creator: a lone one is the agency.
  const organisations = parts.filter((_, i) => i !== personIndex);
  const orgSlots = slots.filter((s) => s !== 'creator');
  if (organisations.length > orgSlots.length) return { text };
  const from = orgSlots.length - organisations.length;
  organisations.forEach((o, i) => (credit[orgSlots[from + i]!] = o));
  return credit;
}
