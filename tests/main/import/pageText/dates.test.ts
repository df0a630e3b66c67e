import { describe, expect, it } from 'vitest';
import { findDate, readDateLine } from '../../../../src/main/import/pageText/dates';

describe('dates as pages print them', () => {
  it.each([
    // The forms the issue names.
    ['18.11.2026, 23.41 Uhr', '2026-11-18T23:41:00.000Z'],
    ['Stand: 23.11.2026 14:05 Uhr', '2026-11-23T14:05:00.000Z'],
    ['Sun 22 Nov 2026 06.00 GMT', '2026-11-22T06:00:00.000Z'],
    ['20 November 2026', '2026-11-20T00:00:00.000Z'],
    ['November 20, 2026, 3:05 PM', '2026-11-20T15:05:00.000Z'],
    // Other languages, from CLDR month names.
    ['Publié le 20 novembre 2026 à 14h05', '2026-11-20T14:05:00.000Z'],
    ['Sevilla, 4 de marzo de 2026. Actualizado a las 09:30 CET', '2026-03-04T08:30:00.000Z'],
    ['3 marzo 2026', '2026-03-03T00:00:00.000Z'],
    ['Aangepast 2 maart 2026, 09:15', '2026-03-02T09:15:00.000Z'],
    ['12. Jänner 2026', '2026-01-12T00:00:00.000Z'],
    ['3 févr. 2026', '2026-02-03T00:00:00.000Z'],
    ['Updated 3:05 PM EST, Fri November 20, 2026', '2026-11-20T20:05:00.000Z'],
    ['Samstag, 21. November 2026, 17:22 Uhr', '2026-11-21T17:22:00.000Z'],
    ['20/11/2026 14:05', '2026-11-20T14:05:00.000Z'],
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
  ])('reads %s', (line, iso) => expect(readDateLine(line)?.iso).toBe(iso));

  it('takes the time next to the first date, not one that belongs to a later date', () => {
    expect(readDateLine('20 novembre 2026 (modifica il 21 novembre 2026 | 08:12)')?.iso).toBe(
      '2026-11-20T00:00:00.000Z',
    );
  });

  it.each([
    'Kampf um die letzte Bastion',
    '40 Prozent',
    '31.02.2026',
    '32.13.2017',
    'Die Bundesregierung hat am 20. November 2026 das Rentenpaket auf den Weg gebracht, das Kritik auslöste.',
    'Bayer Leverkusen gewann am 21. November 2026 mit 2:1.',
  ])('does not take %s for a date line', (line) => expect(readDateLine(line)).toBeNull());

  it('finds a date inside prose without calling the line a date line', () => {
    expect(findDate('Das Gesetz tritt am 1. Juli 2027 in Kraft.')?.iso).toBe('2027-07-01T00:00:00.000Z');
  });
});
