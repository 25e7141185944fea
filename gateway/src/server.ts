import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_RATE_LIMITS, sendJson } from '@ubos/kernel';
import { startApollo } from './apollo.js';
import { ApiKeyAuthenticator } from './api-keys.js';
import { fileStates, subgraphCaller } from './subgraph-caller.js';
import { serveEventDelivery } from './events.js';
import { serveMetrics } from './metrics.js';
import type { GatewayOptions } from './options.js';
import { PersistedOperations } from './persisted.js';
import { servePlaygroundAsset, servePlaygroundPage } from './playground.js';
import { RateLimiter } from './rate-limit.js';
import { graphQLPipeline } from './request/pipeline.js';
import { Refusal, sendRefusal } from './request/refusal.js';

export type { GatewayOptions };

export interface RunningGateway {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

/**
 * The public entry: one HTTP server with the GraphQL endpoint, the playground, /health and
 * /metrics. It verifies the caller, plans the query over the supergraph, and reaches each
 * subgraph in-process or over HTTP with a signed internal context.
 */
export async function startGateway(options: GatewayOptions, port: number, host = '0.0.0.0'): Promise<RunningGateway> {
  const apollo = await startApollo(options);
  const callIdentity = subgraphCaller(options, 'identity');
  const files = fileStates(options);
  const rateLimiter = new RateLimiter(options.rateLimits ?? DEFAULT_RATE_LIMITS, options.rateLimitStore);
  const serveGraphQL = graphQLPipeline({
    apollo,
    tokens: options.tokens,
    apiKeys: new ApiKeyAuthenticator(callIdentity),
    rateLimiter,
    persisted: new PersistedOperations(callIdentity),
    limits: options.limits,
  });

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (req.method === 'GET' && url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (req.method === 'GET' && url.pathname === '/metrics') return serveMetrics(req, res, options);
      if (req.method === 'GET' && url.pathname.startsWith('/playground/')) return servePlaygroundAsset(res, url.pathname);
      if (req.method === 'GET' && url.pathname === '/') return servePlaygroundPage(res, options.production ? undefined : options.demoToken);
      // Presigned file URLs: the signature in the URL is the authorization (no token, no GraphQL limits).
      if (url.pathname.startsWith('/files/') && (await options.fileStore?.handleHttp?.(req, res, url, files))) return;
      // The worker handing an outbox event to the subgraphs' handlers (a delivery token is the authorization).
      if (req.method === 'POST' && url.pathname === '/events') return serveEventDelivery(req, res, options);
      if (url.pathname !== '/graphql') return sendRefusal(res, new Refusal(404, 'Not found', { code: 'NOT_FOUND' }));
      await serveGraphQL(req, res, url);
    } catch (error) {
      // A client that hangs up mid-request (e.g. a load generator stopping) is not our failure.
      if (req.destroyed || (error as NodeJS.ErrnoException).code === 'ECONNRESET' || (error as Error).message === 'aborted') return;
      console.error(JSON.stringify({ level: 'error', msg: 'gateway request failed', error: String(error) }));
      if (!res.headersSent) sendRefusal(res, new Refusal(500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' }));
    }
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://localhost:${address.port}`,
    server,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await apollo.stop();
      await rateLimiter.close();
    },
  };
}
