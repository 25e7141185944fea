import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type DocumentNode, type GraphQLFormattedError, type ValueNode } from 'graphql';
import { ErrorCode, maskError } from '@ubos/kernel';
import type { GatewayContext } from '../context.js';

const SUGGESTION = / ?Did you mean[\s\S]*\?$/;

/**
 * What the caller sees of the errors Apollo answers with: each masked unless it was raised on
 * purpose, without "Did you mean …?", and an HTTP status that follows their codes.
 */
export function errorsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, document }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.errors) return;
          result.errors = result.errors.map((error) => withoutSuggestion(masked(badLiteralAsUserInput(error, document), contextValue.requestId)));
          const status = result.errors.length > 0 && !result.data ? statusWithoutData(result.errors, response.http.status) : unavailableStatus(result.errors, result.data);
          if (status) response.http.status = status;
        },
      };
    },
  };
}

function masked(error: GraphQLFormattedError, requestId: string): GraphQLFormattedError {
  // Which subgraph failed, its address and its raw answer are ours to know.
  const { serviceName: _serviceName, response: _response, ...extensions } = (error.extensions ?? {}) as Record<string, unknown>;
  return maskError({ ...error, extensions }, requestId);
}

const BAD_LITERAL = /^Expected value of type "[^"]+", found /;

/**
 * A bad value written in the query (`asOf: "yesterday"`) is the caller's input, as the same
 * value sent as a variable is: BAD_USER_INPUT, naming the argument (or the input field, as
 * `input.dueDate`) in the message and in `extensions.field`. graphql-js reports it as a
 * validation error located at the value; the document says which argument is there.
 */
function badLiteralAsUserInput(error: GraphQLFormattedError, document: DocumentNode | undefined): GraphQLFormattedError {
  if (error.extensions?.code !== 'GRAPHQL_VALIDATION_FAILED' || !BAD_LITERAL.test(error.message) || !document?.loc || !error.locations?.[0]) return error;
  const field = argumentAt(document, error.locations[0]);
  if (!field) return error;
  return { ...error, message: `${field}: ${error.message}`, extensions: { ...error.extensions, code: 'BAD_USER_INPUT', field } };
}

/** The argument path (`asOf`, `input.dueDate`, `input.lineItems.0.quantity`) whose value starts at `location`. */
function argumentAt(document: DocumentNode, location: { line: number; column: number }): string | undefined {
  const lines = document.loc!.source.body.split('\n');
  const offset = lines.slice(0, location.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + location.column - 1;
  let found: string | undefined;
  const walk = (value: ValueNode, path: string) => {
    if (found) return;
    if (value.loc?.start === offset) found = path;
    if (value.kind === Kind.OBJECT) for (const field of value.fields) walk(field.value, `${path}.${field.name.value}`);
    if (value.kind === Kind.LIST) value.values.forEach((item, index) => walk(item, `${path}.${index}`));
  };
  visit(document, {
    Argument(node) {
      walk(node.value, node.name.value);
    },
  });
  return found;
}

/**
 * Apollo's `hideSchemaDetailsFromClientErrors` removes "Did you mean …?" from validation errors
 * only; coercing variables (an enum value, an input field) suggests too.
 */
function withoutSuggestion(error: GraphQLFormattedError): GraphQLFormattedError {
  return SUGGESTION.test(error.message) ? { ...error, message: error.message.replace(SUGGESTION, '') } : error;
}

/**
 * The status of an answer that is all errors: 401 for a missing login, 503 when the database or
 * a subgraph could not serve, 4xx for any request the caller got wrong, 500 only when something
 * of ours failed. Undefined keeps Apollo's.
 */
const UNAVAILABLE = new Set<unknown>([ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.SUBGRAPH_UNAVAILABLE]);

/**
 * 503 when nothing was answered because the database or a subgraph could not serve (a mutation
 * field that is null for that reason, say), so that clients and proxies retry as they do for any
 * 503; a partial answer keeps 200.
 */
function unavailableStatus(errors: readonly GraphQLFormattedError[], data: Record<string, unknown> | null | undefined): number | undefined {
  if (!errors.every((error) => UNAVAILABLE.has(error.extensions?.code))) return undefined;
  return Object.values(data ?? {}).every((value) => value === null) ? 503 : undefined;
}

function statusWithoutData(errors: readonly GraphQLFormattedError[], apolloStatus: number | undefined): number | undefined {
  if (errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) return 401;
  // The database or a part of the graph could not serve now: try again shortly.
  if (errors.some((error) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE || error.extensions?.code === ErrorCode.SUBGRAPH_UNAVAILABLE)) return 503;
  if ((apolloStatus ?? 200) >= 500 && errors.every((error) => error.extensions?.code !== 'INTERNAL_SERVER_ERROR')) return 400;
  return undefined;
}
