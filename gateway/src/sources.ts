import { RemoteGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { INTERNAL_CONTEXT_HEADER, subgraphFetchSeconds, type InternalContextSigner, type SubgraphRuntime } from '@ubos/kernel';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GatewayContext } from './context.js';

function internalContextOf(context: Partial<GatewayContext>) {
  return {
    requestId: context.requestId ?? 'internal',
    organizationId: context.organizationId ?? null,
    actor: context.actor ?? { kind: 'anonymous' as const },
    ip: context.ip,
    userAgent: context.userAgent,
  };
}

/**
 * One-process mode: calls a subgraph in the same process, without HTTP. Apollo's
 * LocalGraphQLDataSource would hand the gateway's context to the subgraph's resolvers; this
 * source instead signs the internal context exactly as the HTTP source does and passes it to
 * the subgraph's own entry point, which checks it and builds a fresh context for the fetch
 * (forked EntityManager, loaders, transaction with the tenant) and masks errors. Only the
 * transport differs from distributed mode.
 */
export class InProcessSubgraphSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly runtime: SubgraphRuntime<unknown>,
    private readonly signer: InternalContextSigner,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const header = this.signer.sign(internalContextOf(options.context as Partial<GatewayContext>), request.query, request.variables);
    const endTimer = subgraphFetchSeconds.startTimer({ subgraph: this.runtime.name });
    try {
      const response = await this.runtime.execute(
        { query: request.query, variables: request.variables, operationName: request.operationName },
        { [INTERNAL_CONTEXT_HEADER]: header },
      );
      return response.body as GatewayGraphQLResponse;
    } finally {
      endTimer();
    }
  }
}

/** Distributed mode: HTTP with keep-alive (Node's fetch pools connections), signed per fetch. */
export class SignedRemoteSubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly signer: InternalContextSigner,
    private readonly subgraph = 'remote',
  ) {
    super({ url, fetcher: fetch as unknown as RemoteGraphQLDataSource['fetcher'] });
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const endTimer = subgraphFetchSeconds.startTimer({ subgraph: this.subgraph });
    try {
      return await super.process(options);
    } finally {
      endTimer();
    }
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    request.http?.headers.set(INTERNAL_CONTEXT_HEADER, this.signer.sign(internalContextOf(context as Partial<GatewayContext>), request.query, request.variables));
  }
}
