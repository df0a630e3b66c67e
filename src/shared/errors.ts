/**
 * Errors that cross process boundaries. Each has a stable code for programs and a message written
 * for the person in front of the screen: what happened, and what was (not) changed.
 */
export const ERROR_CODES = [
  'invalid-input',
  'not-found',
  'conflict',
  'in-trash',
  'store-newer',
  'store-corrupt',
  'store-not-sqlite',
  'store-readonly',
  'disk-full',
  'io',
  'forbidden',
  'internal',
  /** The person cancelled a long job; nothing it had begun was kept. */
  'cancelled',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Structured detail for programs, e.g. the newer revision in a conflict. */
  details?: Record<string, unknown>;
}

export class BylineError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BylineError';
    this.code = code;
    this.details = details;
  }

  toInfo(): ErrorInfo {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export function isBylineError(e: unknown): e is BylineError {
  return e instanceof BylineError;
}

/** Turns a zod error into one line that names the fields: `headline: Too big; body.0.type: …`. */
export function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
