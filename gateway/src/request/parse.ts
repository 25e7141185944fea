import type http from 'node:http';
import { ErrorCode, readBody, type RequestLimits } from '@ubos/kernel';
import { exceededTextLimit, limitMessage } from './limits.js';
import { Refusal } from './refusal.js';

/**
 * Reads a POST body (or takes a GET's query) and checks everything that can be checked on the
 * text, before anything parses the query: body bytes, the batch, query characters and tokens.
 * Returns the JSON body (undefined for a GET); refuses with HTTP 400.
 */
export async function readGraphQLRequest(req: http.IncomingMessage, url: URL, limits: RequestLimits, requestId: string): Promise<unknown> {
  const refuse = (message: string, extensions: Record<string, unknown>, close = false) =>
    new Refusal(400, message, { ...extensions, requestId }, { 'x-request-id': requestId, ...(close ? { connection: 'close' } : {}) });
  // `close`: the body was not read, so the connection is closed after the answer rather than drained.
  const refuseLimit = (limit: 'body' | 'query' | 'tokens', close = false) => refuse(limitMessage(limit), { code: ErrorCode.BAD_USER_INPUT, limit }, close);
  const checkQueryText = (query: unknown) => {
    const exceeded = exceededTextLimit(query, limits);
    if (exceeded) throw refuseLimit(exceeded);
  };

  if (req.method !== 'POST') {
    checkQueryText(url.searchParams.get('query') ?? undefined);
    return undefined;
  }
  // GraphQL over HTTP: a POST body is JSON, said so by its content type. Anything else
  // (none, a form, text) is refused unread, which also keeps browsers' simple cross-site
  // requests out.
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new Refusal(415, 'Unsupported content type: send the request as application/json', { code: 'BAD_REQUEST', requestId }, { 'x-request-id': requestId, connection: 'close' });
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBodyBytes) throw refuseLimit('body', true);
  // A body without a declared length that grows past the limit is refused as it passes it.
  const raw = await readBody(req, limits.maxBodyBytes);
  if (!raw) throw refuseLimit('body', true);
  const text = raw.toString('utf8');
  if (!text) throw refuse('Request body is empty', { code: 'BAD_REQUEST' });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw refuse('Request body is not valid JSON', { code: 'BAD_REQUEST' });
  }
  // Batching is off unless UBOS_MAX_BATCH allows it; each operation of a batch then passes
  // every limit on its own (the rate limiter charges each one too).
  if (Array.isArray(body)) {
    if (limits.maxBatchSize === 0 || body.length === 0) throw refuse('Batched requests are not supported', { code: 'BAD_REQUEST' });
    if (body.length > limits.maxBatchSize) throw refuse('Too many operations in one request', { code: 'BAD_REQUEST', limit: 'batch' });
    for (const entry of body) checkQueryText(queryOf(entry));
  } else {
    checkQueryText(queryOf(body));
  }
  return body;
}

const queryOf = (entry: unknown): unknown => (entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>).query : undefined);

/** `application/json`, with no charset or utf-8 (the only one the spec allows). */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => !parameter.startsWith('charset=') || /^charset="?utf-?8"?$/.test(parameter));
}
