import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { Supergraph } from '@apollo/federation-internals';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLFieldResolver, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import {
  createFileStore,
  createOrm,
  DEFAULT_REQUEST_LIMITS,
  loadConfig,
  maskError,
  RequestScope,
  sendJson,
  tokensFromConfig,
  unauthenticated,
  withIdempotencyKey,
  type InternalContext,
  type SubgraphContext,
  type SubgraphDefinition,
} from '@ubos/kernel';
import { readCommittedSupergraph } from '@ubos/gateway';
import { crmSubgraph } from '@ubos/crm';
import { createIdentitySubgraph } from '@ubos/identity';
import { projectsSubgraph } from '@ubos/projects';
import { agreementsSubgraph } from '@ubos/agreements';
import { engagementsSubgraph } from '@ubos/engagements';
import { revenueSubgraph } from '@ubos/revenue';
import { communicationSubgraph } from '@ubos/communication';
import { createFilesSubgraph } from '@ubos/files';
import { workflowSubgraph } from '@ubos/workflow';
import { createTimelineSubgraph } from '@ubos/timeline';
import { integrationsSubgraph } from '@ubos/integrations';
// Not exported from @ubos/gateway's index: the same functions the project's gateway runs.
import { authenticate, callerView, checkOperationLimits, isPublicOperation, limitsFor, readGraphQLRequest, Refusal, supergraphForGateway, type GatewayContext } from '@ubos/gateway/request';
import { applyIsolationSwitch } from '../isolation.js';
import { serveSqlMetrics } from '../lib/sql-metrics.js';

/**
 * THE MONOLITH (benchmark code, not product code): one Apollo Server whose schema is the union
 * of the subgraphs' SDL (the API schema of the committed supergraph), executed with the
 * subgraphs' own resolvers and services over one ORM that knows every entity. No gateway, no
 * query planning, no signing, no HTTP or in-process fetch between subgraphs: what remains is
 * the work every system must do, so UBOS one-process against this is the federation tax.
 *
 * Per request there is one forked EntityManager and one RequestScope (the tenant filter set,
 * reads carrying the tenant's settings statement by statement, and one transaction per root
 * mutation field, exactly as a subgraph does it), and one context view per subgraph: each subgraph's resolvers get their
 * own loaders, as they expect. A field owned by another subgraph than the one that produced
 * its parent (Client.projects under a crm Client, Invoice.client's name, …) first turns the
 * parent into that subgraph's representation with its __resolveReference, as the gateway's
 * _entities fetch would; the loaders batch those calls, so statements stay one per level.
 *
 * Authentication, request limits and error masking are the project gateway's own functions.
 */

const { defaultFieldResolver, isObjectType, parse, Kind } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

type Resolver = GraphQLFieldResolver<any, any>;
type ResolverMap = Record<string, Record<string, unknown>>;

const config = loadConfig();
applyIsolationSwitch();
const appUrl = process.env.APP_DATABASE_URL;
if (!appUrl) throw new Error('APP_DATABASE_URL is required');
const poolMax = Number(process.env.UBOS_DB_POOL_MAX ?? 10);

const tokens = await tokensFromConfig(config);
let publicUrl: string | undefined;
const fileStore = await createFileStore(config, { publicUrl: () => publicUrl });
const definitions: SubgraphDefinition<unknown>[] = [
  createIdentitySubgraph(tokens),
  crmSubgraph,
  agreementsSubgraph,
  engagementsSubgraph,
  projectsSubgraph,
  revenueSubgraph,
  communicationSubgraph,
  createFilesSubgraph(fileStore, { maxBytes: config.files.maxBytes }),
  workflowSubgraph,
  createTimelineSubgraph(tokens),
  integrationsSubgraph,
] as SubgraphDefinition<unknown>[];
const byName = new Map(definitions.map((definition) => [definition.name, definition]));
const entities = [...new Set(definitions.flatMap((definition) => definition.entities))];
const orm = await createOrm({ clientUrl: appUrl, entities, poolMax, name: 'monolith' });

/* ---------------------------------------------------------------------------------------------
 * Who owns what, read from the committed supergraph's join directives.
 * ------------------------------------------------------------------------------------------- */

interface Ownership {
  /** Subgraphs of a type, with their key field names. */
  types: Map<string, Map<string, string[]>>;
  /** `Type.field` to the subgraphs that resolve it. */
  fields: Map<string, string[]>;
}

function readOwnership(supergraphSdl: string): Ownership {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  const argument = (directive: any, name: string) => directive.arguments?.find((arg: any) => arg.name.value === name)?.value;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) {
        const graph = value.directives?.find((directive) => directive.name.value === 'join__graph');
        graphNames.set(value.name.value, argument(graph, 'name').value);
      }
    }
  }
  const ownership: Ownership = { types: new Map(), fields: new Map() };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const typeName = definition.name.value;
    const graphs = new Map<string, string[]>();
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'join__type') continue;
      const graph = graphNames.get(argument(directive, 'graph').value)!;
      const key = argument(directive, 'key')?.value as string | undefined;
      if (key && /[{}]/.test(key)) throw new Error(`${typeName}: nested keys are not supported by the monolith`);
      if (!graphs.has(graph) || key) graphs.set(graph, key ? key.trim().split(/\s+/) : (graphs.get(graph) ?? []));
    }
    ownership.types.set(typeName, graphs);
    for (const field of definition.fields ?? []) {
      const joins = (field.directives ?? []).filter((directive) => directive.name.value === 'join__field');
      const owners = joins.length
        ? joins.filter((join) => argument(join, 'graph') && argument(join, 'external')?.value !== true).map((join) => graphNames.get(argument(join, 'graph').value)!)
        : [...graphs.keys()];
      ownership.fields.set(`${typeName}.${field.name.value}`, owners);
    }
  }
  return ownership;
}

/* ---------------------------------------------------------------------------------------------
 * The request: one EntityManager, one scope, a context view per subgraph.
 * ------------------------------------------------------------------------------------------- */

interface MonolithContext extends GatewayContext {
  scope: RequestScope;
  em: EntityManager;
  views: Map<string, SubgraphContext<unknown>>;
  /** Parents already turned into a subgraph's representation, per subgraph. */
  references: WeakMap<object, Map<string, unknown>>;
}

function buildContext(gateway: GatewayContext, countsTotals: boolean): MonolithContext {
  const internal: InternalContext = { requestId: gateway.requestId, organizationId: gateway.organizationId, actor: gateway.actor, ip: gateway.ip, userAgent: gateway.userAgent };
  const em = orm.em.fork({ clear: true, useContext: false }) as EntityManager;
  const scope = new RequestScope(em, internal);
  const loaders = new Map<string, unknown>();
  scope.onResetCaches(() => loaders.clear());
  const views = new Map<string, SubgraphContext<unknown>>();
  for (const definition of definitions) {
    views.set(definition.name, {
      requestId: internal.requestId,
      get actor() {
        return scope.actor;
      },
      ip: internal.ip,
      userAgent: internal.userAgent,
      scope,
      em,
      get loaders() {
        if (!loaders.has(definition.name)) loaders.set(definition.name, definition.createLoaders({ em, organizationId: scope.organizationId, countsTotals }));
        return loaders.get(definition.name);
      },
      organizationId() {
        const organizationId = scope.organizationId;
        if (!organizationId) throw unauthenticated();
        return organizationId;
      },
    });
  }
  return { ...gateway, scope, em, views, references: new WeakMap() };
}

/* ---------------------------------------------------------------------------------------------
 * The schema: the supergraph's API schema with every field wired to its owner's resolver.
 * ------------------------------------------------------------------------------------------- */

const origin = new WeakMap<object, string>();

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as Promise<unknown> | undefined)?.then === 'function';
}

/** Notes which subgraph produced each object of a result (lists item by item). */
function tag(value: unknown, subgraph: string): unknown {
  if (isPromise(value)) return value.then((resolved) => tag(resolved, subgraph));
  if (Array.isArray(value)) {
    for (const item of value) tag(item, subgraph);
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    if (!origin.has(value)) origin.set(value, subgraph);
  }
  return value;
}

function buildSchema(): GraphQLSchema {
  const supergraphSdl = supergraphForGateway(readCommittedSupergraph());
  const schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema() as unknown as GraphQLSchema;
  const ownership = readOwnership(supergraphSdl);
  const resolversOf = (subgraph: string) => byName.get(subgraph)!.resolvers as unknown as ResolverMap;

  // Scalars: every subgraph uses the kernel's; take the first that defines each.
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isObjectType(type)) continue;
    const implementation = definitions.map((definition) => (definition.resolvers as ResolverMap)[type.name]).find(Boolean) as any;
    if (implementation && 'serialize' in type) {
      Object.assign(type, { serialize: implementation.serialize, parseValue: implementation.parseValue, parseLiteral: implementation.parseLiteral });
    }
  }

  /** A parent of `typeName` as subgraph `subgraph` knows it: its representation, resolved there. */
  const reference = (typeName: string, parent: any, subgraph: string, context: MonolithContext, info: GraphQLResolveInfo): unknown => {
    let cached = context.references.get(parent);
    if (!cached) context.references.set(parent, (cached = new Map()));
    if (cached.has(subgraph)) return cached.get(subgraph);
    const keys = ownership.types.get(typeName)?.get(subgraph) ?? ['id'];
    const representation: Record<string, unknown> = { __typename: typeName };
    for (const key of keys) representation[key] = parent[key];
    const resolveReference = resolversOf(subgraph)[typeName]?.__resolveReference as ((ref: unknown, ctx: unknown, info: GraphQLResolveInfo) => unknown) | undefined;
    const resolved = tag(resolveReference ? resolveReference(representation, context.views.get(subgraph), info) : representation, subgraph);
    cached.set(subgraph, resolved);
    return resolved;
  };

  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const root = type.name === 'Query' || type.name === 'Mutation';
    for (const [fieldName, field] of Object.entries(type.getFields())) {
      const owners = ownership.fields.get(`${type.name}.${fieldName}`);
      if (!owners?.length) throw new Error(`No subgraph resolves ${type.name}.${fieldName}`);
      const implementations = new Map<string, Resolver>();
      for (const owner of owners) {
        const own = resolversOf(owner)[type.name]?.[fieldName] as Resolver | undefined;
        let resolve: Resolver = own ?? defaultFieldResolver;
        if (type.name === 'Mutation') {
          // As the kernel's wrapMutationsInTransactions: a transaction (and idempotency key) per root field.
          const inner = resolve;
          resolve = (parent, args, ctx: SubgraphContext<unknown>, info) =>
            ctx.scope.runInTransaction(async () => withIdempotencyKey(ctx, fieldName, args, async () => inner(parent, args, ctx, info)));
        }
        implementations.set(owner, resolve);
      }
      field.resolve = (parent, args, context: MonolithContext, info) => {
        let subgraph = owners[0]!;
        let source: unknown = parent;
        if (!root) {
          const from = origin.get(parent);
          if (from && implementations.has(from)) subgraph = from;
          else source = reference(type.name, parent, subgraph, context, info);
        }
        const resolve = implementations.get(subgraph)!;
        const view = context.views.get(subgraph);
        if (source === parent) return tag(resolve(parent, args, view, info), subgraph);
        // A reference that did not resolve (a row gone) answers null, as an empty _entities result would.
        const run = (value: unknown) => (value === null || value === undefined ? null : tag(resolve(value, args, view, info), subgraph));
        return isPromise(source) ? source.then(run) : run(source);
      };
    }
  }
  return schema;
}

/** The gateway's checks and error masking, and the end of the request's scope, as a subgraph fetch has them. */
function monolithPlugin(): ApolloServerPlugin<MonolithContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (contextValue.actor.kind === 'anonymous' && (!operation || !isPublicOperation(operation))) throw unauthenticated();
        },
        async willSendResponse({ response, contextValue }) {
          await contextValue.scope?.end();
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = response.body.singleResult.errors.map((error) => maskError(error, contextValue.requestId));
            const errors = response.body.singleResult.errors;
            if (!response.body.singleResult.data && errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) response.http.status = 401;
          }
        },
      };
    },
  };
}

const limits = config.limits ?? DEFAULT_REQUEST_LIMITS;

/**
 * The gateway's request limits and its view of errors (masking, no suggestions, the status),
 * as Apollo Server plugin hooks: the monolith is one Apollo Server, and the gateway runs the
 * same functions in its own pipeline.
 */
function gatewayChecksPlugin(): ApolloServerPlugin<MonolithContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (operation) checkOperationLimits(schema, document, operation, request.variables ?? {}, limitsFor(contextValue, limits));
        },
        async willSendResponse({ response, contextValue, document }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const result = response.body.singleResult;
          const view = callerView({ errors: result.errors, data: result.data, status: response.http.status, refused: false }, contextValue.requestId, document);
          result.errors = view.errors;
          response.http.status = view.status;
        },
      };
    },
  };
}
const apollo = new ApolloServer<MonolithContext>({
  schema: buildSchema(),
  plugins: [monolithPlugin(), gatewayChecksPlugin(), ApolloServerPluginLandingPageDisabled()],
  includeStacktraceInErrorResponses: false,
  introspection: true,
  hideSchemaDetailsFromClientErrors: true,
  stopOnTerminationSignals: false,
});
await apollo.start();

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  try {
    if (req.method === 'GET' && url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (req.method === 'GET' && url.pathname === '/metrics') return serveSqlMetrics(res);
    if (url.pathname !== '/graphql') return sendJson(res, 404, { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
    let gatewayContext: GatewayContext;
    try {
      gatewayContext = await authenticate(req, tokens);
    } catch (error) {
      return sendJson(res, 401, { errors: [{ message: (error as Error).message, extensions: (error as { extensions?: unknown }).extensions }] });
    }
    let body: unknown;
    try {
      body = await readGraphQLRequest(req, url, limits, gatewayContext.requestId);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      return sendJson(res, error.status, { errors: [{ message: error.message, extensions: error.extensions }] }, error.headers);
    }
    // As the subgraphs do: child pages count totals only when the operation asks for one.
    const countsTotals = /\btotalCount\b/.test(JSON.stringify((body as { query?: unknown } | undefined)?.query ?? url.searchParams.get('query') ?? ''));
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    // As a subgraph fetch runs: reads outside a transaction carry the tenant (RequestScope.run).
    const contextValue = buildContext(gatewayContext, countsTotals);
    const response = await contextValue.scope.run(() =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => contextValue,
      }),
    );
    const responseHeaders: Record<string, string> = { 'x-request-id': gatewayContext.requestId };
    for (const [key, value] of response.headers) responseHeaders[key] = value;
    res.writeHead(response.status ?? 200, responseHeaders);
    if (response.body.kind === 'complete') return res.end(response.body.string);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  } catch (error) {
    if (req.destroyed || (error as NodeJS.ErrnoException).code === 'ECONNRESET') return;
    console.error(JSON.stringify({ level: 'error', msg: 'monolith request failed', error: String(error) }));
    if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  }
});
server.keepAliveTimeout = 65_000;
await new Promise<void>((resolve) => server.listen(config.port, '127.0.0.1', resolve));
publicUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
console.log(JSON.stringify({ level: 'info', msg: 'monolith listening', url: `${publicUrl}/graphql` }));

const shutdown = async () => {
  server.close();
  server.closeAllConnections();
  await apollo.stop();
  await orm.close(true);
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
