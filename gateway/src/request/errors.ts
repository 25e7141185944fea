import { Kind, visit, type DocumentNode, type GraphQLFormattedError, type ValueNode } from 'graphql';
import { ErrorCode, maskError } from '@ubos/kernel';

const SUGGESTION = / ?Did you mean[\s\S]*\?$/;

/** An operation's answer as it left the executor, and the status it would have. */
export interface RawAnswer {
  errors?: readonly GraphQLFormattedError[];
  data?: Record<string, unknown> | null;
  /** From the errors' `extensions.http`, when any said one. */
  status?: number;
  /** Refused before it ran (parse, validation, authorization, limits): no data by nature. */
  refused: boolean;
}

/**
 * What the caller sees of an answer's errors: each masked unless it was raised on purpose,
 * without "Did you mean …?", with the request id; and the HTTP status that follows their codes.
 */
export function callerView(answer: RawAnswer, requestId: string, document: DocumentNode | undefined): { errors?: GraphQLFormattedError[]; status: number } {
  if (!answer.errors?.length) return { status: answer.status ?? 200 };
  const errors = answer.errors.map((error) => withoutSuggestion(masked(badLiteralAsUserInput(error, document), requestId)));
  return { errors, status: statusOf(errors, answer) };
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
 * No "Did you mean …?": validation errors and variable coercion (an enum value, an input field)
 * both suggest names, which tells a prober what the schema holds.
 */
function withoutSuggestion(error: GraphQLFormattedError): GraphQLFormattedError {
  return SUGGESTION.test(error.message) ? { ...error, message: error.message.replace(SUGGESTION, '') } : error;
}

const UNAVAILABLE = new Set<unknown>([ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.SUBGRAPH_UNAVAILABLE]);

/**
 * The status of an answer with errors.
 * - Nothing answered (no data): 401 for a missing login; 503 when the database or a subgraph
 *   could not serve now (clients and proxies retry a 503); the status an error asked for; 400 for
 *   any other request the caller got wrong (a refusal, or variables that do not fit, which leave
 *   `data` out); 500 only when something of ours failed.
 * - A partial answer keeps 200, unless everything asked was null because the database or a
 *   subgraph could not serve (a mutation field that is null for that reason, say): 503.
 */
function statusOf(errors: readonly GraphQLFormattedError[], answer: RawAnswer): number {
  const codes = errors.map((error) => error.extensions?.code);
  if (answer.data) {
    if (codes.every((code) => UNAVAILABLE.has(code)) && Object.values(answer.data).every((value) => value === null)) return 503;
    return answer.status ?? 200;
  }
  if (codes.includes(ErrorCode.UNAUTHENTICATED)) return 401;
  if (codes.some((code) => UNAVAILABLE.has(code))) return 503;
  // Variables that do not fit leave `data` out altogether: the caller's mistake, 400.
  const status = answer.status ?? (answer.refused ? 500 : answer.data === undefined ? 400 : 200);
  if (status >= 500 && !codes.includes(ErrorCode.INTERNAL_SERVER_ERROR)) return 400;
  return status;
}
