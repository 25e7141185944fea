import { createRequire } from 'node:module';
import type { DocumentNode, GraphQLError as GraphQLErrorType, GraphQLFormattedError, GraphQLSchema, ValidationRule } from 'graphql';
import { ErrorCode } from '../errors.js';

// graphql as @apollo/subgraph and @apollo/gateway load it (CommonJS): their schemas are refused
// by the functions of any other copy ("Cannot use GraphQLSchema from another module or realm").
const { GraphQLError, Kind, parse, specifiedRules, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/** Why a text is not a document to run: it does not parse, or it does not validate. */
export interface RefusedDocument {
  code: 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED';
  errors: readonly GraphQLErrorType[];
  /** The document that did not validate: its errors' locations point into it. */
  document?: DocumentNode;
}

/** How many entries, and how many characters of their texts, a cache of texts keeps at most. */
export interface TextBounds {
  entries: number;
  characters: number;
}

/**
 * Values kept by a text, oldest out first once either bound is passed, so that a caller sending
 * ever-new texts cannot make it grow. `charactersOf` says how much of the bound an entry takes.
 */
export class BoundedTextCache<V> {
  private readonly values = new Map<string, V>();
  private characters = 0;

  constructor(
    private readonly bounds: TextBounds,
    private readonly charactersOf: (key: string, value: V) => number,
  ) {}

  get(key: string): V | undefined {
    return this.values.get(key);
  }

  /** How many entries it keeps now. */
  get size(): number {
    return this.values.size;
  }

  set(key: string, value: V): void {
    if (this.values.has(key)) return;
    this.values.set(key, value);
    this.characters += this.charactersOf(key, value);
    for (const [oldest, oldValue] of this.values) {
      if (this.values.size <= this.bounds.entries && this.characters <= this.bounds.characters) break;
      this.values.delete(oldest);
      this.characters -= this.charactersOf(oldest, oldValue);
    }
  }
}

/**
 * Parsed and validated documents by their exact text: each distinct text is parsed and
 * validated once against the schema, then kept (within `bounds`). A refusal is not kept: a bad
 * text costs its sender the parse every time, and nobody else anything.
 */
export class ValidatedDocuments {
  private readonly documents: BoundedTextCache<DocumentNode>;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: readonly ValidationRule[] = specifiedRules,
    bounds: TextBounds = { entries: 1_000, characters: 4_000_000 },
  ) {
    this.documents = new BoundedTextCache(bounds, (text) => text.length);
  }

  get(query: string): DocumentNode | RefusedDocument {
    const known = this.documents.get(query);
    if (known) return known;
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      const syntaxError = error instanceof GraphQLError ? error : new GraphQLError(String((error as Error)?.message ?? error));
      return { code: 'GRAPHQL_PARSE_FAILED', errors: [syntaxError] };
    }
    const invalid = validate(this.schema, document, this.rules);
    if (invalid.length > 0) return { code: 'GRAPHQL_VALIDATION_FAILED', errors: invalid, document };
    this.documents.set(query, document);
    return document;
  }
}

export function isRefusedDocument(value: DocumentNode | RefusedDocument): value is RefusedDocument {
  return 'code' in value;
}

/**
 * A variable the caller sent that does not fit its type: Apollo Server's test, on the same
 * messages, so that both the gateway and the subgraphs answer BAD_USER_INPUT for it.
 */
export function isVariableCoercionError(error: GraphQLErrorType): boolean {
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  if (node?.kind !== Kind.VARIABLE_DEFINITION || error.extensions?.code != null) return false;
  const prefix = `Variable "$${node.variable.name.value}" `;
  return ['has invalid value', 'got invalid value ', 'of required type ', 'of non-null type '].some((rest) => error.message.startsWith(prefix + rest));
}

/**
 * An error as a GraphQL answer carries it, as Apollo Server formatted it: a GraphQL error's
 * message, locations, path and extensions (whichever copy of graphql made it), anything else
 * wrapped in one; `extensions.code` its own, else `code`, else INTERNAL_SERVER_ERROR.
 */
export function formatGraphQLError(error: unknown, code?: string): GraphQLFormattedError {
  const graphqlError = isGraphQLErrorLike(error)
    ? error
    : new GraphQLError(error instanceof Error ? error.message : `Unexpected error value: ${String(error)}`, { originalError: error instanceof Error ? error : undefined });
  const formatted = graphqlError.toJSON();
  return { ...formatted, extensions: { ...formatted.extensions, code: formatted.extensions?.code ?? code ?? ErrorCode.INTERNAL_SERVER_ERROR } };
}

function isGraphQLErrorLike(error: unknown): error is GraphQLErrorType {
  return !!error && typeof error === 'object' && typeof (error as GraphQLErrorType).toJSON === 'function' && 'extensions' in error;
}
