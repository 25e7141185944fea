/**
 * Every tenant table, by the domain that owns it. The isolation tests check that this list is
 * exactly the set of tables with organization_id, so a new table cannot skip them.
 */
export const ENTITY_TABLES_BY_DOMAIN: Record<string, string[]> = {
  foundation: ['memberships', 'clients', 'contacts', 'deals', 'projects', 'milestones', 'tasks', 'activity_events', 'outbox', 'api_keys', 'persisted_operations'],
  agreements: ['proposals', 'contracts'],
  engagements: ['engagements', 'engagement_projects'],
  revenue: ['invoices', 'payments', 'vendors', 'bills', 'bill_payments'],
  communication: ['threads', 'messages'],
  files: ['files'],
  customFields: ['custom_field_definitions'],
  workflow: ['workflows', 'workflow_runs', 'event_dead_letters'],
  accounts: ['sessions', 'invitations'],
  tenantSchema: ['tenant_migration_runs'],
  clientMerge: ['client_merges', 'client_merge_effects'],
  integrations: ['integration_connections', 'integration_quickbooks_customers', 'integration_quickbooks_invoices', 'integration_quickbooks_payments'],
};

/** Tenant tables whose primary key is not (organization_id, id), e.g. counters and join tables. */
export const OTHER_TENANT_TABLES_BY_DOMAIN: Record<string, string[]> = {
  foundation: ['entity_history', 'audit_chain_heads'],
  agreements: [],
  engagements: [],
  revenue: ['invoice_counters'],
  communication: [],
  files: [],
  customFields: ['custom_field_values'],
  workflow: ['workflow_secrets', 'inbox', 'idempotency_keys'],
  accounts: [],
  tenantSchema: [],
  clientMerge: ['client_duplicate_candidates'],
  integrations: ['integration_connection_secrets', 'integration_sync_status'],
};

/** Tables keyed (organization_id, id). */
export const ENTITY_TABLES = Object.values(ENTITY_TABLES_BY_DOMAIN).flat();
export const TENANT_TABLES = [...ENTITY_TABLES, ...Object.values(OTHER_TENANT_TABLES_BY_DOMAIN).flat()];
