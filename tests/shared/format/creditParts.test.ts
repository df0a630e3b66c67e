import { describe, expect, it } from 'vitest';
import { parseCreditLine } from '../../../src/shared/format/creditParts';
import { DEFAULT_HOUSE_STYLE } from '../../../src/shared/houseStyle';

// Written before parseCreditLine was: credit lines as German and English pages print them, and
// the parts a photo desk would enter for each under the default template
// "{provider}/{agency}/{creator}".
const CASES: [string, Record<string, string>][] = [
  ['Getty Images/AFP/A. al-Rubaye', { provider: 'Getty Images', agency: 'AFP', creator: 'A. al-Rubaye' }],
  [
    'picture alliance/dpa/Michael Kappeler',
    { provider: 'picture alliance', agency: 'dpa', creator: 'Michael Kappeler' },
  ],
  ['dpa', { agency: 'dpa' }],
  ['Reuters/Fabrizio Bensch', { agency: 'Reuters', creator: 'Fabrizio Bensch' }],
  ['AP Photo/Markus Schreiber', { agency: 'AP Photo', creator: 'Markus Schreiber' }],
  ['Getty Images/AFP', { provider: 'Getty Images', agency: 'AFP' }],
  ['Amit Sharma / AP', { agency: 'AP', creator: 'Amit Sharma' }],
  ['Anna Muster', { creator: 'Anna Muster' }],
  ['DW/A. Becker', { agency: 'DW', creator: 'A. Becker' }],
  ['Privat', { agency: 'Privat' }],
  ['imago images/Jürgen Heinrich', { agency: 'imago images', creator: 'Jürgen Heinrich' }],
  ['Jens Büttner/dpa-Zentralbild/dpa', { text: 'Jens Büttner/dpa-Zentralbild/dpa' }],
  ['a/b/c/d', { text: 'a/b/c/d' }],
  ['Ursula von der Leyen', { creator: 'Ursula von der Leyen' }],
  ['  dpa / Kay Nietfeld ', { agency: 'dpa', creator: 'Kay Nietfeld' }],
];

describe('credit lines into their parts, by the house style', () => {
  it.each(CASES)('%s', (line, parts) => {
    expect(parseCreditLine(line, DEFAULT_HOUSE_STYLE.credit)).toEqual(parts);
  });

  it('a template without a separator keeps the line as written', () => {
    expect(parseCreditLine('Getty Images AFP', { ...DEFAULT_HOUSE_STYLE.credit, separator: '' })).toEqual({
      text: 'Getty Images AFP',
    });
  });

  it('an empty line is no credit', () => {
    expect(parseCreditLine('  ', DEFAULT_HOUSE_STYLE.credit)).toEqual({});
  });
});
