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
  res.writeHead(response.status ?? 200, responseHeaders);
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
