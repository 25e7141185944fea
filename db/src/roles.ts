import { quoteIdent, quoteLiteral, withAdminClient } from './admin.js';

/**
 * The serving role: it can log in, but it is not a superuser, cannot bypass Row Level
 * Security and owns no table, so every policy applies to it.
 */
export async function ensureAppRole(adminUrl: string, role: string, password: string): Promise<void> {
  await withAdminClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [role]);
    const verb = rowCount ? 'alter' : 'create';
    await client.query(`${verb} role ${quoteIdent(role)} login nosuperuser nobypassrls nocreatedb nocreaterole password ${quoteLiteral(password)}`);
  });
}

/** Tables with Row Level Security whose grants are spelled out below rather than the default select, insert, update. */
const SPECIALLY_GRANTED_TENANT_TABLES = ['workflow_runs', 'inbox', 'event_dead_letters', 'organizations', 'users', 'activity_events', 'entity_history', 'outbox', 'api_keys', 'persisted_operations', 'audit_chain_heads', 'custom_field_values', 'invitations', 'password_resets', 'mail_outbox'];

/**
 * Grants the serving role what it needs, and no more: DML on the tenant tables, read-only
 * access to the global ones, and the login functions. Run after every migration, since new
 * tables need their grants; GRANT is idempotent.
 */
export async function grantAppPrivileges(adminUrl: string, role: string): Promise<void> {
  const who = quoteIdent(role);
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`
      grant usage on schema public to ${who};
      grant select, insert, update on memberships, clients, contacts, deals, projects, milestones, tasks to ${who};
      grant select on organizations to ${who};
      -- A tenant's data migration raises its version as its last batch commits (under the tenant's RLS).
      grant update (schema_version, updated_at) on organizations to ${who};
      grant select (id, email, name, created_at, updated_at, tokens_valid_after) on users to ${who};
      -- The audit trail and the history are written by triggers only; the serving role reads them.
      grant select on activity_events, entity_history to ${who};
      grant select, insert on outbox to ${who};
      grant execute on function ubos_erase_client(uuid), ubos_purge(text, uuid) to ${who};
      grant execute on function auth_find_user_by_email(text), auth_user_memberships(uuid), auth_find_api_key(text) to ${who};
      grant execute on function ubos_organizations_for_metrics() to ${who};
      -- Queue depth and dead letters per queue name for /metrics (migration 0065), not the jobs.
      grant execute on function ubos_queue_metrics() to ${who};
      -- QuickBooks' webhook reaches the tenants of its realm only through this (migration 0055).
      grant execute on function integration_quickbooks_notified(text, jsonb) to ${who};
      -- The secret's hash is for auth_find_api_key only.
      grant select (organization_id, id, name, prefix, scopes, persisted_only, limits, expires_at, revoked_at, revoked_by, created_by,
                    last_used_at, created_at, updated_at, version, deleted_at, deleted_by) on api_keys to ${who};
      grant insert, update on api_keys to ${who};
      grant select, insert on persisted_operations to ${who};
      -- Accounts (migration 0030): an invitation's token hash is for auth_find_invitation only;
      -- mail can be queued but not read back; password resets only through their functions.
      grant select (organization_id, id, email, role, invited_by, expires_at, sent_count, last_sent_at, accepted_at, accepted_by,
                    revoked_at, revoked_by, created_at, updated_at, version, deleted_at, deleted_by) on invitations to ${who};
      grant insert, update on invitations to ${who};
      grant insert on mail_outbox to ${who};
      grant execute on function auth_create_user(text, text, text), auth_create_organization(text, text), auth_end_user_sessions(uuid, uuid, text),
                                auth_set_password(uuid, text, uuid, text), auth_request_password_reset(text, text, timestamptz, text),
                                auth_reset_password(text, text), auth_find_invitation(text), auth_find_session(uuid) to ${who};
      -- Sign-up gives the new organization its default workflows, as the worker would before its first event.
      grant execute on function ubos_install_default_workflows() to ${who};
      -- Kept by a trigger from the entities' custom_fields, for range filters.
      grant select on custom_field_values to ${who};
      -- The worker writes workflow runs, its inbox and dead letters; the workflow subgraph reads
      -- them and, to retry or replay, marks them.
      grant select, update on workflow_runs, event_dead_letters to ${who};
      -- Each subgraph claims the events it handles in the inbox, in the handler's transaction.
      grant select, insert on inbox to ${who};
      revoke all on schema_migrations, audit_chain_heads from ${who};
      -- Readiness (/ready) compares the applied migrations with the code's.
      grant select on schema_migrations to ${who};
    `);
    // Every other tenant table (one with Row Level Security forced) gets the plain DML of the
    // write path: rows are soft-deleted, and purges go through ubos_purge, so no DELETE.
    const { rows } = await client.query<{ table: string }>(
      `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and c.relforcerowsecurity and not (c.relname = any($1))`,
      [SPECIALLY_GRANTED_TENANT_TABLES],
    );
    for (const { table } of rows) await client.query(`grant select, insert, update on ${quoteIdent(table)} to ${who}`);
    // Integration rows are derived data that disconnecting deletes for good (migration 0045);
    // the core rows they point at are never deleted.
    await client.query(`grant delete on integration_connection_secrets, integration_quickbooks_customers, integration_quickbooks_invoices, integration_quickbooks_payments to ${who}`);
    // Duplicate candidates are derived data that crm's handlers replace (migration 0060).
    await client.query(`grant delete on client_duplicate_candidates to ${who}`);
  });
}
