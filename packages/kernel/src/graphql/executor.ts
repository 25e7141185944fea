import { createRequire } from 'node:module';
import type { DocumentNode, FormattedExecutionResult, GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { ErrorCode } from '../errors.js';
import { BoundedTextCache, formatGraphQLError, isRefusedDocument, isVariableCoercionError, ValidatedDocuments, type TextBounds } from './documents.js';

// graphql as @apollo/subgraph loads it (CommonJS): its schema is refused by the functions of any
// other copy ("Cannot use GraphQLSchema from another module or realm"), the ESM one included.
const require = createRequire(import.meta.url);
const { getOperationAST, getVariableValues, isObjectType, NoSchemaIntrospectionCustomRule, specifiedRules } = require('graphql') as typeof import('graphql');
const { compileQuery, isCompiledQuery } = require('graphql-jit') as typeof import('graphql-jit');
type CompiledQuery = import('graphql-jit').CompiledQuery;

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
 * Runs a subgraph's operations: each distinct text is parsed and validated once and kept, and
 * each of its operations compiled once with graphql-jit, which then runs it. graphql-js built
 * the arguments, the resolve info and the result of every field of every row at run time (two
 * objects per field of a 50-row page's rows, arguments or not); the compiled operation has
 * them as code. This is what Apollo Server did per fetch, less its HTTP-shaped pipeline, which
 * a subgraph called only by its own gateway never used (content negotiation and a SHA-256 of
 * the text per request, plugin hooks, a copy of the response). Errors are formatted as Apollo
 * Server formats them: the same codes (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
 * BAD_USER_INPUT for variables, INTERNAL_SERVER_ERROR when a resolver's error has none), then
 * `formatError`.
 *
 * One difference from graphql-js binds the resolvers: a field with no resolver of its own is
 * read as a plain value. A value there that is a promise or a function is not awaited or called
 * (graphql-js did both), so a lazy value goes through a resolver, or a getter that answers a
 * plain value; the connections' `totalCount` gets its resolver here.
 */
export class OperationExecutor {
  private readonly documents: ValidatedDocuments;
  // Compiled code takes far more memory than its text (367 KB for a 2.2 KB operation of 170
  // fields, about 170 times), so compiled operations have a bound of their own, well under the
  // documents': at most about 40 MB of code for a caller who sends ever-new large operations.
  // By the text, then by the operation's name (one text may hold several operations).
  private readonly compiled: BoundedTextCache<Map<string, CompiledQuery>>;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
    compiledBounds: TextBounds = { entries: 500, characters: 250_000 },
  ) {
    this.documents = new ValidatedDocuments(schema, RULES);
    this.compiled = new BoundedTextCache(compiledBounds, (key) => key.length);
    resolveCountsLazily(schema);
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
    const operationName = request.operationName ?? undefined;
    const variables = request.variables ?? {};
    const result = await this.compiledOf(document, request.query ?? '', operationName).query(undefined, contextValue, variables);
    if (!result.errors) return result as FormattedExecutionResult;
    // No data at all: the variables did not fit, and nothing ran. graphql-jit words these
    // refusals its own way and without their nodes; graphql-js's, which Apollo Server answered
    // and the gateway gives too, are computed again for this rare case.
    if (!('data' in result)) return { errors: this.variableRefusals(document, operationName, variables, result.errors) };
    // Errors first, as graphql-js answered. Among several errors the order may differ from
    // graphql-js's (a null in a non-null field comes last): GraphQL leaves that order open.
    return { errors: result.errors.map((error) => this.format(error, undefined)), data: result.data } as FormattedExecutionResult;
  }

  private variableRefusals(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, compiledErrors: readonly GraphQLError[]): GraphQLFormattedError[] {
    const definitions = getOperationAST(document, operationName)?.variableDefinitions ?? [];
    const coerced = getVariableValues(this.schema, definitions, variables);
    // Were graphql-js to accept what jit refused, the fault would be ours: an internal error.
    return (coerced.errors ?? compiledErrors).map((error) => this.format(error, isVariableCoercionError(error) ? ErrorCode.BAD_USER_INPUT : undefined));
  }

  /** How many texts it keeps compiled operations of now. */
  get compiledTexts(): number {
    return this.compiled.size;
  }

  private compiledOf(document: DocumentNode, query: string, operationName: string | undefined): CompiledQuery {
    let byName = this.compiled.get(query);
    if (!byName) this.compiled.set(query, (byName = new Map()));
    let compiled = byName.get(operationName ?? '');
    if (!compiled) {
      const made = compileQuery(this.schema, document, operationName);
      if (!isCompiledQuery(made)) throw new Error(made.errors?.map((error) => error.message).join('; ') ?? 'could not compile');
      byName.set(operationName ?? '', (compiled = made));
    }
    return compiled;
  }

  private format(error: unknown, code: string | undefined): GraphQLFormattedError {
    return this.formatError(formatGraphQLError(error, code), error);
  }
}

/**
 * A connection's `totalCount` is a getter that counts when read, and may answer a promise.
 * graphql-jit reads a field that has no resolver as a plain value, without awaiting it (graphql-js
 * awaited it), so these fields get a resolver that reads the getter.
 */
function resolveCountsLazily(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const field = type.getFields().totalCount;
    if (field && !field.resolve) field.resolve = (connection: { totalCount: unknown }) => connection.totalCount;
  }
}
