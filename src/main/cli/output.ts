import type { ArticleSummary } from '../../shared/model/article';
import type { SourceLine } from '../../shared/model/pageMapping';

/** Where a command writes; tests pass buffers, the real CLI passes the process streams. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** A one-line progress report that the next one overwrites (terminals only; '' clears it). */
  progress?(text: string): void;
}

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

export function summaryLine(a: ArticleSummary): string {
  const when = a.updatedAt.replace('T', ' ').slice(0, 16);
  return `${a.id}  r${String(a.revision).padEnd(3)} ${a.status.padEnd(14)} ${when}  ${a.headline || '(no headline)'}`;
}

/** `import --explain`: each source line (1-based, as editors count) with the field it went to; "-" for lines outside the article, "*" for a person's correction. */
export function explainMapping(mapping: readonly SourceLine[]): string {
  return mapping
    .map((l) => {
      const lines = l.to > l.line ? `${l.line + 1}-${l.to + 1}` : String(l.line + 1);
      const role = `${l.role === 'page' ? '-' : l.role}${l.fixed ? '*' : ''}`;
      return `  ${lines.padStart(7)}  ${role.padEnd(10)} ${l.text.length > 100 ? `${l.text.slice(0, 99)}…` : l.text}`;
    })
    .join('\n');
}
