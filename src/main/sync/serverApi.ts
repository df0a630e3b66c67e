// Requests to the newsroom server, with its answers and failures in Byline's own terms: a server
// that cannot be reached is "offline" (what waits stays), one that refuses says why.
import { BylineError } from '../../shared/errors';

const TIMEOUT_MS = 30_000;

/** Node's names for a certificate this machine does not trust, or that is not for this server. */
const CERTIFICATE_CODES =
  /^(SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|ERR_TLS_CERT_ALTNAME_INVALID|CERT_UNTRUSTED|CERT_REVOKED)$/;

/**
 * Why a request did not reach the server, in words: fetch says only "fetch failed", with the
 * reason in its cause. A certificate this machine does not trust is named as such (it is not a
 * network that is down, and waiting will not mend it).
 */
export function unreachable(url: string, error: unknown): BylineError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code && CERTIFICATE_CODES.test(cause.code)) {
    return new BylineError(
      'io',
      `The newsroom server at ${url} shows a certificate this machine does not trust (${cause.code}: ${cause.message ?? ''}). Install the newsroom's certificate authority on this machine (for the byline command: NODE_EXTRA_CA_CERTS), or check the address.`,
      { problem: 'certificate' },
    );
  }
  const why = cause?.code ?? cause?.message ?? (error as Error).message;
  return new BylineError(
    'io',
    `The newsroom server at ${url} cannot be reached (${why}); what waits here stays and goes out next time.`,
    { problem: 'offline' },
  );
}

async function request(
  url: string,
  token: string,
  method: string,
  route: string,
  init: { json?: unknown; bytes?: Buffer } = {},
): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  if (init.bytes) headers['content-type'] = 'application/octet-stream';
  let res: Response;
  try {
    res = await fetch(`${url}${route}`, {
      method,
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.bytes ? new Uint8Array(init.bytes) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw unreachable(url, error);
  }
  if (!res.ok) {
    const json = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string } };
    const code =
      res.status === 401 ? 'forbidden' : res.status === 404 ? 'not-found' : res.status === 409 ? 'conflict' : 'io';
    throw new BylineError(code, `The newsroom server refused: ${json.error?.message ?? `HTTP ${res.status}`}`, {
      problem: json.error?.code ?? 'http',
    });
  }
  return res;
}

/** A JSON request (body: `json`) answered with JSON. */
export async function call<T>(
  url: string,
  token: string,
  method: 'GET' | 'POST' | 'PUT',
  route: string,
  json?: unknown,
): Promise<T> {
  return (await (await request(url, token, method, route, { json })).json()) as T;
}

/** Bytes sent (a picture's chunk), JSON answered. */
export async function sendBytes<T>(url: string, token: string, route: string, bytes: Buffer): Promise<T> {
  return (await (await request(url, token, 'PUT', route, { bytes })).json()) as T;
}

/** Bytes fetched (a picture). */
export async function fetchBytes(url: string, token: string, route: string): Promise<Buffer> {
  return Buffer.from(await (await request(url, token, 'GET', route)).arrayBuffer());
}
