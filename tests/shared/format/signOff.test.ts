import { describe, expect, it } from 'vitest';
import { formatSignOff, parseSignOff } from '../../../src/shared/format/signOff';
import { HouseStyleSchema } from '../../../src/shared/houseStyle';

describe('formatSignOff', () => {
  it('renders the seed article sign-off', () => {
    expect(formatSignOff({ authors: ['haz', 'qu'], agencies: ['afp', 'dpa'] })).toBe('haz/qu (afp, dpa)');
  });

  it('handles authors only, agencies only, and nothing', () => {
    expect(formatSignOff({ authors: ['ml'], agencies: [] })).toBe('ml');
    expect(formatSignOff({ authors: [], agencies: ['dpa'] })).toBe('(dpa)');
    expect(formatSignOff({ authors: [], agencies: [] })).toBe('');
  });

  it('follows the house style', () => {
    const style = HouseStyleSchema.parse({
      signOff: { authorSeparator: ', ', agencyOpen: ' / ', agencyClose: '', agencySeparator: '/', lowerCase: false },
    }).signOff;
    expect(formatSignOff({ authors: ['HAZ', 'Qu'], agencies: ['AFP', 'dpa'] }, style)).toBe('HAZ, Qu / AFP/dpa');
  });
});

describe('parseSignOff', () => {
  it.each([
    ['haz/qu (afp, dpa)', { authors: ['haz', 'qu'], agencies: ['afp', 'dpa'] }],
    ['ml (dpa)', { authors: ['ml'], agencies: ['dpa'] }],
    ['  HAZ / QU ( AFP , DPA ) ', { authors: ['haz', 'qu'], agencies: ['afp', 'dpa'] }],
    ['(AP)', { authors: [], agencies: ['ap'] }],
    ['sti/kle', { authors: ['sti', 'kle'], agencies: [] }],
    ['jj/as (epd, KNA)', { authors: ['jj', 'as'], agencies: ['epd', 'kna'] }],
  ])('reads %j', (line, expected) => {
    expect(parseSignOff(line)).toEqual(expected);
  });

  it.each(['Politik', 'Kampf um die letzte Bastion', '', 'Die Stadt (im Norden) fiel.', '10. November 2017'])(
    'does not mistake prose %j for a sign-off',
    (line) => {
      expect(parseSignOff(line)).toBeNull();
    },
  );

  it('round-trips with formatSignOff', () => {
    const signOff = { authors: ['haz', 'qu'], agencies: ['afp', 'dpa'] };
    expect(parseSignOff(formatSignOff(signOff))).toEqual(signOff);
  });
});
