import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { prepareDatabase, quoteIdent, withAdminClient, withDatabase } from '@ubos/db';
import { loadConfig } from '@ubos/kernel';
import { TEST_APP_PASSWORD, TEST_APP_ROLE } from '@ubos/test-support/database';

// DATABASE_URL mode: an existing, empty PostgreSQL database, as an operator brings it.
async function emptyDatabase(): Promise<string> {
  const { adminUrl, prefix } = inject('ubosDatabase');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`create database ${quoteIdent(name)}`));
  return withDatabase(adminUrl, name);
}

async function query(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

// It creates (and sets the password of) the cluster-wide role ubos_app, so it runs only on the
// test run's own embedded server, never on a server the developer named with DATABASE_URL.
describe.skipIf(Boolean(process.env.DATABASE_URL))('prepareDatabase with DATABASE_URL', () => {
  it('creates the serving role, migrates, and seeds nothing unless UBOS_DEMO=1', async () => {
    const url = await emptyDatabase();
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const prepared = await prepareDatabase(loadConfig({ DATABASE_URL: url, UBOS_APP_PASSWORD: password, UBOS_DATA_DIR: '/nonexistent-not-used' }));
    expect(prepared.embedded).toBe(false);
    expect(new URL(prepared.appUrl).username).toBe('ubos_app');
    const [role] = await query(url, `select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = 'ubos_app'`);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: true });
    expect((await query(url, 'select name from schema_migrations')).map((row) => row.name)).toContain('0001_foundation.sql');
    expect(await query(url, 'select * from organizations')).toEqual([]);
    // The serving role connects with the derived URL, and sees nothing without a tenant.
    expect(await query(prepared.appUrl, 'select count(*)::int as count from clients')).toEqual([{ count: 0 }]);

    const again = await prepareDatabase(loadConfig({ DATABASE_URL: url, UBOS_APP_PASSWORD: password, UBOS_DEMO: '1' }));
    expect(Object.keys(again.demoOrganizations ?? {})).toEqual(['acme', 'globex']);
    expect((await query(url, 'select count(*)::int as count from clients'))[0].count).toBeGreaterThanOrEqual(40);
  });

  it('uses APP_DATABASE_URL as given, creating no role', async () => {
    const url = await emptyDatabase();
    const appUrl = new URL(url);
    appUrl.username = TEST_APP_ROLE;
    appUrl.password = TEST_APP_PASSWORD;
    const before = await query(url, 'select count(*)::int as count from pg_roles');
    const prepared = await prepareDatabase(loadConfig({ DATABASE_URL: url, APP_DATABASE_URL: appUrl.toString() }));
    expect(prepared.appUrl).toBe(appUrl.toString());
    expect(await query(url, 'select count(*)::int as count from pg_roles')).toEqual(before);
    expect(await query(prepared.appUrl, 'select count(*)::int as count from projects')).toEqual([{ count: 0 }]);
  });
});
