// Bylines by their shape: a run of names, perhaps after the one short word that introduces them.

// The word before the names in the languages Byline reads ("Von", "By", "Par", "Por", "Di", "Door").
const LEAD = /^(?:von|by|par|por|di|door|text|autor(?:in)?|author|texto|testo|tekst)\s*:?\s+/iu;
// Lower-case words inside names (Eva de Vries, Ursula von der Leyen, Ahmed al-Sharaa).
const PARTICLE = /^(?:de|del|della|der|den|di|da|do|dos|du|la|le|van|von|ter|ten|al|el|bin|ibn|zu)$/u;
const JOINS = 'and|und|et|y|e|en|&|sowie';
const JOIN = new RegExp(`^(?:${JOINS})$`, 'u');
const NAME = /^\p{Lu}[\p{Ll}’'.-]+(?:-\p{Lu}[\p{Ll}’'.-]+)?$|^\p{Lu}\.$/u;

export const hasLeadWord = (line: string) => LEAD.test(line);

/**
 * The names in a byline line, or '' when the line is not one: "Von Anna Muster, Kiew" → "Anna
 * Muster"; "Helen Smith in Lisbon" → "Helen Smith"; "By Sam Rivers and Lee Chan" → "Sam Rivers
 * and Lee Chan". Without a lead word the line must be names alone, save a place after a comma or
 * "in", as a page prints its author under the headline.
 */
export function bylineNames(line: string): string {
  if (line.length > 120) return '';
  const lead = LEAD.exec(line);
  const rest = lead ? line.slice(lead[0].length) : line;
  const tokens = rest.split(/\s+/);
  const names: string[] = [];
  let capitalised = 0;
  for (const raw of tokens) {
    const comma = raw.endsWith(',');
    const token = raw.replace(/,$/, '');
    if (NAME.test(token)) capitalised++;
    else if (!(names.length && (PARTICLE.test(token) || JOIN.test(token)))) break;
    names.push(token);
    // After a comma comes a place or an outlet ("Martin Keller, Bern"; "Rina Park, CNN").
    if (comma) break;
  }
  while (names.length && (PARTICLE.test(names.at(-1)!) || JOIN.test(names.at(-1)!))) names.pop();
  const taken = names.length;
  const tail = tokens.slice(taken);
  // One to four names a person, at most four people.
  const people = names
    .join(' ')
    .split(new RegExp(`\\s(?:${JOINS})\\s`, 'u'))
    .map((p) => p.split(' ').filter((t) => NAME.test(t)).length);
  if (
    capitalised < 2 ||
    people.length > 4 ||
    people.some((n) => n < 1 || n > 4) ||
    (people.length === 1 && people[0]! < 2)
  )
    return '';
  // What may follow the names: a place ("in Lisbon", ", Bern", "(Madrid, correspondante)") or nothing.
  const afterComma = tokens[taken - 1]?.endsWith(',') && tail.length <= 3;
  const place = tail.length <= 3 && /^(?:in|aus|en|à|em)$/u.test(tail[0] ?? '') && /^\p{Lu}/u.test(tail[1] ?? '');
  const bracket = lead !== null && /^\(.*\)$/u.test(tail.join(' '));
  if (tail.length && !afterComma && !place && !bracket) return '';
  return names.join(' ');
}
