import type http from 'node:http';
import type { GatewayContext } from '../context.js';
import { callerView } from './errors.js';
import { recordOperation } from './log.js';
import { observeOperation } from './metrics.js';
import { badRequest as badRequestError, refusal, type GraphQLRequest, type OperationAnswer, type OperationRunner } from './operation.js';

export interface Operation {
  /** The JSON body as read (undefined for a GET, whose operation is in `url`). */
  body: unknown;
  url: URL;
  context: GatewayContext;
  /** Whether a JSON array body may carry several operations (UBOS_MAX_BATCH > 0). */
  batches: boolean;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';

/**
 * GraphQL over HTTP around the operation runner: what Apollo Server's HTTP layer did for the
 * gateway, with the same messages. The request's shape (method, GET parameters, POST fields),
 * CSRF prevention, batches, the response's content type from `accept`, then one answer: the
 * caller's view of the errors, its status, `cache-control: no-store`, the request's log record
 * and metrics.
 */
export async function execute(runner: OperationRunner, req: http.IncomingMessage, res: http.ServerResponse, operation: Operation): Promise<void> {
  const startedAt = performance.now();
  const { context } = operation;
  const contentType = negotiateContentType(req.headers.accept);
  const { answers, batch } = await answersTo(runner, req, contentType, operation);
  const headers: Record<string, string> = { 'cache-control': 'no-store', 'content-type': contentType ?? JSON_TYPE, 'x-request-id': context.requestId };
  let status = 0;
  const texts = answers.map((answer) => {
    const view = callerView(answer, context.requestId, answer.document);
    recordOperation(context.record, answer.operationName, view.errors);
    observeOperation(context.organizationId, answer.operationName, answer.operation?.operation, view.status, startedAt);
    Object.assign(headers, answer.headers);
    // A batch answers with the worst of its operations' statuses.
    status = Math.max(status, view.status);
    return `${JSON.stringify({ errors: view.errors, data: answer.data, extensions: answer.extensions })}\n`;
  });
  res.writeHead(legacyJsonStatus(req, status, headers['content-type']!), headers);
  res.end(batch ? `[${texts.join(',')}]` : texts[0]);
}

/** The answers to a request: one per operation of a batch, else one. */
async function answersTo(runner: OperationRunner, req: http.IncomingMessage, contentType: string | null, { body, url, context, batches }: Operation): Promise<{ answers: OperationAnswer[]; batch: boolean }> {
  const method = req.method ?? 'GET';
  const one = (answer: OperationAnswer) => ({ answers: [answer], batch: false });
  const refused = csrfRefusal(req.headers) ?? methodRefusal(method, req.headers['content-type']);
  if (refused) return one(refused);
  // Before anything runs: a mutation must not run for an answer the client cannot read.
  if (!contentType) return one(badRequest(`An 'accept' header was provided for this request which does not accept ${JSON_TYPE} or ${GRAPHQL_RESPONSE_TYPE}`, 406));
  if (method !== 'POST' || !Array.isArray(body)) return one(await runOne(runner, requestOf(method, body, url), context, method));
  if (!batches) return one(badRequest('Operation batching disabled.'));
  if (body.length === 0) return one(badRequest('No operations found in request.'));
  return { answers: await Promise.all(body.map((piece) => runOne(runner, requestOf(method, piece, url), context, method))), batch: true };
}

async function runOne(runner: OperationRunner, request: GraphQLRequest | OperationAnswer, context: GatewayContext, method: string): Promise<OperationAnswer> {
  if ('refused' in request) return request;
  return runner.run(request, context, method);
}

/** A request refused over HTTP before any operation of it ran. */
function badRequest(message: string, status = 400, headers: Record<string, string> = {}): OperationAnswer {
  return refusal([badRequestError(message)], null, status, headers);
}

const NON_PREFLIGHTED_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

/**
 * CSRF prevention, as Apollo Server's: a request a browser may send cross-site without a
 * preflight (no content type, or a form's or text's) must carry a header that forces one. POSTs
 * are JSON anyway (parse.ts); this is what keeps a cross-site GET from running as the user.
 */
function csrfRefusal(headers: http.IncomingHttpHeaders): OperationAnswer | undefined {
  const contentType = headers['content-type'];
  if (contentType !== undefined && !NON_PREFLIGHTED_CONTENT_TYPES.includes(essence(contentType))) return undefined;
  if (PREFLIGHT_HEADERS.some((name) => (headers[name]?.length ?? 0) > 0)) return undefined;
  return badRequest(
    'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). ' +
      `Please either specify a 'content-type' header (with a type that is not one of ${NON_PREFLIGHTED_CONTENT_TYPES.join(', ')}) ` +
      `or provide a non-empty value for one of the following headers: ${PREFLIGHT_HEADERS.join(', ')}\n`,
  );
}

function methodRefusal(method: string, contentType: string | undefined): OperationAnswer | undefined {
  if (method === 'GET') {
    if (contentType !== undefined && essence(contentType) !== 'application/json') return badRequest('GET requests may not have a content-type header other than application/json.', 415);
    return undefined;
  }
  if (method === 'POST') return undefined;
  return badRequest('Only GET and POST requests are supported.', 405, { allow: 'GET, POST' });
}

const essence = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);

/** The GraphQL request of a POST body or a GET's parameters, or the refusal of its shape. */
function requestOf(method: string, body: unknown, url: URL): GraphQLRequest | OperationAnswer {
  if (method === 'GET') {
    const search = url.searchParams;
    const once = (name: string): string | undefined => {
      const values = search.getAll(name);
      if (values.length > 1) throw badRequest(`The '${name}' search parameter may only be specified once.`);
      return values[0];
    };
    const jsonObject = (name: string): Record<string, unknown> | undefined => {
      const text = once(name);
      if (text === undefined) return undefined;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw badRequest(`The ${name} search parameter contains invalid JSON.`);
      }
      if (!isRecord(value)) throw badRequest(`The ${name} search parameter should contain a JSON-encoded object.`);
      return value;
    };
    try {
      return { query: once('query'), operationName: once('operationName'), variables: jsonObject('variables'), extensions: jsonObject('extensions') };
    } catch (refusal) {
      return refusal as OperationAnswer;
    }
  }
  if (!isRecord(body) || Object.keys(body).length === 0) return badRequest('POST body missing, invalid Content-Type, or JSON object has no keys.');
  const { query, variables, extensions, operationName } = body;
  if (query !== undefined && query !== null && query !== '' && typeof query !== 'string') return badRequest('GraphQL queries must be strings.');
  if (typeof variables === 'string') return badRequest('`variables` in a POST body should be provided as an object, not a recursively JSON-encoded string.');
  if (typeof extensions === 'string') return badRequest('`extensions` in a POST body should be provided as an object, not a recursively JSON-encoded string.');
  if (extensions !== undefined && extensions !== null && !isRecord(extensions)) return badRequest('`extensions` in a POST body must be an object if provided.');
  if (variables !== undefined && variables !== null && !isRecord(variables)) return badRequest('`variables` in a POST body must be an object if provided.');
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return badRequest('`operationName` in a POST body must be a string if provided.');
  return {
    query: typeof query === 'string' ? query : undefined,
    operationName: typeof operationName === 'string' ? operationName : undefined,
    variables: isRecord(variables) ? variables : undefined,
    extensions: isRecord(extensions) ? extensions : undefined,
  };
}

interface MediaRange {
  type: string;
  subtype: string;
  parameters: Map<string, string>;
  q: number;
  index: number;
}

const OFFERED = [
  { value: JSON_TYPE, type: 'application', subtype: 'json' },
  { value: GRAPHQL_RESPONSE_TYPE, type: 'application', subtype: 'graphql-response+json' },
];
const negotiated = new Map<string, string | null>();

/**
 * The answer's content type for an `accept` header, as Apollo Server chose it (with the
 * `negotiator` package's rules): the highest q, then the most specific range, then the order
 * the client listed them, then JSON first. No header: JSON. Nothing acceptable: null (406).
 * Clients send the same few headers, so each is worked out once.
 */
export function negotiateContentType(accept: string | undefined): string | null {
  if (!accept) return JSON_TYPE;
  const known = negotiated.get(accept);
  if (known !== undefined) return known;
  const ranges = accept.split(',').flatMap((part, index): MediaRange[] => {
    const [range, ...parameterTexts] = part.split(';').map((piece) => piece.trim());
    const [type, subtype] = (range ?? '').toLowerCase().split('/');
    if (!type || !subtype) return [];
    const parameters = new Map<string, string>();
    let q = 1;
    for (const text of parameterTexts) {
      const [name, value = ''] = text.split('=').map((piece) => piece.trim());
      if (!name) continue;
      if (name.toLowerCase() === 'q') q = Number.parseFloat(value) || 0;
      else parameters.set(name.toLowerCase(), value.replace(/^"|"$/g, '').toLowerCase());
    }
    return [{ type, subtype, parameters, q, index }];
  });
  const choices = OFFERED.flatMap((offer, offerIndex) => {
    let best: { q: number; s: number; o: number } | undefined;
    for (const range of ranges) {
      let s = 0;
      if (range.type === offer.type) s |= 4;
      else if (range.type !== '*') continue;
      if (range.subtype === offer.subtype) s |= 2;
      else if (range.subtype !== '*') continue;
      // The offers' only parameter is charset=utf-8.
      if ([...range.parameters].some(([name, value]) => name !== 'charset' || value !== 'utf-8')) continue;
      if (range.parameters.size > 0) s |= 1;
      if (!best || s > best.s || (s === best.s && (range.q > best.q || (range.q === best.q && range.index < best.o)))) best = { q: range.q, s, o: range.index };
    }
    return best && best.q > 0 ? [{ ...best, offerIndex, value: offer.value }] : [];
  });
  choices.sort((a, b) => b.q - a.q || b.s - a.s || a.o - b.o || a.offerIndex - b.offerIndex);
  const chosen = choices[0]?.value ?? null;
  if (negotiated.size < 100) negotiated.set(accept, chosen);
  return chosen;
}

/**
 * GraphQL over HTTP: a client that accepts only the legacy `application/json` gets 200 for a
 * well-formed request whose document does not parse, validate or take its variables (the error
 * is in the body), because such clients read 4xx as a transport failure. A client that accepts
 * `application/graphql-response+json`, or anything (`*\/*`, no header at all), gets 400, which
 * tells caches and proxies the truth. Refusals before (limits, 401, 429, 415) are unchanged.
 */
function legacyJsonStatus(req: http.IncomingMessage, status: number, contentType: string): number {
  if (status !== 400 || !contentType.startsWith('application/json')) return status;
  const accept = (req.headers.accept ?? '').toLowerCase();
  return accept.includes('application/json') && !accept.includes('application/graphql-response+json') && !accept.includes('*/*') ? 200 : status;
}
