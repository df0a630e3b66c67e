import type { Credit } from '../model/blocks';
import type { PhotoMetadata } from '../model/photo';
import { abbreviateGivenNames, stripCreditPrefix } from './credit';

const clean = (s: string | undefined) => (s ? (stripCreditPrefix(s) ?? s).replace(/^©\s*/, '').trim() : '');
const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Credit parts from what a picture's file says, for the photo editor to confirm:
 * - the photographer is the first creator;
 * - the credit line gives provider and agency: `AFP via Getty Images` and `Getty Images/AFP`
 *   both give provider Getty Images and agency AFP; a single name is the agency;
 * - without a credit line, a source other than the photographer is the agency.
 */
export function creditFromMetadata(m: PhotoMetadata): Credit {
  const creator = m.creators?.[0]?.trim() || undefined;
  const line = clean(m.creditLine);
  const credit: Credit = {};
  if (line) {
    const via = /^(.+?)\s+via\s+(.+)$/i.exec(line);
    const parts = via ? [via[2]!, via[1]!] : line.split(/\s*\/\s*/).filter(Boolean);
    // A line that ends with the photographer's name says nothing more about them.
    if (creator && parts.length > 1 && sameName(parts.at(-1)!, creator)) parts.pop();
    if (parts.length >= 2) [credit.provider, credit.agency] = [parts[0], parts.slice(1).join('/')];
    else if (!creator || !sameName(parts[0]!, creator)) credit.agency = parts[0];
  } else {
    const source = clean(m.source);
    if (source && !(creator && sameName(source, creator))) credit.agency = source;
  }
  if (creator) credit.creator = creator;
  return credit;
}

/** `Ali al-Rubaye`, `A. al-Rubaye` and `ali al-rubaye` are one person. */
export function sameName(a: string, b: string): boolean {
  return fold(a) === fold(b) || fold(abbreviateGivenNames(a)) === fold(abbreviateGivenNames(b));
}

/**
 * Where a picture's credit contradicts its file, in words a photo editor reads: a photographer
 * other than the file's creator, or a provider/agency the file's credit line and source do not
 * name. Empty when they agree, or when the file says nothing to compare with.
 */
export function creditConflicts(credit: Credit, m: PhotoMetadata): string[] {
  const problems: string[] = [];
  const creators = m.creators ?? [];
  if (creators.length) {
    if (credit.creator?.trim() && !creators.some((c) => sameName(c, credit.creator!))) {
      problems.push(`the photographer "${credit.creator.trim()}" is not the file's creator "${creators.join(', ')}"`);
    }
    const text = credit.text?.trim();
    if (text && !creators.some((c) => fold(text).includes(fold(c.trim().split(/\s+/).at(-1) ?? c)))) {
      problems.push(`the credit "${text}" does not name the file's creator "${creators.join(', ')}"`);
    }
  }
  const fileLine = fold(`${m.creditLine ?? ''} ${m.source ?? ''}`);
  if (fileLine.trim()) {
    for (const [part, value] of [
      ['provider', credit.provider],
      ['agency', credit.agency],
    ] as const) {
      if (value?.trim() && !fileLine.includes(fold(value)))
        problems.push(`the ${part} "${value.trim()}" is not in the file's credit line "${m.creditLine ?? m.source}"`);
    }
  }
  return problems;
}
