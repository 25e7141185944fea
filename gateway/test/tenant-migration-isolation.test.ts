import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTenantMigration, startTenantMigration, type MigrationConnection, type MigrationDatabase } from '@ubos/kernel';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// While tenant A (alpha) migrates from schema version 1 to 2, tenant B (beta) keeps working:
// every one of its reads and writes succeeds while one of A's batch transactions is open (each
// batch holds its row locks until it commits), no backend of this database waits on a lock
// meanwhile, and none of B's rows changes. The time this costs B is measured by
// `npm run bench:migration`, not here.

let t: TestStack;
let beta: GraphQLClient;
let pool: pg.Pool;
let alphaOrg: string;
let betaOrg: string;

const A_CLIENTS = 36;
const BATCH = 5;

beforeAll(async () => {
  t = await startTestStack();
  beta = await t.as('beta');
  alphaOrg = t.tenants.alpha!.organizationId;
  betaOrg = t.tenants.beta!.organizationId;
  pool = new pg.Pool({ connectionString: t.db.appUrl, max: 2 });
  // A has a few dozen clients with free-text addresses (version 1's shape), written as A's own.
  await t.db.admin(`
    begin;
    select set_config('app.organization_id', '${alphaOrg}', true), set_config('app.actor', 'test:setup', true);
    insert into clients (organization_id, name, full_address)
      select '${alphaOrg}', 'Migrating ' || n, n || ' Market Street, Springfield, IL 62701, US' from generate_series(1, ${A_CLIENTS - 4}) as n;
    update clients set full_address = '1 Infinite Loop, Cupertino, CA 95014, USA' where organization_id = '${alphaOrg}' and full_address is null;
    commit;
  `);
});
afterAll(async () => {
  await pool?.end();
  await t?.close();
});

const PROBE = 'isolation-probe';

/**
 * Backends of this test's database waiting for a lock right now (other test files use other
 * databases): the control probe's alone, or everyone else's.
 */
async function lockWaiters(probe = false): Promise<Array<{ pid: number; query: string }>> {
  return t.db.admin(
    `select pid, query from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and (application_name = '${PROBE}') = $1`,
    [probe],
  );
}

/**
 * Runs `work` and watches, until it settles, for any backend of this database waiting on a lock.
 * Answers the work's result, or the waiters the moment one appears (a blocked B would otherwise
 * just hang until A's batch commits, which this test holds back until B is done).
 */
async function withoutLockWaits<T>(work: Promise<T>, probe = false): Promise<{ value?: T; waiters?: unknown[] }> {
  let settled = false;
  const done = work.then((value) => ((settled = true), { value }));
  const watch = (async () => {
    while (!settled) {
      const waiters = await lockWaiters(probe);
      if (waiters.length > 0) return { waiters };
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return new Promise<never>(() => undefined);
  })();
  return Promise.race([done, watch]);
}

/**
 * The runner's database, except that each batch, after its changes and before its COMMIT,
 * waits for `whileOpen`: B's requests run while A's transaction holds its locks.
 */
function holdingEachBatch(whileOpen: () => Promise<void>): MigrationDatabase {
  return {
    async connect(): Promise<MigrationConnection> {
      const client = await pool.connect();
      let migratedRows = false;
      return {
        query: async (sql: string, params?: unknown[]) => {
          if (sql === 'begin') migratedRows = false;
          if (sql === 'commit' && migratedRows) await whileOpen();
          const result = await client.query(sql, params as unknown[]);
          // The batch's last statement before COMMIT: the cursor moved (rows migrated), or the
          // last batch raised the tenant's version.
          if (/^update tenant_migration_runs set cursor = \$3|^update organizations set schema_version/.test(sql.trim())) migratedRows = true;
          return { rows: result.rows, rowCount: result.rowCount };
        },
        release: (error?: Error | boolean) => client.release(error),
      };
    },
  };
}

const B_READ = `query BRead($id: ID!) {
  organization { schemaVersion migration { status } }
  client(id: $id) { id name fullAddress address { country } }
  clients(first: 50) { edges { node { id name projects(first: 5) { edges { node { id name } } } invoices(first: 5) { edges { node { id number } } } } } }
}`;

describe('a tenant migration and the other tenants', () => {
  it("lets B read and write while each of A's batches is open, waits on no lock, and leaves B's rows as they were", async () => {
    const betaBefore = await t.db.admin<{ id: string; row: string }>(`select id, c::text as row from clients c where organization_id = $1 order by id`, [betaOrg]);
    const [betaClient] = betaBefore;
    const betaWorkClient = (await beta.request('mutation { createClient(input: { name: "B works during A\'s migration" }) { id } }')).data.createClient.id as string;
    const [{ count: betaEventsBefore }] = await t.db.admin(`select count(*)::int as count from activity_events where organization_id = $1`, [betaOrg]);

    const heldBatches: Array<{ openTransactions: number; aMigratedVisible: number }> = [];
    let probe: Promise<unknown> | undefined;
    let bWrites = 0;
    const whileOpen = async () => {
      // A's batch is open: its transaction sits idle before COMMIT, and what it changed is not visible yet.
      const [open] = await t.db.admin(`select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'idle in transaction'`);
      const [visible] = await t.db.admin(`select count(*)::int as n from clients where organization_id = $1 and full_address is null`, [alphaOrg]);
      heldBatches.push({ openTransactions: open.n, aMigratedVisible: visible.n });
      if (heldBatches.length === 1) {
        // The control: something that does need A's locked rows is seen waiting (it gets them,
        // and writes nothing, once the batch commits).
        probe = t.db.admin(`begin; set local application_name = '${PROBE}'; set local lock_timeout = '30s'; select id from clients where organization_id = '${alphaOrg}' for update; commit;`);
        const caught = await withoutLockWaits(probe, true);
        expect(caught.waiters?.length, 'a query needing A\'s locked rows was not seen waiting').toBeGreaterThan(0);
      }

      const read = await withoutLockWaits(beta.request(B_READ, { id: betaClient!.id }));
      expect(read.waiters, `B's read waited on a lock: ${JSON.stringify(read.waiters)}`).toBeUndefined();
      expect(read.value!.errors).toBeUndefined();
      expect(read.value!.data.organization).toEqual({ schemaVersion: 1, migration: { status: 'IDLE' } });
      expect(read.value!.data.clients.edges.length).toBeGreaterThan(0);

      const write = await withoutLockWaits(
        beta.request('mutation($id: ID!, $name: String!) { updateClient(id: $id, input: { name: $name, fullAddress: "2 Elm Street, Springfield, IL 62701, US" }) { id version } }', { id: betaWorkClient, name: `B write ${bWrites + 1}` }),
      );
      expect(write.waiters, `B's write waited on a lock: ${JSON.stringify(write.waiters)}`).toBeUndefined();
      expect(write.value!.errors).toBeUndefined();
      const created = await withoutLockWaits(beta.request('mutation($name: String!) { createClient(input: { name: $name }) { id } }', { name: `B new ${bWrites + 1}` }));
      expect(created.waiters).toBeUndefined();
      expect(created.value!.errors).toBeUndefined();
      bWrites++;
    };

    const db = holdingEachBatch(whileOpen);
    const started = await startTenantMigration(db, alphaOrg, 2, 'test:isolation');
    expect(started).toMatchObject({ status: 'RUNNING', rowsTotal: A_CLIENTS });
    const final = await runTenantMigration(db, alphaOrg, { batchSize: BATCH });
    await probe;
    expect(final).toMatchObject({ status: 'IDLE', schemaVersion: 2, rowsDone: A_CLIENTS, error: null });

    // B worked inside every batch of A that changed rows (ceil(36 / 5) = 8, and the one that raised the version).
    expect(bWrites).toBe(Math.ceil(A_CLIENTS / BATCH) + 1);
    expect(heldBatches.every((held) => held.openTransactions >= 1)).toBe(true);
    // Each held batch's rows were invisible to others until it committed.
    expect(heldBatches.map((held) => held.aMigratedVisible)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, A_CLIENTS]);

    // A migrated every row once; B's rows other than the ones B itself wrote are as they were.
    const [{ left }] = await t.db.admin(`select count(*)::int as left from clients where organization_id = $1 and full_address is not null`, [alphaOrg]);
    expect(left).toBe(0);
    const betaAfter = await t.db.admin<{ id: string; row: string }>(`select id, c::text as row from clients c where organization_id = $1 and id = any($2::uuid[]) order by id`, [betaOrg, betaBefore.map((row) => row.id)]);
    expect(betaAfter).toEqual(betaBefore);
    const [organization] = await t.db.admin(`select schema_version from organizations where id = $1`, [betaOrg]);
    expect(organization.schema_version).toBe(1);
    // Nothing was done to B in A's name; B's own writes are audited as B's (created + 1 update and 1 create per batch).
    const [{ count: migrationEvents }] = await t.db.admin(`select count(*)::int as count from activity_events where organization_id = $1 and actor like 'system:migration%'`, [betaOrg]);
    expect(migrationEvents).toBe(0);
    const [{ count: betaEventsAfter }] = await t.db.admin(`select count(*)::int as count from activity_events where organization_id = $1`, [betaOrg]);
    expect(betaEventsAfter - betaEventsBefore).toBe(2 * bWrites);
    const chain = await beta.request('query($org: ID!) { verifyAuditChain(organizationId: $org) { ok } }', { org: betaOrg });
    expect(chain.data.verifyAuditChain.ok).toBe(true);
  });
});
