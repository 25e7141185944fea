import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { logger, scrubbedText as scrubbed } from './logger.js';

/**
 * Every error the graph returns carries `extensions.code` (ARCHITECTURE section 4). These
 * helpers are the only place domain errors are built.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  /** The database could not serve in time: unreachable, restarting, pool full, statement too slow. Retry later; HTTP 503. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** One part of the graph did not answer in time (distributed mode): its fields are null, the rest is served. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

const httpStatusFor: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

function domainError(message: string, code: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const badUserInput = (message: string, field: string) => domainError(message, ErrorCode.BAD_USER_INPUT, { field });
export const notFound = (what: string, field?: string) =>
  domainError(`${what} not found`, ErrorCode.NOT_FOUND, field ? { field } : {});
export const forbidden = (message = 'Not allowed') => domainError(message, ErrorCode.FORBIDDEN);
export const conflict = (message: string, extra: Record<string, unknown> = {}) => domainError(message, ErrorCode.CONFLICT, extra);
export const unauthenticated = (message = 'Authentication required') =>
  new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: httpStatusFor.UNAUTHENTICATED } } });

/** Codes whose messages were written for the caller and may be shown as they are. */
const PUBLIC_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // The gateway's code for a request it cannot plan, e.g. an unknown operationName.
  'INVALID_GRAPHQL',
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
]);

/**
 * Masks everything that was not raised on purpose: a driver error, a bug, a constraint the
 * service forgot to check. The caller sees a generic message with the request id; the
 * details go to the log with the same id.
 */
export function maskError(formatted: GraphQLFormattedError, requestId: string | undefined, log: (entry: object) => void = defaultLog): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
  const { stacktrace: _stacktrace, exception: _exception, http: _http, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  if (code && PUBLIC_CODES.has(code)) {
    return { ...formatted, extensions: { ...extensions, code, ...(requestId ? { requestId } : {}) } };
  }
  // Already masked by a subgraph, which logged the details.
  const alreadyMasked = code === ErrorCode.INTERNAL_SERVER_ERROR && formatted.message === 'Internal server error';
  if (!alreadyMasked) log({ level: 'error', msg: 'masked error', requestId, error: formatted.message, path: formatted.path, extensions: formatted.extensions });
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
  };
}

function defaultLog(entry: object): void {
  // The test suite's refused requests are on purpose; their details would only be noise.
  if (process.env.UBOS_QUIET_ERRORS === '1') return;
  const { error, level: _level, msg: _msg, ...rest } = entry as { error?: unknown; level?: unknown; msg?: unknown };
  logger().error({ ...rest, error: typeof error === 'string' ? scrubbed(error) : undefined }, 'masked error');
}

// PostgreSQL's SQLSTATEs for a server that is going away, not reachable or refusing
// connections, for a statement cancelled by statement_timeout, for a session ended by
// idle_in_transaction_session_timeout, and the Node errors of a socket that failed.
const UNAVAILABLE_SQLSTATE = /^(08|57P0|53300|53400)/;
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// "Transaction query already complete": knex's answer to a statement of a transaction whose
// connection was lost a moment before.
const UNAVAILABLE_MESSAGE = /Transaction query already complete|Connection terminated|Client has encountered a connection error|Timeout acquiring a connection|terminating connection|the database system is (starting up|shutting down|in recovery)|Client was closed and is not queryable/i;
const STATEMENT_TIMEOUT = '57014';
const IDLE_IN_TRANSACTION_TIMEOUT = '25P03';

/**
 * The caller-facing error for a failure of the database rather than of the request: the pool
 * could not give a connection in time, PostgreSQL is unreachable or restarting, or a statement
 * ran past statement_timeout. Undefined for anything else (which stays masked). The cause is
 * found along `originalError` and `cause`, as GraphQL, MikroORM and knex wrap it.
 */
export function unavailableError(error: unknown): GraphQLError | undefined {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const candidate = current as { code?: unknown; name?: unknown; message?: unknown; sqlState?: unknown; originalError?: unknown; cause?: unknown; previous?: unknown };
    const code = typeof candidate.code === 'string' ? candidate.code : typeof candidate.sqlState === 'string' ? candidate.sqlState : '';
    const message = typeof candidate.message === 'string' ? candidate.message : '';
    if (code === STATEMENT_TIMEOUT && /statement timeout/i.test(message)) return serviceUnavailable('The request took too long and was stopped; try again or ask for less');
    if (code === IDLE_IN_TRANSACTION_TIMEOUT || candidate.name === 'KnexTimeoutError' || UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NODE_CODES.has(code) || UNAVAILABLE_MESSAGE.test(message)) {
      return serviceUnavailable('The database is unavailable or busy; try again shortly');
    }
    current = candidate.originalError ?? candidate.cause ?? candidate.previous;
  }
  return undefined;
}

export const serviceUnavailable = (message: string) => domainError(message, ErrorCode.SERVICE_UNAVAILABLE);
