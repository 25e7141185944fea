import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, DEFAULT_REQUEST_LIMITS, ErrorCode, MAX_PAGE_SIZE, type RequestLimits } from '@ubos/kernel';
import type { GatewayContext } from '../context.js';
import { graphqlOfApollo } from '../graphql-cjs.js';

const { getNamedType, getNullableType, isInterfaceType, isListType, isObjectType } = graphqlOfApollo;

/**
 * Request limits at the gateway (ARCHITECTURE section 5, issue 6). Two places enforce them:
 *
 * 1. `readGraphQLRequest` (parse.ts), before anything is parsed: the body's bytes (a declared
 *    length over the limit is refused without reading the body), the batch, and with
 *    `exceededTextLimit` the query's characters and its lexical tokens. Tokens are counted with
 *    the GraphQL lexer, as graphql-js's `parse(…, { maxTokens })` counts them: comments,
 *    whitespace and commas are not tokens, so padding a document changes nothing, and the
 *    character and byte limits bound how much padding is read at all.
 * 2. `checkOperationLimits`, once the document is parsed and validated and the operation
 *    picked (also for a document from the cache): depth, aliases, directives and cost of the
 *    operation that will run, following its fragments.
 *
 * Errors name the limit (`extensions.limit`) but never its value: `BAD_USER_INPUT`, HTTP 400.
 *
 * The limits are `RequestLimits` from the configuration; `limitsFor(context)` lays the caller's
 * own (`GatewayContext.limits`, e.g. an API key's) over them.
 */
export type { RequestLimits };

export type LimitName = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost' | 'body' | 'query';

const MESSAGES: Record<LimitName, string> = {
  depth: 'Query is too deep',
  aliases: 'Query has too many aliases',
  directives: 'Query has too many directives',
  tokens: 'Query has too many tokens',
  cost: 'Query is too expensive',
  body: 'Request body is too large',
  query: 'Query is too long',
};

/** The defaults with the caller's own limits laid over them (positive integers only). */
export function limitsFor(context: Pick<GatewayContext, 'limits'>, defaults: RequestLimits = DEFAULT_REQUEST_LIMITS): RequestLimits {
  const merged: RequestLimits = { ...defaults };
  for (const [name, value] of Object.entries(context.limits ?? {})) {
    if (name in merged && Number.isInteger(value) && (value as number) > 0) merged[name as keyof RequestLimits] = value as number;
  }
  return merged;
}

export function limitExceeded(limit: LimitName): GraphQLError {
  return new GraphQLError(MESSAGES[limit], { extensions: { code: ErrorCode.BAD_USER_INPUT, limit, http: { status: 400 } } });
}

/** The message of a refused limit: it names the limit, never its value. */
export function limitMessage(limit: LimitName): string {
  return MESSAGES[limit];
}

// ---------------------------------------------------------------------------------------------
// Before parsing: characters and tokens

/** The first limit the text of a query exceeds (a query that is not a string exceeds none). */
export function exceededTextLimit(query: unknown, limits: RequestLimits): 'query' | 'tokens' | undefined {
  if (typeof query !== 'string') return undefined;
  // Characters as JavaScript counts them (UTF-16 code units; an emoji counts twice).
  if (query.length > limits.maxQueryChars) return 'query';
  if (countTokens(query, limits.maxTokens) > limits.maxTokens) return 'tokens';
  return undefined;
}

/**
 * The query's lexical tokens, as graphql-js's parser counts them for `maxTokens` (comments are
 * skipped by the lexer, EOF is not counted). Stops one past `max`, so the work is bounded by the
 * limit, not by the document. A syntax error stops the count; the parse then reports the error.
 */
export function countTokens(query: string, max = Number.POSITIVE_INFINITY): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (count <= max && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // GRAPHQL_PARSE_FAILED, from the parse that follows.
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// After validation: depth, aliases, directives, cost

export interface OperationMeasure {
  /** Deepest nesting of fields: `{ a { b } }` is 2. */
  depth: number;
  /** Aliased fields, `__typename` included; a fragment counts once per spread. */
  aliases: number;
  /** Directives anywhere in the operation and the fragments it spreads, once per spread. */
  directives: number;
  cost: number;
}

// A connection's page size when `first` is not given, and the most it counts for, are the
// subgraphs' own (DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE from the kernel), so the estimate matches.

const ZERO: OperationMeasure = Object.freeze({ depth: 0, aliases: 0, directives: 0, cost: 0 });

/**
 * Measures one operation of a validated document.
 *
 * **Cost model.** Every field costs 1. A field that takes a `first` argument (a connection:
 * `clients`, `projects`, `history`, …) multiplies the cost of what is selected under it by its
 * `first` (a literal or the variable's value; 20 when not given, at most 100), and a list right
 * under such a field (`edges`) is that page, so it multiplies by 1. Any other field whose type
 * is a list (`milestones`) multiplies its selection by 20. So
 * `clients(first: 50) { edges { node { id projects(first: 5) { edges { node { id } } } } } }`
 * costs 1 + 50 × (1 + (1 + 1 + (1 + 5 × (1 + (1 + 1))))) = 951: `edges` 1, `node` 1, `id` 1,
 * `projects` 1 + 5 × 3 per client.
 *
 * **Introspection** (`__schema`, `__type`) is answered by the gateway from memory, never by a
 * subgraph, so its subtree counts 1 for cost and depth (GraphiQL's own introspection query is 15
 * deep). Only the real meta-fields on the query root qualify, never a fragment or alias of that
 * name; graphql-js's `MaxIntrospectionDepthRule`, among the rules the gateway validates with, refuses
 * introspection that nests `fields`, `interfaces` or `possibleTypes` lists more than 3 deep.
 *
 * Says too whether a variable went into it; if none did, it holds for any variables.
 */
function measure(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): { measure: OperationMeasure; readVariables: boolean } {
  let readVariables = false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const queryType = schema.getQueryType();
  // A fragment's measure does not depend on where it is spread (only on whether it is spread
  // right under a connection), so each is computed once, in full, and reused.
  const memo = new Map<string, OperationMeasure>();
  const inProgress = new Set<string>();

  const variableValue = (name: string): unknown => {
    readVariables = true;
    if (Object.prototype.hasOwnProperty.call(variables, name)) return variables[name];
    const definition = operation.variableDefinitions?.find((candidate) => candidate.variable.name.value === name);
    return definition?.defaultValue?.kind === Kind.INT ? Number(definition.defaultValue.value) : undefined;
  };

  const pageSize = (node: FieldNode): number => {
    const argument = node.arguments?.find((candidate) => candidate.name.value === 'first');
    let value: unknown;
    if (argument?.value.kind === Kind.VARIABLE) value = variableValue(argument.value.name.value);
    else if (argument?.value.kind === Kind.INT) value = Number(argument.value.value);
    else if (argument && argument.value.kind !== Kind.NULL) value = MAX_PAGE_SIZE;
    if (value === undefined || value === null) return DEFAULT_PAGE_SIZE;
    if (typeof value !== 'number' || !Number.isFinite(value)) return MAX_PAGE_SIZE;
    return Math.min(Math.max(Math.trunc(value), 0), MAX_PAGE_SIZE);
  };

  const field = (node: FieldNode, parent: GraphQLNamedType | undefined, underPage: boolean): OperationMeasure => {
    const aliases = node.alias ? 1 : 0;
    if (!node.selectionSet) return { depth: 1, aliases, directives: 0, cost: 1 };
    const name = node.name.value;
    if ((name === '__schema' || name === '__type') && parent !== undefined && parent === queryType) {
      const inner = selectionSet(node.selectionSet, undefined, false);
      return { depth: 1, aliases: aliases + inner.aliases, directives: inner.directives, cost: 1 };
    }
    const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
    let multiplier = 1;
    let page = false;
    if (definition?.args.some((argument) => argument.name === 'first')) {
      multiplier = pageSize(node);
      page = true;
    } else if (definition && isListType(getNullableType(definition.type))) {
      multiplier = underPage ? 1 : DEFAULT_PAGE_SIZE;
    }
    const inner = selectionSet(node.selectionSet, definition ? getNamedType(definition.type) : undefined, page);
    // `first: 0` selects nothing (and 0 × Infinity would be NaN).
    const cost = multiplier === 0 ? 1 : 1 + multiplier * inner.cost;
    return { depth: 1 + inner.depth, aliases: aliases + inner.aliases, directives: inner.directives, cost };
  };

  const spread = (name: string, underPage: boolean): OperationMeasure => {
    const key = `${name}\u0000${underPage}`;
    const known = memo.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    // Unknown and cyclic fragments never get here: validation refuses them first.
    if (!fragment || inProgress.has(key)) return ZERO;
    inProgress.add(key);
    const inner = selectionSet(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, underPage);
    inProgress.delete(key);
    const measure = { ...inner, directives: inner.directives + (fragment.directives?.length ?? 0) };
    memo.set(key, measure);
    return measure;
  };

  const selectionSet = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, underPage: boolean): OperationMeasure => {
    const total = { depth: 0, aliases: 0, directives: 0, cost: 0 };
    for (const selection of set.selections) {
      let part: OperationMeasure;
      if (selection.kind === Kind.FIELD) part = field(selection, parent, underPage);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? undefined) : parent;
        part = selectionSet(selection.selectionSet, type, underPage);
      } else part = spread(selection.name.value, underPage);
      total.depth = Math.max(total.depth, part.depth);
      total.aliases += part.aliases;
      total.directives += part.directives + (selection.directives?.length ?? 0);
      total.cost += part.cost;
    }
    return total;
  };

  const rootType = operation.operation === 'query' ? queryType : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  const root = selectionSet(operation.selectionSet, rootType ?? undefined, false);
  const ownDirectives = (operation.directives?.length ?? 0) + (operation.variableDefinitions ?? []).reduce((sum, definition) => sum + (definition.directives?.length ?? 0), 0);
  return { measure: { ...root, directives: root.directives + ownDirectives }, readVariables };
}

// Measures that read no variable, by schema and by the operation of a kept document: most
// operations' page sizes are literals, and walking a large operation per request (Q3's
// lifecycle, a hundred fields) cost more than its cached answer.
const measuresOfOperations = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, OperationMeasure>>();

function measureOnce(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): OperationMeasure {
  let known = measuresOfOperations.get(schema);
  if (!known) measuresOfOperations.set(schema, (known = new WeakMap()));
  const kept = known.get(operation);
  if (kept) return kept;
  const measured = measure(schema, document, operation, variables);
  if (!measured.readVariables) known.set(operation, measured.measure);
  return measured.measure;
}

/** The first limit the operation exceeds. (`!(x <= max)` so that NaN counts as exceeding.) */
export function exceededLimit(measure: OperationMeasure, limits: RequestLimits): LimitName | undefined {
  if (!(measure.depth <= limits.maxDepth)) return 'depth';
  if (!(measure.aliases <= limits.maxAliases)) return 'aliases';
  if (!(measure.directives <= limits.maxDirectives)) return 'directives';
  if (!(measure.cost <= limits.maxCost)) return 'cost';
  return undefined;
}

/** Depth, aliases, directives and cost of the operation about to run, within `limits`; throws the refusal. */
export function checkOperationLimits(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, limits: RequestLimits): void {
  const exceeded = exceededLimit(measureOnce(schema, document, operation, variables), limits);
  if (exceeded) throw limitExceeded(exceeded);
}
