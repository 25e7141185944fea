import {
  LATEST_SCHEMA_VERSION,
  actorLabel,
  migrationDatabaseOf,
  readTenantMigrationState,
  requestConnection,
  requireRole,
  runInBackground,
  startTenantMigration as startRun,
  type TenantMigrationState,
} from '@ubos/kernel';
import type { IdentityContext } from './context.js';
import type { OrganizationEntity } from './entities/organization.entity.js';

export const latestSchemaVersion = () => LATEST_SCHEMA_VERSION;

/** organization.migration, read in the fetch's own transaction (the tenant's RLS applies). */
export function migrationState(ctx: IdentityContext, organization: OrganizationEntity): Promise<TenantMigrationState> {
  return readTenantMigrationState(requestConnection(ctx.em), organization.id);
}

/**
 * Records the run in a transaction of its own, committed before this answers, then applies it
 * in the background of this process through the subgraph's pool. Owners only: a migration
 * rewrites every row of the organization.
 */
export async function startTenantMigration(ctx: IdentityContext, targetVersion: number): Promise<TenantMigrationState> {
  requireRole(ctx, ['OWNER'], 'Only owners can migrate the organization to another schema version');
  const db = migrationDatabaseOf(ctx.em);
  const state = await startRun(db, ctx.organizationId(), targetVersion, actorLabel(ctx.actor), ctx.requestId);
  runInBackground(db, ctx.organizationId());
  return state;
}
