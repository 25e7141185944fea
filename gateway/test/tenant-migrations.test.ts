import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundMigrationsSettled, parseFreeTextAddress, runTenantMigration, startTenantMigration } from '@ubos/kernel';
import { startProcess } from '@ubos/test-support/processes';
import { TEST_ORGANIZATIONS, startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// Per-tenant schema versions through the gateway: version 1 and version 2 tenants served side
// by side by one process, the migration's audit and history, a failing row, and the CLI killed
// with SIGKILL half-way and run again.

const ORGANIZATIONS = [...TEST_ORGANIZATIONS, { ...TEST_ORGANIZATIONS[0]!, name: 'Tenant delta', slug: 'delta', users: TEST_ORGANIZATIONS[0]!.users.map((user) => ({ ...user, email: user.email.replace('alpha', 'delta') })) }];

let t: TestStack;
let alpha: GraphQLClient;
let beta: GraphQLClient;
let gamma: GraphQLClient;
beforeAll(async () => {
  t = await startTestStack({ organizations: ORGANIZATIONS });
  [alpha, beta, gamma] = await Promise.all([t.as('alpha'), t.as('beta'), t.as('gamma')]);
});
afterAll(async () => {
  await backgroundMigrationsSettled();
  await t?.close();
});

const ADDRESSES = [
  '1 Infinite Loop, Cupertino, CA 95014, USA',
  'Friedrichstraße 68, 3. OG, 10117 Berlin, Germany',
  '10 Downing Street, London SW1A 2AA, GB',
  'Rue de Rivoli 99, 75001 Paris, FR',
];

async function clientIds(slug: string): Promise<string[]> {
  const rows = await t.db.admin<{ id: string }>('select id from clients where organization_id = $1 order by id', [t.tenants[slug]!.organizationId]);
  return rows.map((row) => row.id);
}

const CLIENT_ADDRESS = 'query($id: ID!) { client(id: $id) { id version fullAddress address { line1 line2 city region postalCode country } } }';
const ORGANIZATION = '{ organization { schemaVersion latestSchemaVersion migration { status targetVersion progress rowsDone rowsTotal startedAt finishedAt error } } }';

async function setFullAddresses(client: GraphQLClient, ids: string[], addresses: string[]) {
  for (const [index, id] of ids.entries()) {
    const result = await client.request('mutation($id: ID!, $a: String) { updateClient(id: $id, input: { fullAddress: $a }) { fullAddress address { line1 } } }', { id, a: addresses[index] });
    expect(result.errors).toBeUndefined();
  }
}

describe('per-tenant schema versions', () => {
  it('serves a version 1 and a version 2 tenant side by side, audits the migration and keeps the past', async () => {
    const alphaIds = await clientIds('alpha');
    const betaIds = await clientIds('beta');
    await setFullAddresses(alpha, alphaIds, ADDRESSES);
    await setFullAddresses(beta, betaIds.slice(0, 1), ADDRESSES);

    // Version 1: free text in, free text out; the structured field answers null and refuses writes.
    const v1 = await alpha.request(CLIENT_ADDRESS, { id: alphaIds[0] });
    expect(v1.data.client).toMatchObject({ fullAddress: ADDRESSES[0], address: null });
    const refused = await alpha.request('mutation($id: ID!) { updateClient(id: $id, input: { address: { line1: "x", country: "US" } }) { id } }', { id: alphaIds[0] });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.address' });
    expect((await alpha.request(ORGANIZATION)).data.organization).toMatchObject({ schemaVersion: 1, latestSchemaVersion: 2, migration: { status: 'IDLE', targetVersion: null } });

    const [clock] = await t.db.admin<{ now: Date }>('select clock_timestamp() as now');
    const beforeMigration = clock!.now;
    const berlinVersionBefore = (await alpha.request(CLIENT_ADDRESS, { id: alphaIds[1] })).data.client.version;

    // Only owners start a migration; only to a version that exists and is newer.
    const member = await t.anonymous.login('member@alpha.test');
    const forbidden = await member.request('mutation { startTenantMigration(targetVersion: 2) { status } }');
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tooFar = await alpha.request('mutation { startTenantMigration(targetVersion: 3) { status } }');
    expect(tooFar.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targetVersion' });

    const started = await alpha.request('mutation { startTenantMigration(targetVersion: 2) { status targetVersion rowsTotal } }');
    expect(started.data.startTenantMigration).toEqual({ status: 'RUNNING', targetVersion: 2, rowsTotal: 4 });
    await backgroundMigrationsSettled();

    const organization = (await alpha.request(ORGANIZATION)).data.organization;
    expect(organization).toMatchObject({ schemaVersion: 2, migration: { status: 'IDLE', targetVersion: 2, progress: 1, rowsDone: 4, rowsTotal: 4, error: null } });
    expect(organization.migration.finishedAt, JSON.stringify(organization)).not.toBeNull();
    const again = await alpha.request('mutation { startTenantMigration(targetVersion: 2) { status } }');
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targetVersion' });

    // Version 2: the structure, and the old field derived from it. Beta, still on 1, is untouched.
    const v2 = (await alpha.request(CLIENT_ADDRESS, { id: alphaIds[0] })).data.client;
    expect(v2.address).toEqual({ line1: '1 Infinite Loop', line2: null, city: 'Cupertino', region: 'CA', postalCode: '95014', country: 'US' });
    expect(v2.fullAddress).toBe('1 Infinite Loop, Cupertino, CA 95014, US');
    const berlin = (await alpha.request(CLIENT_ADDRESS, { id: alphaIds[1] })).data.client;
    expect(berlin.address).toEqual({ line1: 'Friedrichstraße 68', line2: '3. OG', city: 'Berlin', region: null, postalCode: '10117', country: 'DE' });
    expect(berlin.version).toBe(berlinVersionBefore + 1);
    const betaClient = (await beta.request(CLIENT_ADDRESS, { id: betaIds[0] })).data.client;
    expect(betaClient).toMatchObject({ fullAddress: ADDRESSES[0], address: null });
    expect((await beta.request(ORGANIZATION)).data.organization).toMatchObject({ schemaVersion: 1, migration: { status: 'IDLE' } });

    // The past answers as it was: asOf before the migration and the history's versions.
    const past = await alpha.request(
      'query($id: ID!, $at: DateTime!) { client(id: $id, asOf: $at) { fullAddress address { line1 } } }',
      { id: alphaIds[0], at: new Date(beforeMigration).toISOString() },
    );
    expect(past.data.client).toEqual({ fullAddress: ADDRESSES[0], address: null });
    const history = await alpha.request('query($id: ID!) { client(id: $id) { history(first: 20) { edges { node { actor snapshot { fullAddress } } } } } }', { id: alphaIds[0] });
    const versions = history.data.client.history.edges.map((edge: any) => edge.node);
    expect(versions.at(-1)).toEqual({ actor: 'system:migration:2', snapshot: { fullAddress: '1 Infinite Loop, Cupertino, CA 95014, US' } });
    expect(versions.at(-2)).toMatchObject({ snapshot: { fullAddress: ADDRESSES[0] } });

    // One audited change per migrated row, and the chain still verifies.
    const events = await t.db.admin<{ entity_id: string; count: string }>(
      `select entity_id, count(*) from activity_events where organization_id = $1 and actor = 'system:migration:2' group by entity_id`,
      [t.tenants.alpha!.organizationId],
    );
    expect(events.map((row) => row.entity_id).sort()).toEqual([...alphaIds].sort());
    expect(events.every((row) => Number(row.count) === 1)).toBe(true);
    const chain = await alpha.request('query($org: ID!) { verifyAuditChain(organizationId: $org) { ok } }', { org: t.tenants.alpha!.organizationId });
    expect(chain.data.verifyAuditChain.ok).toBe(true);

    // Writes on version 2: free text from an older app is parsed; bad text or codes are refused with the field.
    const parsed = await alpha.request('mutation($id: ID!) { updateClient(id: $id, input: { fullAddress: "5 Main St, Springfield, IL 62701, US" }) { fullAddress address { city region country } } }', { id: alphaIds[2] });
    expect(parsed.data.updateClient).toEqual({ fullAddress: '5 Main St, Springfield, IL 62701, US', address: { city: 'Springfield', region: 'IL', country: 'US' } });
    const noCountry = await alpha.request('mutation($id: ID!) { updateClient(id: $id, input: { fullAddress: "somewhere over the rainbow" }) { id } }', { id: alphaIds[2] });
    expect(noCountry.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fullAddress' });
    const badCountry = await alpha.request('mutation { createClient(input: { name: "Nowhere", address: { line1: "1 A St", country: "XX" } }) { id } }');
    expect(badCountry.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.address.country' });
    const structured = await alpha.request('mutation { createClient(input: { name: "Structured", address: { line1: "1 A St", city: "Oslo", country: "no" } }) { fullAddress address { country } } }');
    expect(structured.data.createClient).toEqual({ fullAddress: '1 A St, Oslo, NO', address: { country: 'NO' } });
  });

  it('stops a tenant at a row it cannot migrate, with the row in the error, and lets the others finish', async () => {
    const pool = new pg.Pool({ connectionString: t.db.appUrl, max: 4 });
    try {
      const betaIds = await clientIds('beta');
      const gammaIds = await clientIds('gamma');
      await setFullAddresses(beta, betaIds, [ADDRESSES[0]!, 'somewhere over the rainbow', ADDRESSES[2]!, ADDRESSES[3]!]);
      await setFullAddresses(gamma, gammaIds, ADDRESSES);
      const betaOrg = t.tenants.beta!.organizationId;
      const gammaOrg = t.tenants.gamma!.organizationId;
      await startTenantMigration(pool, betaOrg, 2, 'system:test');
      await startTenantMigration(pool, gammaOrg, 2, 'system:test');
      // Batches of one: beta's first row is migrated before its second fails.
      const [betaState, gammaState] = await Promise.all([runTenantMigration(pool, betaOrg, { batchSize: 1 }), runTenantMigration(pool, gammaOrg, { batchSize: 1 })]);
      expect(gammaState).toMatchObject({ status: 'IDLE', schemaVersion: 2, rowsDone: 4 });
      expect(betaState).toMatchObject({ status: 'FAILED', schemaVersion: 1, rowsDone: 1 });
      expect(betaState.error).toContain(`client ${betaIds[1]}`);
      expect(betaState.error).toContain('names no country');

      const shown = (await beta.request(ORGANIZATION)).data.organization;
      expect(shown).toMatchObject({ schemaVersion: 1, migration: { status: 'FAILED', targetVersion: 2, progress: 0.25, finishedAt: null } });
      expect(shown.migration.error).toContain(betaIds[1]);
      // While the run is open, a v1 tenant's new addresses take the new shape already.
      const [bad] = await t.db.admin('select full_address, address from clients where organization_id = $1 and id = $2', [betaOrg, betaIds[1]]);
      expect(bad).toEqual({ full_address: 'somewhere over the rainbow', address: null });
      const otherVersion = await beta.request('mutation { startTenantMigration(targetVersion: 1) { status } }');
      expect(otherVersion.errors?.[0]?.extensions?.code).toBe('CONFLICT');

      // Correct the row and resume through the graph: the run continues after its cursor.
      await setFullAddresses(beta, [betaIds[1]!], ['2 Harbour Rd, Sydney NSW 2000, Australia']);
      const resumed = await beta.request('mutation { startTenantMigration(targetVersion: 2) { status } }');
      expect(resumed.data.startTenantMigration.status).toBe('RUNNING');
      await backgroundMigrationsSettled();
      expect((await beta.request(ORGANIZATION)).data.organization).toMatchObject({ schemaVersion: 2, migration: { status: 'IDLE', error: null } });
      const fixed = (await beta.request(CLIENT_ADDRESS, { id: betaIds[1] })).data.client;
      expect(fixed.address).toEqual({ line1: '2 Harbour Rd', line2: null, city: 'Sydney', region: 'NSW', postalCode: '2000', country: 'AU' });
      const migratedEvents = await t.db.admin<{ count: string }>(`select count(*) from activity_events where organization_id = $1 and actor = 'system:migration:2'`, [betaOrg]);
      // The corrected row was written in the new shape by its owner, so the migration had 3 rows to move.
      expect(Number(migratedEvents[0]!.count)).toBe(3);
    } finally {
      await pool.end();
    }
  });

  it('continues after SIGKILL from the last committed batch, migrating every row exactly once', async () => {
    const organizationId = t.tenants.delta!.organizationId;
    const rows = 240;
    await t.db.admin(
      `insert into clients (organization_id, name, full_address)
       select $1, 'Bulk ' || n, n || ' Market St, San Francisco, CA 941' || lpad((n % 100)::text, 2, '0') || ', US' from generate_series(1, $2) n`,
      [organizationId, rows],
    );
    const before = await t.db.admin<{ id: string; version: number }>('select id, version from clients where organization_id = $1 and full_address is not null', [organizationId]);
    expect(before).toHaveLength(rows);
    const env = { DATABASE_URL: t.db.adminUrl, APP_DATABASE_URL: t.db.appUrl, UBOS_DEMO: '0' };
    const args = ['--to', '2', '--tenants', organizationId, '--concurrency', '1', '--batch-size', '2'];

    const first = startProcess('db/src/tenant-migrate.ts', env, args);
    let done = 0;
    for (let polls = 0; polls < 3000 && done < 40; polls++) {
      const [run] = await t.db.admin<{ rows_done: number }>('select rows_done from tenant_migration_runs where organization_id = $1', [organizationId]);
      done = run?.rows_done ?? 0;
      if (first.child.exitCode !== null) break;
      if (done < 40) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    first.child.kill('SIGKILL');
    await first.stop();
    const [killed] = await t.db.admin<{ rows_done: number; status: string }>('select rows_done, status from tenant_migration_runs where organization_id = $1', [organizationId]);
    expect(killed!.status).toBe('RUNNING');
    expect(killed!.rows_done).toBeGreaterThan(0);
    expect(killed!.rows_done).toBeLessThan(rows);
    // What the run's cursor says is exactly what the rows say: the open batch left nothing.
    const [migrated] = await t.db.admin<{ count: string }>('select count(*) from clients where organization_id = $1 and address is not null', [organizationId]);
    expect(Number(migrated!.count)).toBe(killed!.rows_done);

    const second = startProcess('db/src/tenant-migrate.ts', env, args);
    expect(await second.exited, second.output()).toBe(0);
    expect(second.output()).toContain('100% rows');

    const after = await t.db.admin<{ id: string; version: number; full_address: string | null; address: unknown }>('select id, version, full_address, address from clients where organization_id = $1 and id = any($2::uuid[])', [
      organizationId,
      before.map((row) => row.id),
    ]);
    const versionBefore = new Map(before.map((row) => [row.id, row.version]));
    expect(after.filter((row) => row.full_address !== null || row.address === null)).toEqual([]);
    expect(after.every((row) => row.version === versionBefore.get(row.id)! + 1)).toBe(true);
    const events = await t.db.admin<{ entity_id: string; count: string }>(
      `select entity_id, count(*) from activity_events where organization_id = $1 and actor = 'system:migration:2' group by entity_id`,
      [organizationId],
    );
    expect(events).toHaveLength(rows);
    expect(events.filter((row) => Number(row.count) !== 1)).toEqual([]);
    const [run] = await t.db.admin('select status, rows_done, rows_total from tenant_migration_runs where organization_id = $1', [organizationId]);
    expect(run).toEqual({ status: 'SUCCEEDED', rows_done: rows, rows_total: rows });
    const delta = await t.as('delta');
    const chain = await delta.request('query($org: ID!) { verifyAuditChain(organizationId: $org) { ok eventsChecked } }', { org: organizationId });
    expect(chain.data.verifyAuditChain.ok).toBe(true);
    expect(parseFreeTextAddress('7 Market St, San Francisco, CA 94107, US').postalCode).toBe('94107');
  });
});
