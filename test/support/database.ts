import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { quoteIdent, withAdminClient, withDatabase } from '@ubos/db';

export const TEST_APP_ROLE = 'ubos_test_app';
export const TEST_APP_PASSWORD = 'ubos-test-app-password';

export interface TestDatabaseInfo {
  adminUrl: string;
  template: string;
  prefix: string;
}

export interface TestDatabase {
  /** Superuser (or owner) connection to this file's database. */
  adminUrl: string;
  /** The serving role's connection: not superuser, not BYPASSRLS, not owner. */
  appUrl: string;
  /** Runs SQL as the admin, bypassing nothing the test did not ask for. */
  admin<T extends pg.QueryResultRow = any>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** A fresh, migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(info: TestDatabaseInfo): Promise<TestDatabase> {
  const name = `${info.prefix}_${randomBytes(6).toString('hex')}`;
  await withAdminClient(info.adminUrl, (client) => client.query(`create database ${quoteIdent(name)} template ${quoteIdent(info.template)}`));
  const adminUrl = withDatabase(info.adminUrl, name);
  const app = new URL(adminUrl);
  app.username = TEST_APP_ROLE;
  app.password = TEST_APP_PASSWORD;
  return {
    adminUrl,
    appUrl: app.toString(),
    admin: async (sql, params) => withAdminClient(adminUrl, async (client) => (await client.query(sql, params as unknown[])).rows),
  };
}
