import { describe, expect, it } from 'vitest';
import { formatPhotoDate } from '../../../src/shared/format/photoDate';

describe('formatPhotoDate', () => {
  it.each([
    ['2017:11:10 12:34:56', 'Nov 10, 2017, 12:34 PM'],
    ['2017-11-10T12:34:56', 'Nov 10, 2017, 12:34 PM'],
    ['20171110', 'Nov 10, 2017'],
    ['2017-11-10', 'Nov 10, 2017'],
  ])('reads %j as a date', (raw, shown) => {
    expect(formatPhotoDate(raw, 'en-US')).toBe(shown);
  });

  it('takes a zone into account, and leaves what is not a date as it is', () => {
    expect(formatPhotoDate('2017-11-10T12:34:56+01:00', 'en-US')).toMatch(/^Nov 10, 2017/);
    expect(formatPhotoDate('irgendwann 2017', 'en-US')).toBe('irgendwann 2017');
    expect(formatPhotoDate('2017:13:45 10:00:00', 'en-US')).toBe('2017:13:45 10:00:00');
    expect(formatPhotoDate(undefined)).toBeUndefined();
  });
});
