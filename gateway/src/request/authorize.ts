import { BREAK, GraphQLError, Kind, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { INTEGRATION_SCOPES, forbidden, unauthenticated } from '@ubos/kernel';
import type { GatewayContext } from '../context.js';
import { missingScope, type ScopeMap } from '../scopes.js';

/** What decides who may run what: production (introspection) and the scopes of the fields. */
export interface AuthorizationRules {
  production: boolean;
  scopes: ScopeMap;
}

/**
 * What the authenticated caller may run, once the operation is known: an anonymous caller
 * only logs in, introspection only for those allowed it, and an API key (or an integration's
 * service principal) only the fields its scopes cover. Throws the refusal.
 */
export function authorizeOperation(context: GatewayContext, schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, rules: AuthorizationRules): void {
  if (context.actor.kind === 'anonymous' && !isPublicOperation(operation)) throw unauthenticated();
  if (!mayIntrospect(context, rules.production) && isIntrospection(document)) throw forbidden('Introspection is not available to this caller');
  if (context.actor.kind === 'apikey') {
    const scope = missingScope(schema, document, rules.scopes, context.actor.scopes);
    if (scope) throw new GraphQLError(`This API key lacks the scope ${scope}`, { extensions: { code: 'FORBIDDEN', scope } });
  }
  if (context.actor.kind === 'integration') {
    // An integration's sync reads and writes only what it syncs.
    const scope = missingScope(schema, document, rules.scopes, [...INTEGRATION_SCOPES]);
    if (scope) throw new GraphQLError(`An integration lacks the scope ${scope}`, { extensions: { code: 'FORBIDDEN', scope } });
  }
}

/** Fields an anonymous caller may select: signing in or up, and recovering an account. */
const PUBLIC_MUTATIONS = new Set(['login', 'signUp', 'refreshSession', 'requestPasswordReset', 'resetPassword', 'acceptInvitation']);

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
