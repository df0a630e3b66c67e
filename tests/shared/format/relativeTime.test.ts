import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../src/shared/format/relativeTime';

describe('relativeTime', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

  it.each([
    [10, 'now'],
    [5 * 60, '5 minutes ago'],
    [3 * 3600, '3 hours ago'],
    [26 * 3600, 'yesterday'],
    [3 * 86400, '3 days ago'],
  ])('%i seconds ago reads %j', (seconds, text) => {
    expect(relativeTime(ago(seconds), now, 'en')).toBe(text);
  });

  it("speaks the reader's language, and gives the date beyond a week", () => {
    expect(relativeTime(ago(5 * 60), now, 'de')).toBe('vor 5 Minuten');
    expect(relativeTime(ago(30 * 86400), now, 'en')).toBe('Nov 2, 2026');
  });
});
