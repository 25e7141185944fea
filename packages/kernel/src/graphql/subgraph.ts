import fs from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { parse, type FormattedExecutionResult, type GraphQLFieldResolver, type GraphQLFormattedError } from 'graphql';
import { InternalContextSigner, INTERNAL_CONTEXT_HEADER, InvalidInternalContextError, type InternalContext } from '../auth/internal-context.js';
import { createOrm } from '../db/orm.js';
import type { Timeouts } from '../config.js';
import { databaseReadiness, type Readiness } from '../db/readiness.js';
import { ErrorCode, maskError, unauthenticated, unavailableError } from '../errors.js';
import { logger } from '../logger.js';
import { inSpan, SpanKind, traceContextFrom } from '../tracing.js';
import { RequestScope } from '../scope.js';
import { withIdempotencyKey } from './idempotency.js';
import { readJsonBody, sendJson } from '../http.js';
import { listen } from '../startup.js';
import type { SubgraphContext, SubgraphDefinition } from './context.js';
import { serveMetrics } from '../metrics.js';
import { OperationExecutor, type SubgraphRequest } from './executor.js';
import { EVENT_PHASES, eventDeliveryOperation, type EventDeliveryRequest } from '../events/delivery.js';

/**
 * A subgraph's definition from its parts; its SDL is read from `schema/<name>.graphql`, the
 * source of truth that composition and codegen read too.
 */
export function defineSubgraph<Loaders>(definition: Omit<SubgraphDefinition<Loaders>, 'typeDefs' | 'resolvers'> & { resolvers: object }): SubgraphDefinition<Loaders> {
  const sdl = fs.readFileSync(fileURLToPath(new URL(`../../../../schema/${definition.name}.graphql`, import.meta.url)), 'utf8');
  return { ...definition, typeDefs: parse(sdl), resolvers: definition.resolvers as GraphQLResolverMap<any> };
}

// Child pages count their rows only when the operation asks for a total somewhere. A word
// test on the document is enough: a false positive only costs a count nobody reads.
const ASKS_FOR_TOTALS = /\btotalCount\b/;

export type { SubgraphRequest } from './executor.js';

export interface SubgraphResponse {
  status: number;
  body: FormattedExecutionResult;
}

export interface SubgraphRuntimeOptions {
  appDatabaseUrl: string;
  poolMax: number;
  internalSecret: string;
  /** The serving role's statement, idle-in-transaction and pool-acquire timeouts; unset: DEFAULT_TIMEOUTS. */
  timeouts?: Pick<Timeouts, 'statementMs' | 'idleInTransactionMs' | 'acquireMs'>;
}

/**
 * Each root Mutation field runs in a transaction of its own (ARCHITECTURE section 2), under
 * its optional idempotencyKey (./idempotency.ts): a repeated key answers the first result.
 */
function wrapMutationsInTransactions(resolvers: GraphQLResolverMap<any>): GraphQLResolverMap<any> {
  const mutation = resolvers.Mutation as Record<string, GraphQLFieldResolver<unknown, SubgraphContext<unknown>>> | undefined;
  if (!mutation) return resolvers;
  const wrapped: Record<string, GraphQLFieldResolver<unknown, SubgraphContext<unknown>>> = {};
  for (const [field, resolve] of Object.entries(mutation)) {
    wrapped[field] = (parent, args, context, info) =>
      context.scope.runInTransaction(async () => withIdempotencyKey(context, field, args, async () => resolve(parent, args, context, info)));
  }
  return { ...resolvers, Mutation: wrapped as any };
}

/**
 * The database failing (down, restarting, pool full, statement timeout) is said as such:
 * SERVICE_UNAVAILABLE, which the mask lets through, instead of an internal error.
 */
function sayUnavailable(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const unavailable = unavailableError(error);
  return unavailable ? { message: unavailable.message, ...(formatted.path ? { path: formatted.path } : {}), extensions: { ...unavailable.extensions } } : formatted;
}

/**
 * One subgraph: its schema, its ORM and the single entry point that both transports use.
 * `execute` checks the gateway's signature, builds the fetch's context and runs the
 * operation (./executor.ts); the HTTP listener only parses and writes JSON around it, and the
 * gateway's in-process source calls `executeTrusted` directly.
 */
export class SubgraphRuntime<Loaders> {
  private constructor(
    readonly definition: SubgraphDefinition<Loaders>,
    readonly orm: MikroORM,
    private readonly executor: OperationExecutor,
    private readonly signer: InternalContextSigner,
  ) {}

  get name(): string {
    return this.definition.name;
  }

  static async create<Loaders>(definition: SubgraphDefinition<Loaders>, options: SubgraphRuntimeOptions): Promise<SubgraphRuntime<Loaders>> {
    const schema = buildSubgraphSchema({ typeDefs: definition.typeDefs, resolvers: wrapMutationsInTransactions(definition.resolvers) });
    const orm = await createOrm({ clientUrl: options.appDatabaseUrl, entities: definition.entities, poolMax: options.poolMax, name: definition.name, timeouts: options.timeouts });
    return new SubgraphRuntime(definition, orm, new OperationExecutor(schema, sayUnavailable), new InternalContextSigner(options.internalSecret));
  }

  async execute(request: SubgraphRequest, headers: Record<string, string | undefined>): Promise<SubgraphResponse> {
    return inSpan(this.spanName, SpanKind.SERVER, this.spanAttributes(request), () => this.executeSigned(request, headers), traceContextFrom(headers));
  }

  /**
   * Runs an operation for a context that needs no signature check: the gateway's in-process
   * source, where the context never leaves the process. The signature guards the HTTP hop of
   * distributed mode; signing and verifying an object handed over in memory (an HMAC and a
   * SHA-256 of the query and variables, twice per fetch) protected nothing. The span continues
   * the caller's active trace in process.
   */
  executeTrusted(request: SubgraphRequest, internal: InternalContext): Promise<SubgraphResponse> {
    return inSpan(this.spanName, SpanKind.SERVER, this.spanAttributes(request), () => this.run(request, internal));
  }

  private get spanName(): string {
    return `subgraph ${this.name}`;
  }

  private spanAttributes(request: SubgraphRequest) {
    return { 'graphql.operation.name': request.operationName ?? undefined, 'ubos.subgraph': this.name };
  }

  private async executeSigned(request: SubgraphRequest, headers: Record<string, string | undefined>): Promise<SubgraphResponse> {
    let internal: InternalContext;
    try {
      internal = this.signer.verify(headers[INTERNAL_CONTEXT_HEADER], request.query, request.variables);
    } catch (error) {
      if (!(error instanceof InvalidInternalContextError)) throw error;
      return { status: 401, body: { errors: [{ message: error.message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] } };
    }
    return this.run(request, internal);
  }

  private async run(request: SubgraphRequest, internal: InternalContext): Promise<SubgraphResponse> {
    const prepared = this.executor.prepare(request);
    if ('refused' in prepared) return { status: 200, body: masked(prepared.refused, internal.requestId) };
    const contextValue = this.createContext(internal, ASKS_FOR_TOTALS.test(request.query ?? ''));
    try {
      // An executed operation answers 200 whatever its errors' codes: the gateway reads the
      // errors from the body (as the in-process source does) and sets the caller's status
      // itself; a 4xx would make it replace them with "401: Unauthorized" and the raw response.
      const body = await contextValue.scope.run(() => this.executor.execute(prepared.document, request, contextValue));
      return { status: 200, body: masked(body, contextValue.requestId) };
    } finally {
      await contextValue.scope.end().catch(() => undefined);
    }
  }

  /**
   * Runs this subgraph's handler of an outbox event, if it has one for the event's type and
   * phase. The gateway signs the delivery like a fetch (the signature covers the event); the
   * handler runs in one transaction of the event's tenant that first claims the inbox row
   * (event, subgraph:<name>), so a redelivered event has no second effect. Answers whether a
   * handler ran (false also when it had run before).
   */
  async deliverEvent(request: EventDeliveryRequest, headers: Record<string, string | undefined>): Promise<{ status: number; body: { handled: boolean } | { errors: Array<{ message: string; extensions: Record<string, unknown> }> } }> {
    if (!EVENT_PHASES.includes(request?.phase) || !request.event) return { status: 400, body: { errors: [{ message: 'Bad event delivery', extensions: { code: 'BAD_REQUEST' } }] } };
    let internal: InternalContext;
    try {
      internal = this.signer.verify(headers[INTERNAL_CONTEXT_HEADER], eventDeliveryOperation(request.phase), request.event);
    } catch (error) {
      if (!(error instanceof InvalidInternalContextError)) throw error;
      return { status: 401, body: { errors: [{ message: error.message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] } };
    }
    const handler = this.definition.events?.[request.event.type];
    if (!handler || (handler.phase ?? 'first') !== request.phase || internal.organizationId !== request.event.organizationId) return { status: 200, body: { handled: false } };
    const contextValue = this.createContext(internal, false);
    try {
      const handled = await contextValue.scope.runInTransaction(async () => {
        const claimed = await contextValue.em.execute<Array<{ event_id: string }>>(
          'insert into inbox (organization_id, event_id, handler) values (?, ?, ?) on conflict do nothing returning event_id',
          [request.event.organizationId, request.event.id, `subgraph:${this.name}`],
        );
        if (claimed.length === 0) return false;
        await handler.handle(contextValue, request.event);
        return true;
      });
      return { status: 200, body: { handled } };
    } finally {
      await contextValue.scope.end().catch(() => undefined);
    }
  }

  private createContext(internal: InternalContext, countsTotals: boolean): SubgraphContext<Loaders> {
    const em = this.orm.em.fork({ clear: true, useContext: false }) as EntityManager;
    const scope = new RequestScope(em, internal);
    const definition = this.definition;
    let loaders: Loaders | undefined;
    scope.onResetCaches(() => {
      loaders = undefined;
    });
    return {
      requestId: internal.requestId,
      get actor() {
        return scope.actor;
      },
      ip: internal.ip,
      userAgent: internal.userAgent,
      scope,
      em,
      get loaders() {
        loaders ??= definition.createLoaders({ em, organizationId: scope.organizationId, countsTotals });
        return loaders;
      },
      organizationId() {
        const organizationId = scope.organizationId;
        if (!organizationId) throw unauthenticated();
        return organizationId;
      },
    };
  }

  /**
   * Serves this subgraph alone over HTTP (distributed mode). `metrics`: how GET /metrics is
   * guarded (this process's SQL statements and latencies, its pool, and whatever else it
   * records), as the gateway guards its own; open (development) when not given.
   */
  listen(port: number, host = '127.0.0.1', metrics: { production: boolean; metricsToken?: string } = { production: false }): Promise<http.Server> {
    const server = http.createServer(async (req, res) => {
      try {
        if (req.method === 'GET' && req.url === '/health') return sendJson(res, 200, { status: 'ok', subgraph: this.name });
        if (req.method === 'GET' && (req.url === '/metrics' || req.url?.startsWith('/metrics?'))) return await serveMetrics(req, res, metrics);
        if (req.method === 'GET' && req.url === '/ready') {
          const readiness = await this.ready();
          return sendJson(res, readiness.ready ? 200 : 503, { status: readiness.ready ? 'ready' : 'not ready', subgraph: this.name, checks: readiness.checks });
        }
        if (req.method === 'POST' && req.url === '/events') {
          const body = await readJsonBody(req);
          if (!body.ok) return sendJson(res, 400, { errors: [{ message: body.message, extensions: { code: 'BAD_REQUEST' } }] });
          const result = await this.deliverEvent(body.value as EventDeliveryRequest, { [INTERNAL_CONTEXT_HEADER]: req.headers[INTERNAL_CONTEXT_HEADER] as string | undefined });
          return sendJson(res, result.status, result.body);
        }
        if (req.method !== 'POST' || !req.url?.startsWith('/graphql')) return sendJson(res, 404, { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
        const body = await readJsonBody(req);
        if (!body.ok) return sendJson(res, 400, { errors: [{ message: body.message, extensions: { code: 'BAD_REQUEST' } }] });
        const headers: Record<string, string | undefined> = {
          [INTERNAL_CONTEXT_HEADER]: req.headers[INTERNAL_CONTEXT_HEADER] as string | undefined,
          traceparent: req.headers.traceparent as string | undefined,
          tracestate: req.headers.tracestate as string | undefined,
        };
        const result = await this.execute(body.value as SubgraphRequest, headers);
        sendJson(res, result.status, result.body);
      } catch (error) {
        logger().error({ subgraph: this.name, error: String(error) }, 'subgraph request failed');
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
      }
    });
    server.keepAliveTimeout = 65_000;
    return listen(server, port, host, `the ${this.name} subgraph`, 'PORT').then(() => server);
  }

  /** Readiness: its database reachable through its own pool, and migrated as this code expects. */
  ready(): Promise<Readiness> {
    return databaseReadiness((sql) => this.orm.em.getConnection().execute(sql));
  }

  async close(): Promise<void> {
    await this.orm.close(true);
  }
}

/** Internal errors masked (logged with the request id), public codes kept. */
function masked(result: FormattedExecutionResult, requestId: string): FormattedExecutionResult {
  return result.errors ? { ...result, errors: result.errors.map((error) => maskError(error, requestId)) } : result;
}
