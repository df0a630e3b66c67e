import type { Article } from './article';

/** JSON with keys in order, so the same value reads the same wherever it was stored (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Whether two revisions of an article say the same, numbers, times and status aside. */
export function sameText(a: Article, b: Article): boolean {
  const text = ({ revision: _r, createdAt: _c, updatedAt: _u, status: _s, ...rest }: Article) => canonicalJson(rest);
  return text(a) === text(b);
}
