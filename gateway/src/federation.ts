import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import type { GatewayExecutor } from '@apollo/server-gateway-interface';
import type { GraphQLSchema } from 'graphql';
import { apolloLogger } from '@ubos/kernel';
import type { GatewayContext } from './context.js';
import type { GatewayOptions } from './options.js';
import { checkScalarValues } from './scalars.js';
import { supergraphForGateway } from './scopes.js';
import { InProcessSubgraphSource, SignedRemoteSubgraphSource } from './sources.js';

/** The supergraph, loaded: the API schema callers validate against, and the executor of plans. */
export interface Federation {
  readonly schema: GraphQLSchema;
  readonly execute: GatewayExecutor;
  stop(): Promise<void>;
}

/**
 * @apollo/gateway, started without a server around it: it plans each operation over the
 * supergraph and reaches each subgraph in-process or over HTTP with a signed internal context.
 * The HTTP and GraphQL steps before it (request/execute.ts, request/operation.ts) are the
 * gateway's own.
 */
export async function startFederation(options: GatewayOptions): Promise<Federation> {
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
  const { schema, executor } = await gateway.load();
  return { schema, execute: executor, stop: () => gateway.stop() };
}
