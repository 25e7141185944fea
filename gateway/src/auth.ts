import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { BREAK, GraphQLError, Kind, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { InvalidTokenError, unauthenticated, type TokenService } from '@ubos/kernel';
import { apiKeyActor, type ApiKeyAuthenticator } from './api-keys.js';
import type { GatewayContext } from './context.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Turns the Authorization header into the request's actor and tenant. No header means an
 * anonymous caller, who may only log in; a header that does not verify is refused outright.
 */
export async function authenticate(req: http.IncomingMessage, tokens: TokenService, apiKeys?: ApiKeyAuthenticator): Promise<GatewayContext> {
  const suppliedId = req.headers['x-request-id'];
  const requestId = typeof suppliedId === 'string' && REQUEST_ID.test(suppliedId) ? suppliedId : randomUUID();
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
  try {
    const claims = await tokens.verify(token);
    return { ...base, actor: { kind: 'user', userId: claims.userId, role: claims.role }, organizationId: claims.organizationId };
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
  }
  // A workflow step acting for its tenant (a service token the worker minted with the
  // platform key; its own audience and type, so neither kind passes for the other).
  try {
    const service = await tokens.verifyService(token);
    return { ...base, actor: { kind: 'workflow', runId: service.runId }, organizationId: service.organizationId };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw withRequestId(unauthenticated('Invalid or expired token'), requestId);
    throw error;
  }
}

function withRequestId(error: GraphQLError, requestId: string): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...error.extensions, requestId } });
}

/** Fields an anonymous caller may select: logging in, and nothing else. */
const PUBLIC_MUTATIONS = new Set(['login']);

export function isPublicOperation(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'mutation') return false;
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && (PUBLIC_MUTATIONS.has(selection.name.value) || selection.name.value === '__typename'),
  );
}

/** Whether the document asks for the schema itself (__schema or __type). */
export function isIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** API keys never introspect; in production only owners and admins may (ARCHITECTURE section 5). */
export function mayIntrospect(context: GatewayContext, production: boolean): boolean {
  // Partners code against the published SDL; a key never introspects.
  if (context.actor.kind === 'apikey') return false;
  if (!production) return true;
  return context.actor.kind === 'user' && (context.actor.role === 'OWNER' || context.actor.role === 'ADMIN');
}
