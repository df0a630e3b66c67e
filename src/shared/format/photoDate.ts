/**
 * A picture's creation date as its file states it (EXIF "2017:11:10 12:34:56", XMP ISO 8601 with
 * or without a zone, IIM "20171110") shown as a date a person reads; a value that is none of
 * these is shown as it is, never guessed at.
 */
export function formatPhotoDate(value: string | undefined, locale?: string): string | undefined {
  if (!value) return value;
  const m =
    /^(\d{4})[:-]?(\d{2})[:-]?(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      value.trim(),
    );
  if (!m) return value;
  const [, y, mo, d, h, mi, s, zone] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return value;
  if (h === undefined)
    return new Date(Date.UTC(+y!, +mo! - 1, +d!)).toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  // A time without a zone is the camera's local time: shown as written, not moved to this machine's zone.
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${zone ? zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'Z'}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', ...(zone ? {} : { timeZone: 'UTC' }) });
}
