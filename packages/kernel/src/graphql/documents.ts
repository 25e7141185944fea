import { createRequire } from 'node:module';
import type { DocumentNode, GraphQLError as GraphQLErrorType, GraphQLSchema, ValidationRule } from 'graphql';

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

/** How many documents, and how many characters of their texts, one cache keeps at most. */
export interface DocumentBounds {
  documents: number;
  characters: number;
}

/**
 * Parsed and validated documents by their exact text: each distinct text is parsed and
 * validated once against the schema, then kept. Oldest out first when a bound is reached, so
 * a caller sending ever-new texts cannot make it grow. A refusal is not kept: a bad text costs
 * its sender the parse every time, and nobody else anything.
 */
export class ValidatedDocuments {
  private readonly documents = new Map<string, DocumentNode>();
  private characters = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: readonly ValidationRule[] = specifiedRules,
    private readonly bounds: DocumentBounds = { documents: 1_000, characters: 4_000_000 },
  ) {}

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
    this.keep(query, document);
    return document;
  }

  private keep(query: string, document: DocumentNode): void {
    this.documents.set(query, document);
    this.characters += query.length;
    for (const oldest of this.documents.keys()) {
      if (this.documents.size <= this.bounds.documents && this.characters <= this.bounds.characters) break;
      this.documents.delete(oldest);
      this.characters -= oldest.length;
    }
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
