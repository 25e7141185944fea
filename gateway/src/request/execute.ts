import type http from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { GatewayContext } from '../context.js';

export interface Operation {
  /** The JSON body as read (undefined for a GET, whose operation is in `url`). */
  body: unknown;
  url: URL;
  context: GatewayContext;
}

/** Hands the request to Apollo, which plans and runs it over the subgraphs, and streams its answer. */
export async function execute(apollo: ApolloServer<GatewayContext>, req: http.IncomingMessage, res: http.ServerResponse, { body, url, context }: Operation): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: async () => context,
  });
  const responseHeaders: Record<string, string> = { 'x-request-id': context.requestId };
  for (const [key, value] of response.headers) responseHeaders[key] = value;
  res.writeHead(legacyJsonStatus(req, response.status ?? 200, responseHeaders['content-type']), responseHeaders);
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * GraphQL over HTTP: a client that accepts only the legacy `application/json` gets 200 for a
 * well-formed request whose document does not parse, validate or take its variables (the error
 * is in the body), because such clients read 4xx as a transport failure. A client that accepts
 * `application/graphql-response+json`, or anything (`*\/*`, no header at all), gets 400, which
 * tells caches and proxies the truth. Refusals before Apollo (limits, 401, 429, 415) are unchanged.
 */
function legacyJsonStatus(req: http.IncomingMessage, status: number, contentType: string | undefined): number {
  if (status !== 400 || !contentType?.startsWith('application/json')) return status;
  const accept = (req.headers.accept ?? '').toLowerCase();
  return accept.includes('application/json') && !accept.includes('application/graphql-response+json') && !accept.includes('*/*') ? 200 : status;
}
