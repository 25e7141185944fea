import { createRequire } from 'node:module';
import type { DocumentNode, FormattedExecutionResult, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { ErrorCode } from '../errors.js';
import { formatGraphQLError, isRefusedDocument, isVariableCoercionError, ValidatedDocuments } from './documents.js';

// graphql as @apollo/subgraph loads it (CommonJS): its schema is refused by the functions of any
// other copy ("Cannot use GraphQLSchema from another module or realm"), the ESM one included.
const { execute, getOperationAST, NoSchemaIntrospectionCustomRule, specifiedRules } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/** One operation for a subgraph, as its gateway sends it. */
export interface SubgraphRequest {
  query?: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown>;
}

// Composition reads the SDL files; nobody introspects a running subgraph.
const RULES = [...specifiedRules, NoSchemaIntrospectionCustomRule];

/**
 * Runs a subgraph's operations: each distinct text is parsed and validated once and kept, then
 * executed with graphql-js. This is what Apollo Server did per fetch, less its HTTP-shaped
 * pipeline, which a subgraph called only by its own gateway never used (content negotiation
 * and a SHA-256 of the text per request, plugin hooks, a copy of the response). Errors are
 * formatted as Apollo Server formats them: the same codes (GRAPHQL_PARSE_FAILED,
 * GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT for variables, INTERNAL_SERVER_ERROR when a
 * resolver's error has none), then `formatError`.
 */
export class OperationExecutor {
  private readonly documents: ValidatedDocuments;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
  ) {
    this.documents = new ValidatedDocuments(schema, RULES);
  }

  /** The document of a request that names one operation in it, or an answer that refuses it. */
  prepare(request: SubgraphRequest): { document: DocumentNode } | { refused: FormattedExecutionResult } {
    const query = request.query;
    if (typeof query !== 'string' || query === '') {
      return { refused: { errors: [{ message: 'GraphQL operations must contain a non-empty `query`.', extensions: { code: 'BAD_REQUEST' } }] } };
    }
    const document = this.documents.get(query);
    if (isRefusedDocument(document)) return { refused: { errors: document.errors.map((error) => this.format(error, document.code)) } };
    if (!getOperationAST(document, request.operationName ?? undefined)) {
      const message = request.operationName ? `Unknown operation named "${request.operationName}".` : 'Must provide operation name if query contains multiple operations.';
      return { refused: { errors: [{ message, extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }] } };
    }
    return { document };
  }

  async execute(document: DocumentNode, request: SubgraphRequest, contextValue: unknown): Promise<FormattedExecutionResult> {
    const result = await execute({ schema: this.schema, document, operationName: request.operationName ?? undefined, variableValues: request.variables ?? undefined, contextValue });
    if (!result.errors) return result as FormattedExecutionResult;
    return { ...result, errors: result.errors.map((error) => this.format(error, isVariableCoercionError(error) ? ErrorCode.BAD_USER_INPUT : undefined)) } as FormattedExecutionResult;
  }

  private format(error: unknown, code: string | undefined): GraphQLFormattedError {
    return this.formatError(formatGraphQLError(error, code), error);
  }
}
