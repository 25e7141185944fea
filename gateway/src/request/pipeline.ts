import type http from 'node:http';
import { DEFAULT_REQUEST_LIMITS, type RequestLimits, type TokenService } from '@ubos/kernel';
import type { ApiKeyAuthenticator } from '../api-keys.js';
import type { GatewayContext } from '../context.js';
import type { PersistedOperations } from '../persisted.js';
import type { RateLimiter } from '../rate-limit.js';
import type { SessionVerifier } from '../sessions.js';
import { chargeAccountAttempts } from './account-attempts.js';
import { authenticate } from './authenticate.js';
import { execute } from './execute.js';
import { limitsFor } from './limits.js';
import { recordOf } from './log.js';
import { readGraphQLRequest } from './parse.js';
import type { OperationRunner } from './operation.js';
import { registeredOperation } from './persisted-only.js';
import { chargeApiKeyLookup, chargeRateLimit } from './rate-limit.js';
import { Refusal, sendRefusal } from './refusal.js';

export interface GraphQLPipeline {
  runner: OperationRunner;
  tokens: TokenService;
  apiKeys: ApiKeyAuthenticator;
  rateLimiter: RateLimiter;
  sessions: SessionVerifier;
  persisted: PersistedOperations;
  /** Limits on every request; undefined: DEFAULT_REQUEST_LIMITS. */
  limits?: RequestLimits;
}

/**
 * One request to /graphql, step by step; any step may refuse it, and the steps after do not
 * run. The cheapest come first, so that a refused request costs as little as possible. Then
 * the operation runner (operation.ts) authorizes the operation it parsed (authorize.ts),
 * measures it (limits.ts) and runs it, and its errors reach the caller masked, with their HTTP
 * status (errors.ts).
 */
export function graphQLPipeline({ runner, tokens, apiKeys, rateLimiter, sessions, persisted, limits }: GraphQLPipeline) {
  const batches = (limits ?? DEFAULT_REQUEST_LIMITS).maxBatchSize > 0;
  return async function serveGraphQL(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const record = recordOf(req);
    try {
      await chargeApiKeyLookup(req, apiKeys, rateLimiter);
      const context = await authenticate(req, tokens, apiKeys, sessions);
      if (record) {
        record.tenantId = context.organizationId;
        context.record = record;
      }
      // Before the body is read.
      await chargeRateLimit(rateLimiter, context);
      const body = await readGraphQLRequest(req, url, limitsFor(context, limits), context.requestId);
      // A batch is as many requests as it holds operations: the first was charged above.
      if (Array.isArray(body)) await chargeRateLimit(rateLimiter, context, body.length - 1);
      await chargeAccountAttempts(rateLimiter, context, body);
      const operation = await registeredOperation(req, body, context, persisted);
      await execute(runner, req, res, { body: operation, url, context, batches });
    } catch (error) {
      if (error instanceof Refusal) {
        if (record && typeof error.extensions.code === 'string') record.errorCodes.push(error.extensions.code);
        return sendRefusal(res, error);
      }
      throw error;
    }
  };
}
