import { describe, expect, it } from 'vitest';
import { bylineNames } from '../../../../src/main/import/pageText/byline';
import { readSignOffLine } from '../../../../src/main/import/pageText/signOffLine';

describe('bylines by their shape', () => {
  it.each([
    ['Von Anna Muster, Kiew', 'Anna Muster'],
    ['By Sam Rivers and Lee Chan', 'Sam Rivers and Lee Chan'],
    ['Helen Smith in Lisbon', 'Helen Smith'],
    ['Par Claire Dubois (Madrid, correspondante)', 'Claire Dubois'],
    ['di Marco Rossi', 'Marco Rossi'],
    ['Eva de Vries', 'Eva de Vries'],
    ['Von: Lena Huber', 'Lena Huber'],
    ['By Rina Park, CNN', 'Rina Park'],
  ])('%s → %s', (line, names) => expect(bylineNames(line)).toBe(names));

  it.each([
    'Senate Passes Stopgap Bill, Averting a Shutdown Hours Before Deadline',
    'BBC News, Cardiff',
    'Share full article',
    'Reporting from Washington',
    'Sam Rivers covers Congress for The Times.',
    'Politik',
    'Alle akzeptieren',
  ])('%s is no byline', (line) => expect(bylineNames(line)).toBe(''));
});

describe('sign-off lines', () => {
  it.each([
    ['haz/qu (afp, dpa)', ['haz', 'qu'], ['afp', 'dpa']],
    ['mrc/dpa/Reuters', ['mrc'], ['dpa', 'reuters']],
    ['dpa/lby', [], ['dpa', 'lby']],
    ['(AFP)', [], ['afp']],
    ['Reuters', [], ['reuters']],
    ['sid', [], ['sid']],
    ['(jk)', ['jk'], []],
    ['haz/qu', ['haz', 'qu'], []],
  ])('%s', (line, authors, agencies) => expect(readSignOffLine(line)).toEqual({ authors, agencies }));

  it.each(['Politik', 'Share', 'Weitere Artikel', 'Read more'])('%s is no sign-off', (line) =>
    expect(readSignOffLine(line)).toBeNull(),
  );
});
