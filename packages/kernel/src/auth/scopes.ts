/**
 * The scopes an API key may hold: read and write per domain. Declared on the schema with
 * @requiresScopes and enforced by the gateway; kept here so that key creation can refuse a
 * scope that does not exist.
 */
export const API_SCOPES = [
  'identity:read',
  'crm:read',
  'crm:write',
  'agreements:read',
  'agreements:write',
  'engagements:read',
  'engagements:write',
  'projects:read',
  'projects:write',
  'revenue:read',
  'revenue:write',
  'communication:read',
  'communication:write',
  'files:read',
  'files:write',
  'workflow:read',
  'workflow:write',
  'timeline:read',
  'integrations:read',
  'integrations:write',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/**
 * What an integration's service principal (`integration:<connection id>`) may do through the
 * graph, enforced by the gateway like an API key's scopes: read the clients, invoices and
 * payments it syncs, resolve a conflict into them, and record a payment made in the provider.
 */
export const INTEGRATION_SCOPES: readonly ApiScope[] = ['crm:read', 'crm:write', 'revenue:read', 'revenue:write'];
