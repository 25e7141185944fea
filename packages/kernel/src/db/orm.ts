import { MikroORM, type EntitySchema } from '@mikro-orm/postgresql';
import { sqlStatements } from './sql-stats.js';

export { type EntityManager } from '@mikro-orm/postgresql';

/**
 * The default tenant filter (isolation layer b). It is on for every tenant entity and takes
 * its parameter from the request's forked EntityManager; with no parameter set, MikroORM
 * refuses the query instead of returning every tenant's rows.
 *
 * Filters reach finds, counts, nativeUpdate and nativeDelete, but not the QueryBuilder, raw
 * SQL, em.upsert or the UPDATEs that flush issues. Row Level Security covers those.
 */
export const TENANT_FILTER = {
  tenant: {
    name: 'tenant',
    cond: (args: { organizationId: string }) => ({ organizationId: args.organizationId }),
    default: true,
  },
};

/**
 * Soft deletes: lists and lookups skip rows with deleted_at set. Federated references
 * (__resolveReference), history and admins' includeDeleted switch it off explicitly with
 * `filters: { notDeleted: false }`.
 */
export const SOFT_DELETE_FILTER = {
  notDeleted: { name: 'notDeleted', cond: { deletedAt: null }, default: true },
};

/** The filters of every main entity: its tenant, and not deleted. */
export const MAIN_ENTITY_FILTERS = { ...TENANT_FILTER, ...SOFT_DELETE_FILTER };

export interface OrmOptions {
  clientUrl: string;
  entities: EntitySchema<any, any>[];
  poolMax: number;
  name: string;
}

export async function createOrm(options: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init({
    clientUrl: options.clientUrl,
    entities: options.entities,
    pool: { min: 0, max: options.poolMax, idleTimeoutMillis: 30_000 },
    // Each request forks; the global EntityManager must never hold state.
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: false },
    debug: false,
    // Everything is typed and mapped explicitly; no reflection (tsx emits no metadata).
    ensureDatabase: false,
    driverOptions: { connection: { application_name: `ubos-${options.name}` } },
  });
  orm.em.getConnection().getKnex().on('query', (query: { sql: string; bindings?: unknown[] }) => sqlStatements.record(query.sql, query.bindings));
  return orm;
}
