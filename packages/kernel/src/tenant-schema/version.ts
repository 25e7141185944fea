import type { SubgraphContext } from '../graphql/context.js';

export interface TenantSchemaVersion {
  /** The version the tenant is served on. */
  version: number;
  /** Set while a run towards this version is unfinished: writes already take its shape. */
  migratingTo: number | null;
}

const byFetch = new WeakMap<object, Promise<TenantSchemaVersion>>();

/**
 * The current tenant's schema version, read once per fetch (one statement, and only by the
 * fields and writes whose shape depends on it).
 */
export function tenantSchemaVersion(ctx: SubgraphContext<unknown>): Promise<TenantSchemaVersion> {
  let cached = byFetch.get(ctx.scope);
  if (!cached) {
    cached = ctx.em
      .execute<Array<{ schema_version: number; migrating_to: number | null }>>(
        `select o.schema_version,
                (select r.target_version from tenant_migration_runs r where r.organization_id = o.id and r.status <> 'SUCCEEDED') as migrating_to
           from organizations o where o.id = ?`,
        [ctx.organizationId()],
      )
      .then((rows) => ({ version: rows[0]?.schema_version ?? 1, migratingTo: rows[0]?.migrating_to ?? null }));
    byFetch.set(ctx.scope, cached);
  }
  return cached;
}
