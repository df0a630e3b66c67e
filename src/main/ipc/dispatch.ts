import { BylineError, describeIssues, type ErrorInfo } from '../../shared/errors';
import { isChannel, type Channel } from '../../shared/ipc/channels';
import { contract, type OutputOf, type ParsedInputOf, type Result } from '../../shared/ipc/contract';
import { translateFileError } from '../fileErrors';

export type Handlers = {
  [C in Channel]: (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
};

const fail = (error: ErrorInfo): Result<never> => ({ ok: false, error });

/**
 * The one door into the main process: checks the channel and the payload against the contract,
 * runs the handler, and turns every failure into a typed error a person can read. Never throws.
 */
export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail({ code: 'forbidden', message: `Unknown request "${String(channel).slice(0, 60)}".` });
  }
  const parsed = contract[channel].input.safeParse(payload);
  if (!parsed.success) {
    return fail({ code: 'invalid-input', message: `Invalid ${channel} request: ${describeIssues(parsed.error.issues)}.` });
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (caught) {
    const error = translateFileError(caught) ?? caught;
    if (error instanceof BylineError) return fail(error.toInfo());
    console.error(`[byline] ${channel} failed:`, error);
    return fail({ code: 'internal', message: `Byline hit an unexpected error while handling ${channel}: ${(error as Error)?.message ?? String(error)}` });
  }
}
