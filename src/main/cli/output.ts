import type { ArticleSummary } from '../../shared/model/article';

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
