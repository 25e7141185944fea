import { RemoteGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { DEFAULT_TIMEOUTS, ErrorCode, INTERNAL_CONTEXT_HEADER, inSpan, SpanKind, subgraphFetchSeconds, traceHeaders, type InternalContextSigner, type SubgraphRuntime } from '@ubos/kernel';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { Kind, parse, type DocumentNode } from 'graphql';
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
    return inSpan(`subgraph fetch ${this.runtime.name}`, SpanKind.CLIENT, { 'ubos.subgraph': this.runtime.name, 'graphql.operation.name': request.operationName }, async () => {
      const endTimer = subgraphFetchSeconds.startTimer({ subgraph: this.runtime.name });
      try {
        const response = await this.runtime.executeTrusted(
          { query: request.query, variables: request.variables, operationName: request.operationName },
          internalContextOf(options.context as Partial<GatewayContext>),
        );
        return response.body as GatewayGraphQLResponse;
      } finally {
        endTimer();
      }
    });
  }
}

/**
 * A subgraph's answer that says it could not be reached, naming it but not where it lives: one
 * error per root field the fetch was for (its path), or one for a fetch of entities (whose
 * fields are then null wherever they were asked).
 */
export function subgraphUnavailable(name: string, timedOut: boolean, query?: string): GatewayGraphQLResponse {
  const message = timedOut ? `The ${name} service did not answer in time; its fields are null` : `The ${name} service is unavailable; its fields are null`;
  const extensions = { code: ErrorCode.SUBGRAPH_UNAVAILABLE, subgraph: name };
  const operation = parsed(query)?.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const rootKeys = (operation?.selectionSet.selections ?? []).flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.alias?.value ?? selection.name.value] : []));
  if (rootKeys.length === 0 || rootKeys.includes('_entities')) return { errors: [{ message, extensions }] as GatewayGraphQLResponse['errors'] };
  return { errors: rootKeys.map((key) => ({ message, path: [key], extensions })) as unknown as GatewayGraphQLResponse['errors'] };
}

function parsed(query: string | undefined): DocumentNode | undefined {
  try {
    return query ? parse(query) : undefined;
  } catch {
    return undefined;
  }
}

// A proxy or load balancer in front of a subgraph answers these when the subgraph is not there.
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/**
 * Distributed mode: HTTP with keep-alive (Node's fetch pools connections), signed per fetch.
 * A fetch that cannot connect, or gets no answer within the per-fetch timeout
 * (UBOS_SUBGRAPH_TIMEOUT_MS), answers SUBGRAPH_UNAVAILABLE naming the subgraph: the fields it
 * serves are null and the rest of the operation is served. Each fetch connects anew when it
 * must, so a subgraph that comes back is served again with no restart of the gateway.
 */
export class SignedRemoteSubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly signer: InternalContextSigner,
    private readonly subgraphName: string,
    timeoutMs: number = DEFAULT_TIMEOUTS.subgraphFetchMs,
  ) {
    const fetcher = (input: string, init: RequestInit = {}) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    super({ url, fetcher: fetcher as unknown as RemoteGraphQLDataSource['fetcher'] });
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    request.http?.headers.set(INTERNAL_CONTEXT_HEADER, this.signer.sign(internalContextOf(context as Partial<GatewayContext>), request.query, request.variables));
    for (const [name, value] of Object.entries(traceHeaders())) request.http?.headers.set(name, value);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    return inSpan(`subgraph fetch ${this.subgraphName}`, SpanKind.CLIENT, { 'ubos.subgraph': this.subgraphName, 'graphql.operation.name': options.request.operationName }, async () => {
      const endTimer = subgraphFetchSeconds.startTimer({ subgraph: this.subgraphName });
      try {
        return await super.process(options);
      } catch (error) {
        const failure = unreachable(error);
        if (failure) return subgraphUnavailable(this.subgraphName, failure === 'timeout', options.request.query);
        throw error;
      } finally {
        endTimer();
      }
    });
  }
}

/** Whether a fetch failed for want of the subgraph (and how), rather than by its answer. */
function unreachable(error: unknown): 'timeout' | 'unreachable' | undefined {
  const failure = error as { name?: string; message?: string; cause?: { name?: string; code?: string }; extensions?: { response?: { status?: number } } };
  if (failure?.name === 'TimeoutError' || failure?.cause?.name === 'TimeoutError') return 'timeout';
  // undici: TypeError('fetch failed') with the socket's error as the cause (ECONNREFUSED, ECONNRESET…).
  if (failure?.name === 'TypeError' && failure.message === 'fetch failed') return 'unreachable';
  if (failure?.name === 'AbortError') return 'timeout';
  const status = failure?.extensions?.response?.status;
  if (status !== undefined && UNAVAILABLE_STATUSES.has(status)) return 'unreachable';
  return undefined;
}
