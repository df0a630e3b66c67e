import { describe, expect, it } from 'vitest';
import { formatSignOff, mergeSignOff, parseSignOff, parseSignOffEntry } from '../../../src/shared/format/signOff';
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

describe('parseSignOffEntry (what a person types into the sign-off box)', () => {
  it.each([
    ['haz/qu (afp, dpa)', { authors: ['haz', 'qu'], agencies: ['afp', 'dpa'] }],
    ['haz/qu (afp dpa)', { authors: ['haz', 'qu'], agencies: ['afp', 'dpa'] }],
    ['haz/qu (afp/dpa)', { authors: ['haz', 'qu'], agencies: ['afp', 'dpa'] }],
    ['haz/qu (afp, dpa', { authors: ['haz', 'qu'], agencies: ['afp', 'dpa'] }],
    ['haz', { authors: ['haz'], agencies: [] }],
    ['haz, qu', { authors: ['haz', 'qu'], agencies: [] }],
    ['(afp, dpa)', { authors: [], agencies: ['afp', 'dpa'] }],
    ['dpa)', { authors: [], agencies: ['dpa'] }],
    ['ml (dpa)', { authors: ['ml'], agencies: ['dpa'] }],
    ['', { authors: [], agencies: [] }],
  ])('takes %j', (text, value) => {
    expect(parseSignOffEntry(text)).toEqual({ ok: true, value });
  });

  it.each(['Kampf um die letzte Bastion', 'haz/qu ((afp))', 'haz (afp) (dpa)', '10. November 2017'])(
    'refuses %j, naming it',
    (text) => {
      expect(parseSignOffEntry(text)).toEqual({ ok: false, problem: { code: 'signoff-not-recognised', text } });
    },
  );

  it('merges without repeating an initial or an agency', () => {
    expect(
      mergeSignOff({ authors: ['haz'], agencies: ['afp'] }, { authors: ['haz', 'qu'], agencies: ['dpa', 'afp'] }),
    ).toEqual({ authors: ['haz', 'qu'], agencies: ['afp', 'dpa'] });
  });
});
