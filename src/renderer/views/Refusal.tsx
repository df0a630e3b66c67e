import type { Missing, MissingTarget } from '../../shared/workflow';

export interface Problem {
  message: string;
  /** When the refusal names what is missing: one line each, with a way to get there. */
  lead?: string;
  missing?: Missing[];
}

/** Reads a refusal from the main process: its sentence, and the missing items when it names them. */
export function problemOf(error: unknown): Problem {
  const e = error as { message?: string; details?: { lead?: unknown; missing?: unknown } };
  const missing = Array.isArray(e.details?.missing) ? (e.details.missing as Missing[]) : undefined;
  const lead = typeof e.details?.lead === 'string' ? e.details.lead : undefined;
  return { message: e.message ?? String(error), ...(missing?.length && lead ? { lead, missing } : {}) };
}

/** An error beside the action that caused it; a refusal lists what is missing, one per line, each with "Go there". */
export function Refusal({
  problem,
  onGo,
  onDismiss,
}: {
  problem: Problem;
  onGo(target: MissingTarget): void;
  onDismiss(): void;
}) {
  return (
    <div role="alert" className="error-banner refusal">
      {problem.missing ? (
        <>
          <p>{problem.lead}</p>
          <ul>
            {problem.missing.map((m, i) => (
              <li key={i}>
                {m.text}{' '}
                <button type="button" className="link" onClick={() => onGo(m.target)}>
                  Go there
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        problem.message
      )}
      <button type="button" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
