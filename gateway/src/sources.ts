import { RemoteGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { INTERNAL_CONTEXT_HEADER, type InternalContextSigner, type SubgraphRuntime } from '@ubos/kernel';
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
 * source instead hands the subgraph's own entry point the same internal context that the HTTP
 * source signs (tenant, actor, request), and the subgraph builds a fresh context for the fetch
 * (forked EntityManager, loaders, transaction with the tenant) and masks errors. It is not
 * signed: the signature guards the network hop of distributed mode, and here there is none.
 */
export class InProcessSubgraphSource implements GraphQLDataSource<GatewayContext> {
  constructor(private readonly runtime: SubgraphRuntime<unknown>) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const response = await this.runtime.executeTrusted(
      { query: request.query, variables: request.variables, operationName: request.operationName },
      internalContextOf(options.context as Partial<GatewayContext>),
    );
    return response.body as GatewayGraphQLResponse;
  }
}

/** Distributed mode: HTTP with keep-alive (Node's fetch pools connections), signed per fetch. */
export class SignedRemoteSubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly signer: InternalContextSigner,
  ) {
    super({ url, fetcher: fetch as unknown as RemoteGraphQLDataSource['fetcher'] });
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    request.http?.headers.set(INTERNAL_CONTEXT_HEADER, this.signer.sign(internalContextOf(context as Partial<GatewayContext>), request.query, request.variables));
  }
}
