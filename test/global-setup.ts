import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureAppRole, findFreePort, grantAppPrivileges, migrate, startEmbeddedPostgres, withAdminClient, withDatabase, quoteIdent, type RunningPostgres } from '@ubos/db';
import { TEST_APP_PASSWORD, TEST_APP_ROLE, type TestDatabaseInfo } from '@ubos/test-support/database';

/**
 * One PostgreSQL for the whole run: embedded in a temporary directory, or the server named by
 * DATABASE_URL (CI also runs the gateway suites on Debian's PostgreSQL 15 this way). The
 * schema is migrated once into a template database; each test file clones it.
 */
export default async function setup(project: TestProject) {
  let postgres: RunningPostgres | undefined;
  let dataDir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-test-'));
    fs.chmodSync(dataDir, 0o755);
    // Test files run two at a time, each with its own stack (and the distributed test with ten
    // subgraph processes), so the suite needs more than PostgreSQL's default 100 connections.
    postgres = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), maxConnections: 300 });
    adminUrl = postgres.adminUrl;
  }
  const prefix = `ubos_test_${process.pid}`;
  const template = `${prefix}_template`;
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`drop database if exists ${quoteIdent(template)}`);
    await client.query(`create database ${quoteIdent(template)}`);
  });
  const templateUrl = withDatabase(adminUrl, template);
  await ensureAppRole(adminUrl, TEST_APP_ROLE, TEST_APP_PASSWORD);
  await migrate(templateUrl);
  await grantAppPrivileges(templateUrl, TEST_APP_ROLE);
  const info: TestDatabaseInfo = { adminUrl, template, prefix };
  project.provide('ubosDatabase', info);

  return async () => {
    await withAdminClient(adminUrl!, async (client) => {
      const { rows } = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${prefix}%`]);
      for (const { datname } of rows) await client.query(`drop database if exists ${quoteIdent(datname)} with (force)`);
    }).catch((error) => console.error('test database cleanup failed', error));
    await postgres?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    ubosDatabase: TestDatabaseInfo;
  }
}
