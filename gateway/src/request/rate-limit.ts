import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ErrorCode, rateLimitRefusalsTotal } from '@ubos/kernel';
import type { ApiKeyAuthenticator } from '../api-keys.js';
import type { GatewayContext } from '../context.js';
import type { RateLimiter } from '../rate-limit.js';
import { Refusal } from './refusal.js';

type Caller = Pick<GatewayContext, 'requestId' | 'actor' | 'organizationId' | 'ip'>;

/** Takes `operations` requests from the caller's buckets, or refuses the request at the first empty one. */
export async function chargeRateLimit(rateLimiter: RateLimiter, caller: Caller, operations = 1): Promise<void> {
  for (let charged = 0; charged < operations; charged++) {
    const taken = await rateLimiter.check(caller);
    if (!taken.allowed) {
      rateLimitRefusalsTotal.inc({ caller: caller.actor.kind });
      throw refuseRateLimited(taken.retryAfter, caller.requestId);
    }
  }
}

/**
 * An API key not known live costs a lookup in the identity subgraph: it is charged to the
 * caller's address first, like a login, so that guessing keys cannot flood the database.
 */
export async function chargeApiKeyLookup(req: http.IncomingMessage, apiKeys: ApiKeyAuthenticator, rateLimiter: RateLimiter): Promise<void> {
  const bearer = req.headers.authorization?.match(/^bearer\s+(ubos_\S+)$/i)?.[1];
  if (!bearer || apiKeys.isKnown(bearer)) return;
  // Not yet authenticated: the request id is the one the server gave this request (its log line's).
  const requestId = typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : randomUUID();
  await chargeRateLimit(rateLimiter, { requestId, actor: { kind: 'anonymous' }, organizationId: null, ip: req.socket.remoteAddress });
}

/** `RATE_LIMITED`, HTTP 429, with the wait in `extensions.retryAfter` and `Retry-After`. */
export function refuseRateLimited(retryAfter: number, requestId: string): Refusal {
  return new Refusal(
    429,
    'Too many requests, retry later',
    { code: ErrorCode.RATE_LIMITED, retryAfter, requestId },
    { 'retry-after': String(retryAfter), 'x-request-id': requestId },
  );
}
