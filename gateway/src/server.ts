import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError } from 'graphql';
import { DEFAULT_RATE_LIMITS, DEFAULT_REQUEST_LIMITS, forbidden, INTERNAL_CONTEXT_HEADER, maskError, sendJson, sqlStatements, unauthenticated, type FileStore, type InternalContextSigner, type RateLimits, type RequestLimits, type SubgraphRuntime, type TokenService } from '@ubos/kernel';
import { ApiKeyAuthenticator, type IdentityCaller } from './api-keys.js';
import { PersistedOperations } from './persisted.js';
import { authenticate, isIntrospection, isPublicOperation, mayIntrospect } from './auth.js';
import { buildScopeMap, missingScope, supergraphForGateway, type ScopeMap } from './scopes.js';
import type { GatewayContext } from './context.js';
import { hideSuggestionsPlugin, limitsFor, readGraphQLRequest, requestLimitsPlugin } from './limits.js';
import { RateLimiter, rateLimitedResponse, type RateLimitStore } from './rate-limit.js';
import { playgroundAsset, playgroundHtml } from './playground.js';
import { InProcessSubgraphSource, SignedRemoteSubgraphSource } from './sources.js';

export interface GatewayOptions {
  supergraphSdl: string;
  tokens: TokenService;
  signer: InternalContextSigner;
  /** One-process mode: the subgraphs of this process, by name. */
  runtimes?: Record<string, SubgraphRuntime<unknown>>;
  /** Distributed mode: subgraph URLs, by name. */
  subgraphUrls?: Record<string, string>;
  production: boolean;
  demoToken?: string;
  metricsToken?: string;
  /** Limits on every request (defaults: DEFAULT_REQUEST_LIMITS); a caller's own `context.limits` go over them. */
  limits?: RequestLimits;
  /** Token buckets per actor, tenant and anonymous client address (defaults: DEFAULT_RATE_LIMITS). */
  rateLimits?: RateLimits;
  /** Where the buckets live (default: this process's memory). */
  rateLimitStore?: RateLimitStore;
  /** The file store; the local one's signed upload and download URLs are served under /files/. */
  fileStore?: FileStore;
}

function gatewayPlugin(production: boolean, scopes: ScopeMap): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue, schema }) {
          if (contextValue.actor.kind === 'anonymous' && (!operation || !isPublicOperation(operation))) throw unauthenticated();
          if (!mayIntrospect(contextValue, production) && isIntrospection(document)) throw forbidden('Introspection is not available to this caller');
          if (contextValue.actor.kind === 'apikey') {
            const scope = missingScope(schema, document, scopes, contextValue.actor.scopes);
            if (scope) throw new GraphQLError(`This API key lacks the scope ${scope}`, { extensions: { code: 'FORBIDDEN', scope } });
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = response.body.singleResult.errors.map((error) => {
              const { serviceName: _serviceName, ...extensions } = (error.extensions ?? {}) as Record<string, unknown>;
              return maskError({ ...error, extensions }, contextValue.requestId);
            });
          }
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          if (errors.length > 0 && response.body.kind === 'single' && !response.body.singleResult.data) {
            // The status follows the errors: 401 for a missing login, 4xx for any request the
            // caller got wrong, 500 only when something of ours failed.
            if (errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) response.http.status = 401;
            else if ((response.http.status ?? 200) >= 500 && errors.every((error) => error.extensions?.code !== 'INTERNAL_SERVER_ERROR')) response.http.status = 400;
          }
        },
      };
    },
  };
}

/**
 * Calls the identity subgraph directly, outside any client request (to authenticate an API
 * key): signed like every fetch, as an anonymous actor, in-process or over HTTP.
 */
function identityCaller(options: GatewayOptions): IdentityCaller {
  return async (query, variables, organizationId) => {
    const header = options.signer.sign({ requestId: 'gateway', organizationId: organizationId ?? null, actor: { kind: 'anonymous' } }, query, variables);
    const runtime = options.runtimes?.identity;
    if (runtime) return (await runtime.execute({ query, variables }, { [INTERNAL_CONTEXT_HEADER]: header })).body;
    const url = options.subgraphUrls?.identity;
    if (!url) throw new Error('No identity subgraph to authenticate API keys with');
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_CONTEXT_HEADER]: header }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: any; errors?: readonly unknown[] };
  };
}

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
  // @apollo/gateway reports usage to Apollo by default and, to label it, probes the metadata
  // servers of AWS, GCP, Azure and Alibaba. A self-hosted platform sends nothing anywhere
  // unless its operator says so.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphForGateway(options.supergraphSdl),
    buildService: ({ name, url }): GraphQLDataSource<GatewayContext> => {
      const runtime = options.runtimes?.[name];
      if (runtime) return new InProcessSubgraphSource(runtime, options.signer);
      const remoteUrl = options.subgraphUrls?.[name] ?? url;
      if (!remoteUrl) throw new Error(`No runtime and no URL for subgraph ${name}`);
      return new SignedRemoteSubgraphSource(remoteUrl, options.signer);
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway: gateway as any,
    // The playground is ours, served from npm packages; Apollo's landing pages load from a CDN.
    plugins: [
      gatewayPlugin(options.production, buildScopeMap(options.supergraphSdl)),
      requestLimitsPlugin(options.limits ?? DEFAULT_REQUEST_LIMITS),
      hideSuggestionsPlugin(),
      ApolloServerPluginLandingPageDisabled(),
    ],
    includeStacktraceInErrorResponses: false,
    // Allowed here and limited per caller by the plugin: in production, owners and admins only.
    introspection: true,
    // No "Did you mean …?" in validation errors (hideSuggestionsPlugin covers variables too).
    hideSchemaDetailsFromClientErrors: true,
    // Off unless UBOS_MAX_BATCH allows batches (readGraphQLRequest enforces the size).
    allowBatchedHttpRequests: (options.limits ?? DEFAULT_REQUEST_LIMITS).maxBatchSize > 0,
    // The process owns SIGINT/SIGTERM and stops servers before PostgreSQL; Apollo must not
    // stop itself and re-raise the signal on its own.
    stopOnTerminationSignals: false,

    // CSRF prevention stays on: browsers must send JSON or an Apollo preflight header.
  });
  await apollo.start();
  const apiKeys = new ApiKeyAuthenticator(identityCaller(options));
  const persisted = new PersistedOperations(identityCaller(options));
  const rateLimiter = new RateLimiter(options.rateLimits ?? DEFAULT_RATE_LIMITS, options.rateLimitStore);

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (req.method === 'GET' && url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (req.method === 'GET' && url.pathname === '/metrics') return serveMetrics(req, res, options);
      if (req.method === 'GET' && url.pathname.startsWith('/playground/')) {
        const asset = playgroundAsset(url.pathname);
        if (!asset) return sendJson(res, 404, { error: 'not found' });
        res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'public, max-age=3600', 'content-length': asset.body.length });
        return res.end(asset.body);
      }
      if (req.method === 'GET' && url.pathname === '/') {
        const html = playgroundHtml({ endpoint: '/graphql', demoToken: options.production ? undefined : options.demoToken });
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(html);
      }
      // Presigned file URLs: the signature in the URL is the authorization (no token, no GraphQL limits).
      if (url.pathname.startsWith('/files/') && (await options.fileStore?.handleHttp?.(req, res, url))) return;
      if (url.pathname !== '/graphql') return sendJson(res, 404, { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
      await serveGraphQL(req, res, url, apollo, options, apiKeys, rateLimiter, persisted);
    } catch (error) {
      // A client that hangs up mid-request (e.g. a load generator stopping) is not our failure.
      if (req.destroyed || (error as NodeJS.ErrnoException).code === 'ECONNRESET' || (error as Error).message === 'aborted') return;
      console.error(JSON.stringify({ level: 'error', msg: 'gateway request failed', error: String(error) }));
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
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

async function serveGraphQL(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  apollo: ApolloServer<GatewayContext>,
  options: GatewayOptions,
  apiKeys: ApiKeyAuthenticator,
  rateLimiter: RateLimiter,
  persisted: PersistedOperations,
) {
  // An API key not known live costs a lookup in the identity subgraph: charge it to the
  // caller's address first, like a login, so that guessing keys cannot flood the database.
  const bearer = req.headers.authorization?.match(/^bearer\s+(ubos_\S+)$/i)?.[1];
  if (bearer && !apiKeys.isKnown(bearer)) {
    const guess = await rateLimiter.check({ actor: { kind: 'anonymous' }, organizationId: null, ip: req.socket.remoteAddress });
    if (!guess.allowed) {
      const requestId = randomUUID();
      const refusal = rateLimitedResponse(guess.retryAfter, requestId);
      return sendJson(res, refusal.status, refusal.body, { ...refusal.headers, 'x-request-id': requestId });
    }
  }
  let context: GatewayContext;
  try {
    context = await authenticate(req, options.tokens, apiKeys);
  } catch (error) {
    if (error instanceof GraphQLError) return sendJson(res, 401, { errors: [{ message: error.message, extensions: error.extensions }] });
    throw error;
  }
  // Before the body is read: a refused request costs as little as possible.
  const limited = await rateLimiter.check(context);
  if (!limited.allowed) {
    const refusal = rateLimitedResponse(limited.retryAfter, context.requestId);
    return sendJson(res, refusal.status, refusal.body, { ...refusal.headers, 'x-request-id': context.requestId });
  }
  // Body bytes, no batch, query characters and tokens, before anything parses the query.
  const read = await readGraphQLRequest(req, url, limitsFor(context, options.limits));
  if (!read.ok) {
    const headers: Record<string, string> = { 'x-request-id': context.requestId, ...(read.close ? { connection: 'close' } : {}) };
    return sendJson(res, read.status, { errors: [{ message: read.message, extensions: { ...read.extensions, requestId: context.requestId } }] }, headers);
  }
  let body = read.body;
  if (Array.isArray(body)) {
    // A batch is as many requests as it holds operations: the first was charged above.
    for (let index = 1; index < body.length; index++) {
      const more = await rateLimiter.check(context);
      if (!more.allowed) {
        const refusal = rateLimitedResponse(more.retryAfter, context.requestId);
        return sendJson(res, refusal.status, refusal.body, { ...refusal.headers, 'x-request-id': context.requestId });
      }
    }
  }
  if (context.apiKey?.persistedOnly) {
    try {
      if (req.method !== 'POST') throw new GraphQLError('This API key accepts registered operations only', { extensions: { code: 'FORBIDDEN' } });
      body = await persisted.resolve(body, context);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const status = error.extensions.code === 'PERSISTED_QUERY_NOT_FOUND' ? 200 : 403;
      return sendJson(res, status, { errors: [{ message: error.message, extensions: { ...error.extensions, requestId: context.requestId } }] }, { 'x-request-id': context.requestId });
    }
  }
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
  if (response.body.kind === 'complete') return res.end(response.body.string);
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function serveMetrics(req: http.IncomingMessage, res: http.ServerResponse, options: GatewayOptions) {
  // Open in development; in production only with the metrics token.
  if (options.production && (!options.metricsToken || req.headers.authorization !== `Bearer ${options.metricsToken}`)) {
    return sendJson(res, 401, { error: 'metrics token required' });
  }
  const counts = sqlStatements.snapshot();
  const body = [
    '# HELP ubos_sql_statements_total SQL statements sent by this process.',
    '# TYPE ubos_sql_statements_total counter',
    `ubos_sql_statements_total{kind="application"} ${counts.application}`,
    `ubos_sql_statements_total{kind="transaction_control"} ${counts.transactionControl}`,
    '',
  ].join('\n');
  res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
  res.end(body);
}
