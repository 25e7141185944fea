import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { apolloLogger, DEFAULT_REQUEST_LIMITS } from '@ubos/kernel';
import type { GatewayContext } from './context.js';
import type { GatewayOptions } from './options.js';
import { authorizePlugin } from './request/authorize.js';
import { errorsPlugin } from './request/errors.js';
import { requestLogPlugin } from './request/log.js';
import { requestLimitsPlugin } from './request/limits.js';
import { metricsPlugin } from './request/metrics.js';
import { checkScalarValues } from './scalars.js';
import { buildScopeMap, supergraphForGateway } from './scopes.js';
import { InProcessSubgraphSource, SignedRemoteSubgraphSource } from './sources.js';

/**
 * Apollo, started: it plans each operation over the supergraph and reaches each subgraph
 * in-process or over HTTP with a signed internal context. Its plugins are steps of the
 * request: authorize, then limit, the operation Apollo resolved; then the errors of the answer.
 */
export async function startApollo(options: GatewayOptions): Promise<ApolloServer<GatewayContext>> {
  // @apollo/gateway reports usage to Apollo by default and, to label it, probes the metadata
  // servers of AWS, GCP, Azure and Alibaba. A self-hosted platform sends nothing anywhere
  // unless its operator says so.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    logger: apolloLogger({ component: 'gateway' }),
    supergraphSdl: supergraphForGateway(options.supergraphSdl),
    buildService: ({ name, url }): GraphQLDataSource<GatewayContext> => {
      const runtime = options.runtimes?.[name];
      if (runtime) return new InProcessSubgraphSource(runtime);
      const remoteUrl = options.subgraphUrls?.[name] ?? url;
      if (!remoteUrl) throw new Error(`No runtime and no URL for subgraph ${name}`);
      return new SignedRemoteSubgraphSource(remoteUrl, options.signer, name, options.subgraphTimeoutMs);
    },
  });
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => checkScalarValues(apiSchema));
  const apollo = new ApolloServer<GatewayContext>({
    gateway: gateway as any,
    // In this order: Apollo runs the plugins' hooks together, and the first to fail is the
    // error the caller sees (authorization before limits).
    plugins: [
      authorizePlugin(options.production, buildScopeMap(options.supergraphSdl)),
      requestLimitsPlugin(options.limits ?? DEFAULT_REQUEST_LIMITS),
      errorsPlugin(),
      // After errorsPlugin: it records the codes the caller sees.
      requestLogPlugin(),
      metricsPlugin(),
      // The playground is ours, served from npm packages; Apollo's landing pages load from a CDN.
      ApolloServerPluginLandingPageDisabled(),
    ],
    includeStacktraceInErrorResponses: false,
    logger: apolloLogger({ component: 'gateway' }),
    // Allowed here and limited per caller by authorizePlugin: in production, owners and admins only.
    introspection: true,
    // No "Did you mean …?" in validation errors (errorsPlugin covers variables too).
    hideSchemaDetailsFromClientErrors: true,
    // Off unless UBOS_MAX_BATCH allows batches (readGraphQLRequest enforces the size).
    allowBatchedHttpRequests: (options.limits ?? DEFAULT_REQUEST_LIMITS).maxBatchSize > 0,
    // The process owns SIGINT/SIGTERM and stops servers before PostgreSQL; Apollo must not
    // stop itself and re-raise the signal on its own.
    stopOnTerminationSignals: false,

    // CSRF prevention stays on: browsers must send JSON or an Apollo preflight header.
  });
  await apollo.start();
  return apollo;
}
