import { BylineError, describeIssues, type ErrorInfo } from '../../shared/errors';
import { isChannel, type Channel } from '../../shared/ipc/channels';
import { contract, type OutputOf, type ParsedInputOf, type Result } from '../../shared/ipc/contract';
import { translateFileError } from '../fileErrors';

export type Handlers = {
  [C in Channel]: (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
};

const fail = (error: ErrorInfo): Result<never> => ({ ok: false, error });

/** A payload checked against the channel's schema: parsed, or refused naming the fields. */
export function checkPayload<C extends Channel>(channel: C, payload: unknown): Result<ParsedInputOf<C>> {
  const parsed = contract[channel].input.safeParse(payload);
  if (parsed.success) return { ok: true, value: parsed.data as ParsedInputOf<C> };
  return fail({
    code: 'invalid-input',
    message: `Invalid ${channel} request: ${describeIssues(parsed.error.issues)}.`,
  });
}

/**
 * The one door into the main process: checks the channel and the payload against the contract,
 * runs the handler, and turns every failure into a typed error a person can read. Never throws.
 */
export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail({ code: 'forbidden', message: `Unknown request "${String(channel).slice(0, 60)}".` });
  }
  const parsed = checkPayload(channel, payload);
  if (!parsed.ok) return parsed;
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.value) };
  } catch (caught) {
    const error = translateFileError(caught) ?? caught;
    if (error instanceof BylineError) return fail(error.toInfo());
    console.error(`[byline] ${channel} failed:`, error);
    return fail({
      code: 'internal',
      message: `Byline hit an unexpected error while handling ${channel}: ${(error as Error)?.message ?? String(error)}`,
    });
  }
}
