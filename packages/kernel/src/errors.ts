import { GraphQLError, type GraphQLFormattedError } from 'graphql';

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
  if (process.env.UBOS_QUIET_ERRORS !== '1') console.error(JSON.stringify(entry));
}
