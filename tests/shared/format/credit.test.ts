import { describe, expect, it } from 'vitest';
import { abbreviateGivenNames, creditBody, formatCredit, hasCredit } from '../../../src/shared/format/credit';
import { HouseStyleSchema } from '../../../src/shared/houseStyle';

describe('formatCredit', () => {
  it('builds the seed article credit in house style', () => {
    expect(formatCredit({ provider: 'Getty Images', agency: 'AFP', creator: 'Ali al-Rubaye' })).toBe(
      'Bild: Getty Images/AFP/A. al-Rubaye',
    );
  });

  it('drops empty parts without leaving separators', () => {
    expect(formatCredit({ agency: 'dpa', creator: 'Kay Nietfeld' })).toBe('Bild: dpa/K. Nietfeld');
    expect(formatCredit({ provider: 'picture-alliance' })).toBe('Bild: picture-alliance');
    expect(formatCredit({})).toBe('');
    expect(hasCredit({ provider: '  ' })).toBe(false);
  });

  it('prefers a hand-written credit line', () => {
    expect(formatCredit({ text: 'DW/M. Müller', agency: 'AFP' })).toBe('Bild: DW/M. Müller');
  });

  it('uses the configured prefix, template and name rule', () => {
    const style = HouseStyleSchema.parse({
      credit: { prefix: 'Photo:', template: '{creator} / {agency}', separator: ' / ', abbreviateGivenNames: false },
    }).credit;
    expect(formatCredit({ agency: 'Reuters', creator: 'Ali al-Rubaye' }, style)).toBe('Photo: Ali al-Rubaye / Reuters');
    expect(creditBody({ agency: 'Reuters' }, style)).toBe('Reuters');
    const foto = HouseStyleSchema.parse({ credit: { prefix: 'Foto:' } }).credit;
    expect(formatCredit({ agency: 'dpa' }, foto)).toBe('Foto: dpa');
  });
});

describe('abbreviateGivenNames', () => {
  it.each([
    ['Ali al-Rubaye', 'A. al-Rubaye'],
    ['Jean-Pierre Dupont', 'J.-P. Dupont'],
    ['Anna Maria Beispiel', 'A. M. Beispiel'],
    ['A. al-Rubaye', 'A. al-Rubaye'],
    ['Madonna', 'Madonna'],
    ['Łukasz Żak', 'Ł. Żak'],
  ])('%s → %s', (input, expected) => {
    expect(abbreviateGivenNames(input)).toBe(expected);
  });
});
