import { createHash } from 'node:crypto';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import type { DocumentNode, GraphQLError as GraphQLErrorType, GraphQLFormattedError, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { apolloLogger, BoundedTextCache, ErrorCode, formatGraphQLError, isRefusedDocument, isVariableCoercionError, ValidatedDocuments, type RequestLimits } from '@ubos/kernel';
import type { GatewayContext } from '../context.js';
import type { Federation } from '../federation.js';
import { graphqlOfApollo } from '../graphql-cjs.js';
import { authorizeOperation, type AuthorizationRules } from './authorize.js';
import type { RawAnswer } from './errors.js';
import { checkOperationLimits, limitsFor } from './limits.js';

const { getOperationAST } = graphqlOfApollo;

/** One GraphQL request as GraphQL over HTTP carries it (already checked for its shape). */
export interface GraphQLRequest {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}

/** What one operation answered, before the caller's view of its errors (errors.ts). */
export interface OperationAnswer extends RawAnswer {
  extensions?: Record<string, unknown>;
  /** Headers an error asked for (the APQ miss's cache-control, a 405's allow). */
  headers: Record<string, string>;
  document?: DocumentNode;
  operation?: OperationDefinitionNode;
  /** The operation's name, or the one the request gave when none was resolved. */
  operationName: string | null;
}

export interface OperationRules extends AuthorizationRules {
  /** Limits on every request; `limitsFor` lays the caller's own over them. */
  limits: RequestLimits;
}


/**
 * Runs one GraphQL operation through the steps @apollo/server ran for the gateway, without its
 * plugin machinery: the persisted text (APQ), the document (parsed and validated once per
 * text), the operation, then authorization and the request limits, then the federated plan.
 * Answers with the same codes and statuses as Apollo Server: GRAPHQL_PARSE_FAILED,
 * GRAPHQL_VALIDATION_FAILED, OPERATION_RESOLUTION_FAILURE, BAD_USER_INPUT for variables that
 * do not fit, PERSISTED_QUERY_NOT_FOUND, BAD_REQUEST.
 */
export class OperationRunner {
  private readonly documents: ValidatedDocuments;
  // Automatic persisted queries (APQ): texts by their SHA-256, as apps register them. A text is
  // no secret and the same for every tenant.
  private readonly persistedTexts = new BoundedTextCache<string>({ entries: 1_000, characters: 4_000_000 }, (_hash, text) => text.length);
  // The plan cache's key for a document: ours, short, so that @apollo/gateway hashes a few
  // characters per request instead of the operation's whole text.
  private readonly planKeys = new WeakMap<DocumentNode, string>();
  private nextPlanKey = 0;
  private readonly logger = apolloLogger({ component: 'gateway' });

  constructor(
    private readonly federation: Federation,
    private readonly rules: OperationRules,
  ) {
    this.documents = new ValidatedDocuments(federation.schema);
  }

  get schema(): GraphQLSchema {
    return this.federation.schema;
  }

  async run(request: GraphQLRequest, context: GatewayContext, method: string): Promise<OperationAnswer> {
    const unresolved = request.operationName ?? null;
    const persisted = this.persistedText(request);
    if ('refused' in persisted) return { ...persisted.refused, operationName: unresolved };
    const query = persisted.query;

    const document = this.documents.get(query);
    if (isRefusedDocument(document)) return { ...refusal(document.errors.map((error) => formatGraphQLError(error, document.code)), unresolved, 400), document: document.document };

    const operation = getOperationAST(document, request.operationName) ?? undefined;
    if (!operation) {
      const message = request.operationName ? `Unknown operation named "${request.operationName}".` : 'Must provide operation name if query contains multiple operations.';
      return { ...refusal([{ message, extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }], unresolved, 400), document };
    }
    const operationName = operation.name?.value ?? null;
    const resolved = { document, operation, operationName };
    if (method === 'GET' && operation.operation !== 'query') {
      const message = `GET requests only support query operations, not ${operation.operation} operations`;
      return { ...refusal([{ message, extensions: { code: 'BAD_REQUEST' } }], operationName, 405, { allow: 'POST' }), ...resolved };
    }
    try {
      authorizeOperation(context, this.schema, document, operation, this.rules);
      checkOperationLimits(this.schema, document, operation, request.variables ?? {}, limitsFor(context, this.rules.limits));
    } catch (error) {
      const refused = formatted(error);
      return { ...refusal([refused.error], operationName, refused.status), ...resolved };
    }
    if (persisted.register) this.persistedTexts.set(persisted.register, query);

    try {
      const result = await this.federation.execute(this.requestContext(request, query, document, operation, context));
      const errors = result.errors?.map((error) => formatGraphQLError(error, isVariableCoercionError(error as GraphQLErrorType) ? ErrorCode.BAD_USER_INPUT : undefined));
      return { errors, data: result.data as RawAnswer['data'], extensions: result.extensions, refused: false, headers: {}, ...resolved };
    } catch (error) {
      const failed = formatted(error);
      return { ...refusal([failed.error], operationName, failed.status), ...resolved };
    }
  }

  /** The text to run: as sent, or an APQ's by its hash. */
  private persistedText(request: GraphQLRequest): { query: string; register?: string } | { refused: Omit<OperationAnswer, 'operationName'> } {
    const apq = request.extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
    if (!apq) {
      if (request.query) return { query: request.query };
      return { refused: refusal([badRequest('GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.')], null, 400) };
    }
    if (apq.version !== 1) return { refused: refusal([badRequest('Unsupported persisted query version')], null, 400) };
    const hash = String(apq.sha256Hash);
    if (request.query === undefined) {
      const known = this.persistedTexts.get(hash);
      if (known !== undefined) return { query: known };
      // Not cacheable: the app sends the text next, and then the hash works.
      return { refused: refusal([{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }], null, 200, { 'cache-control': 'private, no-cache, must-revalidate' }) };
    }
    if (createHash('sha256').update(request.query).digest('hex') !== hash) return { refused: refusal([badRequest('provided sha does not match query')], null, 400) };
    return { query: request.query, register: hash };
  }

  private requestContext(request: GraphQLRequest, query: string, document: DocumentNode, operation: OperationDefinitionNode, context: GatewayContext): GatewayGraphQLRequestContext<GatewayContext> {
    let planKey = this.planKeys.get(document);
    if (!planKey) {
      planKey = `document:${++this.nextPlanKey}`;
      this.planKeys.set(document, planKey);
    }
    return {
      request: { query, operationName: request.operationName, variables: request.variables, extensions: request.extensions },
      logger: this.logger,
      schema: this.schema,
      schemaHash: '' as GatewayGraphQLRequestContext['schemaHash'],
      context,
      cache: undefined as unknown as GatewayGraphQLRequestContext['cache'],
      queryHash: planKey,
      document,
      source: query,
      operationName: operation.name?.value ?? null,
      operation,
      metrics: {},
      overallCachePolicy: undefined,
    };
  }
}

export function refusal(errors: GraphQLFormattedError[], operationName: string | null, status?: number, headers: Record<string, string> = {}): OperationAnswer {
  return { errors, refused: true, status, headers, operationName };
}

export function badRequest(message: string): GraphQLFormattedError {
  return { message, extensions: { code: 'BAD_REQUEST' } };
}

/** A thrown error as the caller gets it, and the status it asks for in `extensions.http` (which it then loses). */
function formatted(thrown: unknown): { error: GraphQLFormattedError; status?: number } {
  const { extensions, ...error } = formatGraphQLError(thrown);
  const { http, ...rest } = (extensions ?? {}) as Record<string, unknown> & { http?: { status?: number } };
  return { error: { ...error, extensions: rest }, status: typeof http?.status === 'number' ? http.status : undefined };
}
