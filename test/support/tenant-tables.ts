/**
 * Every tenant table, by the domain that owns it. The isolation tests check that this list is
 * exactly the set of tables with organization_id, so a new table cannot skip them.
 */
export const ENTITY_TABLES_BY_DOMAIN: Record<string, string[]> = {
  foundation: ['memberships', 'clients', 'contacts', 'deals', 'projects', 'milestones', 'tasks', 'activity_events', 'outbox', 'api_keys', 'persisted_operations'],
  agreements: [],
  engagements: [],
  revenue: [],
  communication: [],
  files: [],
  customFields: [],
  workflow: [],
};

/** Tenant tables whose primary key is not (organization_id, id), e.g. counters and join tables. */
export const OTHER_TENANT_TABLES_BY_DOMAIN: Record<string, string[]> = {
  foundation: ['entity_history', 'audit_chain_heads'],
  agreements: [],
  engagements: [],
  revenue: [],
  communication: [],
  files: [],
  customFields: [],
  workflow: [],
};

/** Tables keyed (organization_id, id). */
export const ENTITY_TABLES = Object.values(ENTITY_TABLES_BY_DOMAIN).flat();
export const TENANT_TABLES = [...ENTITY_TABLES, ...Object.values(OTHER_TENANT_TABLES_BY_DOMAIN).flat()];
