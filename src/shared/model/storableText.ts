/**
 * U+0000 and a lone half of a surrogate pair: no character a person can type or see, and the
 * newsroom server's PostgreSQL (jsonb) cannot store them. They arrive only in imported files.
 */
// eslint-disable-next-line no-control-regex -- finding U+0000 is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether any string in the value (its keys included) holds such a character. */
export function hasUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return value.search(UNSTORABLE) !== -1;
  if (Array.isArray(value)) return value.some(hasUnstorableText);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => hasUnstorableText(k) || hasUnstorableText(v));
  return false;
}

/** The value with every such character taken out of its strings; the value itself when it has none. */
export function withoutUnstorableText<T>(value: T): T {
  if (!hasUnstorableText(value)) return value;
  const clean = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(UNSTORABLE, '');
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [clean(k), clean(x)]));
    return v;
  };
  return clean(value) as T;
}
