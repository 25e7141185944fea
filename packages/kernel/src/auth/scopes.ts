/**
 * The scopes an API key may hold: read and write per domain. Declared on the schema with
 * @requiresScopes and enforced by the gateway; kept here so that key creation can refuse a
 * scope that does not exist.
 */
export const API_SCOPES = ['identity:read', 'crm:read', 'crm:write', 'projects:read', 'projects:write', 'timeline:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];
