import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_RATE_LIMITS, DEFAULT_REQUEST_LIMITS, drain, inSpan, listen, logger, sendJson, serveMetrics, SpanKind, traceContextFrom } from '@ubos/kernel';
import { startFederation } from './federation.js';
import { readiness } from './readiness.js';
import { ApiKeyAuthenticator } from './api-keys.js';
import { fileStates, subgraphCaller } from './subgraph-caller.js';
import { serveEventDelivery } from './events.js';
import { metricsText } from './cluster-metrics.js';
import { QUICKBOOKS_WEBHOOK_PATH, serveQuickBooksWebhook } from './quickbooks-webhook.js';
import type { GatewayOptions } from './options.js';
import { PersistedOperations } from './persisted.js';
import { servePlaygroundAsset, servePlaygroundPage } from './playground.js';
import { RateLimiter } from './rate-limit.js';
import { requestIdOf } from './request/authenticate.js';
import { recordRequest } from './request/log.js';
import { SessionVerifier } from './sessions.js';
import { OperationRunner } from './request/operation.js';
import { graphQLPipeline } from './request/pipeline.js';
import { buildScopeMap } from './scopes.js';
import { Refusal, sendRefusal } from './request/refusal.js';

export type { GatewayOptions };

export interface RunningGateway {
  url: string;
  server: http.Server;
  /** Stops listening; requests in flight get `graceMs` to finish (0: cut at once, as tests want). */
  close(graceMs?: number): Promise<void>;
}

/**
 * The public entry: one HTTP server with the GraphQL endpoint, the playground, /health and
 * /metrics. It verifies the caller, plans the query over the supergraph, and reaches each
 * subgraph in-process or over HTTP with a signed internal context.
 */
export async function startGateway(options: GatewayOptions, port: number, host = '0.0.0.0'): Promise<RunningGateway> {
  const federation = await startFederation(options);
  const runner = new OperationRunner(federation, { production: options.production, scopes: buildScopeMap(options.supergraphSdl), limits: options.limits ?? DEFAULT_REQUEST_LIMITS });
  const callIdentity = subgraphCaller(options, 'identity');
  const files = fileStates(options);
  const rateLimiter = new RateLimiter(options.rateLimits ?? DEFAULT_RATE_LIMITS, options.rateLimitStore);
  const sessions = new SessionVerifier(callIdentity, (options.sessionRecheckSeconds ?? 5) * 1000);
  const serveGraphQL = graphQLPipeline({
    runner,
    tokens: options.tokens,
    apiKeys: new ApiKeyAuthenticator(callIdentity),
    rateLimiter,
    sessions,
    persisted: new PersistedOperations(callIdentity),
    limits: options.limits,
  });

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Every answer carries the request's id, and its log line says the same id.
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    const record = recordRequest(req, res, requestId, url.pathname);
    if (url.pathname !== '/graphql') return serve(req, res, url);
    // One trace per operation, continuing the caller's when it sent a traceparent.
    await inSpan(
      `${req.method} /graphql`,
      SpanKind.SERVER,
      { 'http.request.method': req.method, 'ubos.request_id': requestId },
      async (span) => {
        await serve(req, res, url);
        if (record.operationName) span?.updateName(`graphql ${record.operationName}`);
        span?.setAttributes({ 'graphql.operation.name': record.operationName ?? undefined, 'http.response.status_code': res.statusCode, 'ubos.tenant_id': record.tenantId ?? undefined });
      },
      traceContextFrom(req.headers),
    );
  });

  async function serve(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    try {
      // Liveness: the process answers. Readiness: it can serve (database, migrations, subgraphs).
      if (req.method === 'GET' && url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (req.method === 'GET' && url.pathname === '/ready') {
        const state = await readiness(options);
        return sendJson(res, state.ready ? 200 : 503, { status: state.ready ? 'ready' : 'not ready', checks: state.checks });
      }
      if (req.method === 'GET' && url.pathname === '/metrics') return serveMetrics(req, res, options, metricsText);
      if (req.method === 'GET' && url.pathname.startsWith('/playground/')) return servePlaygroundAsset(res, url.pathname);
      if (req.method === 'GET' && url.pathname === '/') return servePlaygroundPage(res, options.production ? undefined : options.demoToken);
      // Presigned file URLs: the signature in the URL is the authorization (no token, no GraphQL limits).
      if (url.pathname.startsWith('/files/') && (await options.fileStore?.handleHttp?.(req, res, url, files))) return;
      // The worker handing an outbox event to the subgraphs' handlers (a delivery token is the authorization).
      if (req.method === 'POST' && url.pathname === '/events') return serveEventDelivery(req, res, options);
      // QuickBooks' change notifications (its signature is the authorization).
      if (req.method === 'POST' && url.pathname === QUICKBOOKS_WEBHOOK_PATH) return serveQuickBooksWebhook(req, res, options);
      if (url.pathname !== '/graphql') return sendRefusal(res, new Refusal(404, 'Not found', { code: 'NOT_FOUND' }));
      await serveGraphQL(req, res, url);
    } catch (error) {
      // A client that hangs up mid-request (e.g. a load generator stopping) is not our failure.
      if (req.destroyed || (error as NodeJS.ErrnoException).code === 'ECONNRESET' || (error as Error).message === 'aborted') return;
      logger().error({ requestId: req.headers['x-request-id'], error: String(error) }, 'gateway request failed');
      if (!res.headersSent) sendRefusal(res, new Refusal(500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' }));
    }
  }
  server.keepAliveTimeout = 65_000;
  await listen(server, port, host, 'the gateway', 'PORT');
  const address = server.address() as AddressInfo;
  return {
    url: `http://localhost:${address.port}`,
    server,
    async close(graceMs = 0) {
      await drain(server, graceMs);
      await federation.stop();
      await rateLimiter.close();
      sessions.close();
    },
  };
}
