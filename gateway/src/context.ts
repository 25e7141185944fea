import type { Actor, RequestLimits } from '@ubos/kernel';
import type { ApiKeyPrincipal } from './api-keys.js';

/** The gateway's view of one incoming request, before it is split into subgraph fetches. */
export interface GatewayContext {
  requestId: string;
  actor: Actor;
  organizationId: string | null;
  ip?: string;
  userAgent?: string;
  /** The caller's own request limits (e.g. an API key's), merged over the defaults by `limitsFor`. */
  limits?: Partial<RequestLimits>;
  /** Set when the caller authenticated with an API key. */
  apiKey?: ApiKeyPrincipal;
  /** What the request's log line will say (request/log.ts). */
  record?: RequestRecord;
}

/**
 * What the request's log line says. It holds ids, names, codes and numbers only: never a
 * header, a variable, the query text, a token or anything a person typed.
 */
export interface RequestRecord {
  requestId: string;
  tenantId?: string | null;
  operationName?: string | null;
  errorCodes: string[];
}
