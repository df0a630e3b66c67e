import { describe, expect, it } from 'vitest';
import { formatCredit } from '../../../src/shared/format/credit';
import { creditConflicts, creditFromMetadata, sameName } from '../../../src/shared/format/creditFromMetadata';

describe("credit from a picture's metadata", () => {
  it('builds the house-style line from an agency picture, whichever way the credit line is written', () => {
    for (const creditLine of [
      'AFP via Getty Images',
      'Getty Images/AFP',
      'Getty Images / AFP',
      'Getty Images/AFP/Ali al-Rubaye',
      '© Getty Images/AFP',
    ]) {
      const credit = creditFromMetadata({ creators: ['Ali al-Rubaye'], creditLine, source: 'AFP' });
      expect(formatCredit(credit), creditLine).toBe('Bild: Getty Images/AFP/A. al-Rubaye');
    }
  });

  it('reads the IPTC examples: agency, staff and independent photographers', () => {
    expect(
      creditFromMetadata({ creators: ['Julie Doe'], creditLine: 'Mugwum Press', source: 'Julie Doe / Mugwum Press' }),
    ).toEqual({ agency: 'Mugwum Press', creator: 'Julie Doe' });
    expect(creditFromMetadata({ creators: ['John Doe'], creditLine: 'Big Newspaper' })).toEqual({
      agency: 'Big Newspaper',
      creator: 'John Doe',
    });
    expect(creditFromMetadata({ creators: ['David Riecks'], source: 'David Riecks Photography' })).toEqual({
      agency: 'David Riecks Photography',
      creator: 'David Riecks',
    });
    expect(creditFromMetadata({ creators: ['Anna Muster'], creditLine: 'Anna Muster' })).toEqual({
      creator: 'Anna Muster',
    });
    expect(creditFromMetadata({})).toEqual({});
  });

  it('knows a person by full or abbreviated given names', () => {
    expect(sameName('Ali al-Rubaye', 'A. al-Rubaye')).toBe(true);
    expect(sameName('ali  al-rubaye', 'Ali al-Rubaye')).toBe(true);
    expect(sameName('Ali al-Rubaye', 'Omar al-Rubaye')).toBe(false);
  });

  it('names where a credit contradicts the file, and finds nothing where they agree', () => {
    const file = { creators: ['Ali al-Rubaye'], creditLine: 'AFP via Getty Images' };
    expect(creditConflicts({ provider: 'Getty Images', agency: 'AFP', creator: 'A. al-Rubaye' }, file)).toEqual([]);
    expect(creditConflicts({ provider: 'Getty Images', agency: 'Reuters', creator: 'Omar Sanadiki' }, file)).toEqual([
      'the photographer "Omar Sanadiki" is not the file\'s creator "Ali al-Rubaye"',
      'the agency "Reuters" is not in the file\'s credit line "AFP via Getty Images"',
    ]);
    expect(creditConflicts({ text: 'dpa' }, file)).toEqual([
      'the credit "dpa" does not name the file\'s creator "Ali al-Rubaye"',
    ]);
    expect(creditConflicts({ agency: 'dpa' }, {})).toEqual([]);
  });
});
