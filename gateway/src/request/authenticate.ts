import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { InvalidTokenError, unauthenticated, type TokenService } from '@ubos/kernel';
import { apiKeyActor, type ApiKeyAuthenticator } from '../api-keys.js';
import type { SessionVerifier } from '../sessions.js';
import type { GatewayContext } from '../context.js';
import { Refusal } from './refusal.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Turns the Authorization header into the request's actor and tenant. No header means an
 * anonymous caller, who may only log in; a header that does not verify is refused outright
 * (HTTP 401, without running anything).
 */
export async function authenticate(req: http.IncomingMessage, tokens: TokenService, apiKeys?: ApiKeyAuthenticator, sessions?: SessionVerifier): Promise<GatewayContext> {
  try {
    return await identify(req, tokens, apiKeys, sessions);
  } catch (error) {
    if (error instanceof GraphQLError) throw new Refusal(401, error.message, error.extensions);
    throw error;
  }
}

/**
 * The request's id: the caller's `x-request-id` when it is a plain token of at most 64
 * characters, else a new UUID. It is written back to the header, so every step (and the log
 * line, and the response header) uses the same one.
 */
export function requestIdOf(req: http.IncomingMessage): string {
  const suppliedId = req.headers['x-request-id'];
  const requestId = typeof suppliedId === 'string' && REQUEST_ID.test(suppliedId) ? suppliedId : randomUUID();
  req.headers['x-request-id'] = requestId;
  return requestId;
}

async function identify(req: http.IncomingMessage, tokens: TokenService, apiKeys?: ApiKeyAuthenticator, sessions?: SessionVerifier): Promise<GatewayContext> {
  const requestId = requestIdOf(req);
  const base = {
    requestId,
    ip: req.socket.remoteAddress,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'].slice(0, 512) : undefined,
  };
  const header = req.headers.authorization;
  if (!header) return { ...base, actor: { kind: 'anonymous' }, organizationId: null };
  const [scheme, token] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) throw withRequestId(unauthenticated('Authorization must be "Bearer <token>"'), requestId);
  if (apiKeys && token.startsWith('ubos_')) {
    const principal = await apiKeys.authenticate(token);
    if (!principal) throw withRequestId(unauthenticated('Invalid, revoked or expired API key'), requestId);
    return { ...base, actor: apiKeyActor(principal), organizationId: principal.organizationId, apiKey: principal, limits: principal.limits as GatewayContext['limits'] };
  }
  let claims;
  try {
    claims = await tokens.verify(token);
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
  }
  if (claims) {
    // The token is genuine; whether its session still stands, and the role its person has now,
    // is the identity subgraph's to say (sessions.ts).
    const role = sessions ? await sessions.roleOf(claims) : claims.role;
    if (!role) throw withRequestId(unauthenticated('Your session has ended: sign in again'), requestId);
    const actor = { kind: 'user' as const, userId: claims.userId, role, ...(claims.sessionId ? { sessionId: claims.sessionId } : {}) };
    return { ...base, actor, organizationId: claims.organizationId };
  }
  // A workflow step or an integration's sync acting for its tenant (a service token the worker
  // minted with the platform key; its own audience and type, so neither kind passes for the other).
  try {
    const service = await tokens.verifyService(token);
    const actor = service.kind === 'integration' ? { kind: 'integration' as const, connectionId: service.runId } : { kind: 'workflow' as const, runId: service.runId };
    return { ...base, actor, organizationId: service.organizationId };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw withRequestId(unauthenticated('Invalid or expired token'), requestId);
    throw error;
  }
}

function withRequestId(error: GraphQLError, requestId: string): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...error.extensions, requestId } });
}
