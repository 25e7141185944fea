import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../db/sql.js';
import { runTenantMigration, type MigrationConnection, type MigrationDatabase, type TenantMigrationState } from './runner.js';

/**
 * A MigrationDatabase over a subgraph's own connection pool (the ORM's knex pool), for runs
 * started from the graph: they borrow one connection per batch, like any other request.
 */
export function migrationDatabaseOf(em: EntityManager): MigrationDatabase {
  const knexClient = em.getConnection().getKnex().client as { acquireConnection(): Promise<any>; releaseConnection(connection: unknown): Promise<void> };
  return {
    async connect(): Promise<MigrationConnection> {
      const connection = await knexClient.acquireConnection();
      return {
        query: (sql, params) => connection.query(sql, params),
        release: () => void knexClient.releaseConnection(connection),
      };
    },
  };
}

/**
 * The fetch's own transaction as a MigrationConnection, so reading a tenant's migration state in
 * the graph costs its statements and no extra transaction. ($n placeholders become knex's ?.)
 */
export function requestConnection(em: EntityManager): Pick<MigrationConnection, 'query'> {
  return {
    async query<R>(sql: string, params: unknown[] = []) {
      const ordered: unknown[] = [];
      // A literal ? (a regular expression's, jsonb's operator) is escaped from knex first.
      const knexSql = sql.replace(/\?/g, '\\?').replace(/\$(\d+)/g, (_match, index: string) => {
        const value = params[Number(index) - 1];
        // knex spreads an array binding into a list; SQL arrays travel as array literals.
        ordered.push(Array.isArray(value) ? pgArray(value.map(String)) : value);
        return '?';
      });
      const rows = (await em.execute(knexSql, ordered)) as R[];
      return { rows, rowCount: rows.length };
    },
  };
}

const running = new Map<string, Promise<TenantMigrationState | undefined>>();

/**
 * Applies a tenant's run in the background of this process, once per tenant at a time. A run
 * interrupted by a crash stays RUNNING in the database; starting it again (startTenantMigration
 * with the same target, or `npm run tenant-migrate`) continues from its last committed batch.
 */
export function runInBackground(db: MigrationDatabase, organizationId: string): void {
  if (running.has(organizationId)) return;
  const run = runTenantMigration(db, organizationId)
    .catch((error) => {
      console.error(`tenant migration of ${organizationId} stopped:`, error);
      return undefined;
    })
    .finally(() => running.delete(organizationId));
  running.set(organizationId, run);
}

/** Resolves when every background run of this process has stopped (tests, shutdown). */
export async function backgroundMigrationsSettled(): Promise<void> {
  while (running.size > 0) await Promise.all([...running.values()]);
}
