import http from 'node:http';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { DEFAULT_TIMEOUTS, ErrorCode, INTERNAL_CONTEXT_HEADER, inSpan, SpanKind, subgraphFetchSeconds, traceHeaders, type InternalContextSigner, type SubgraphRuntime } from '@ubos/kernel';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { Kind, parse, type DocumentNode } from 'graphql';
import { graphqlOfApollo } from './graphql-cjs.js';
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

class SubgraphTimeout extends Error {}

/**
 * Distributed mode: HTTP with keep-alive, signed per fetch, over node:http. (Node's fetch cost
 * the gateway more CPU per subgraph call than the rest of its work together: a WHATWG request,
 * stream and abort signal per fetch; Apollo's RemoteGraphQLDataSource added a node-fetch
 * Request and Headers of its own.) A fetch that cannot connect, or gets no answer within the
 * per-fetch timeout (UBOS_SUBGRAPH_TIMEOUT_MS), answers SUBGRAPH_UNAVAILABLE naming the
 * subgraph: the fields it serves are null and the rest of the operation is served. A
 * subgraph that comes back is served again with no restart of the gateway.
 */
export class SignedRemoteSubgraphSource implements GraphQLDataSource<GatewayContext> {
  private readonly url: URL;
  // Idle sockets are closed by the subgraph's Keep-Alive hint (65 s), which Node's agent reads.
  private readonly agent = new http.Agent({ keepAlive: true });

  constructor(
    url: string,
    private readonly signer: InternalContextSigner,
    private readonly subgraphName: string,
    private readonly timeoutMs: number = DEFAULT_TIMEOUTS.subgraphFetchMs,
  ) {
    this.url = new URL(url);
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    return inSpan(`subgraph fetch ${this.subgraphName}`, SpanKind.CLIENT, { 'ubos.subgraph': this.subgraphName, 'graphql.operation.name': request.operationName }, async () => {
      const endTimer = subgraphFetchSeconds.startTimer({ subgraph: this.subgraphName });
      try {
        const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName, extensions: request.extensions });
        const headers: http.OutgoingHttpHeaders = {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          [INTERNAL_CONTEXT_HEADER]: this.signer.sign(internalContextOf(context as Partial<GatewayContext>), request.query, request.variables),
          ...traceHeaders(),
        };
        const response = await this.post(body, headers);
        if (UNAVAILABLE_STATUSES.has(response.status)) return subgraphUnavailable(this.subgraphName, false, request.query);
        if (response.status < 200 || response.status >= 300 || !response.contentType.startsWith('application/json')) {
          // As Apollo's RemoteGraphQLDataSource said it, in the graphql copy Apollo's errors come from.
          throw new graphqlOfApollo.GraphQLError(`${response.status}: ${http.STATUS_CODES[response.status] ?? 'Unknown'}`, { extensions: { response: { status: response.status, body: response.text } } });
        }
        return JSON.parse(response.text) as GatewayGraphQLResponse;
      } catch (error) {
        if (error instanceof SubgraphTimeout) return subgraphUnavailable(this.subgraphName, true, request.query);
        if (isConnectionFailure(error)) return subgraphUnavailable(this.subgraphName, false, request.query);
        throw error;
      } finally {
        endTimer();
      }
    });
  }

  /**
   * One POST. A kept-alive socket that the subgraph closed just as it was reused fails before
   * any answer: the request never reached it, and is sent once more on a fresh socket.
   */
  private async post(body: string, headers: http.OutgoingHttpHeaders): Promise<{ status: number; contentType: string; text: string }> {
    const deadline = Date.now() + this.timeoutMs;
    try {
      return await this.send(body, headers, deadline);
    } catch (error) {
      if ((error as { reusedSocket?: boolean }).reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET') return this.send(body, headers, deadline);
      throw error;
    }
  }

  private send(body: string, headers: http.OutgoingHttpHeaders, deadline: number): Promise<{ status: number; contentType: string; text: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(this.url, { method: 'POST', headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', fail);
      });
      const timer = setTimeout(() => req.destroy(new SubgraphTimeout()), Math.max(0, deadline - Date.now()));
      function fail(error: Error) {
        clearTimeout(timer);
        reject(Object.assign(error, { reusedSocket: req.reusedSocket }));
      }
      req.on('error', fail);
      req.end(body);
    });
  }
}

const CONNECTION_FAILURES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT']);

/** Whether a fetch failed for want of the subgraph rather than by its answer. */
function isConnectionFailure(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code !== undefined && CONNECTION_FAILURES.has(code);
}
