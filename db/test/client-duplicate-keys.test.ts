import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo, type SeededOrganization } from '@ubos/db';
import { createTestDatabase, type TestDatabase } from '@ubos/test-support/database';
import { TEST_ORGANIZATIONS } from '@ubos/test-support/stack';
import { defineReference0060, insertLookAlikeCrowd, pairsOf } from './duplicates-reference.js';

// Migration 0076: ubos_refresh_client_duplicates computes each client's keys once instead of
// once per candidate it is scored against. The reference is 0060's own definition, read from
// the migration file and created under pg_temp: both must write the same pairs, holders,
// scores and reasons, for a whole tenant and for a few changed clients, on data with a crowd
// of look-alike names larger than the 100 matches a probe reads, shared email domains and
// phones, and deleted clients. Migration 0077 puts the tenant first in the trigram index: a
// probe reads no other tenant's look-alikes.

let db: TestDatabase;
let tenants: Record<string, SeededOrganization>;
let admin: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase(inject('ubosDatabase'));
  tenants = await seedDemo(db.adminUrl, TEST_ORGANIZATIONS);
  admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  await defineReference0060(admin);
});
afterAll(() => admin?.end());

interface Outcome {
  pairs: string[];
  nameKeyCalls: number;
}

/** Runs one refresh in a transaction that is rolled back, and answers the pairs it left and its calls of the name key. */
async function refresh(organizationId: string, fn: 'ubos_refresh_client_duplicates' | 'pg_temp.refresh_0060', ids: string[] | null): Promise<Outcome> {
  await admin.query('begin');
  try {
    await admin.query(`select set_config('app.organization_id', $1, true)`, [organizationId]);
    await admin.query(`set local track_functions = 'pl'`);
    await admin.query(`select ${fn}($1, $2::uuid[])`, [organizationId, ids]);
    const pairs = await pairsOf(admin, organizationId);
    const calls = await admin.query(`select coalesce(sum(calls), 0)::int as calls from pg_stat_xact_user_functions where funcname = 'ubos_client_name_key'`);
    return { pairs, nameKeyCalls: calls.rows[0].calls };
  } finally {
    await admin.query('rollback');
  }
}

describe('duplicate candidates: keys computed once (0076), probes within the tenant (0077)', () => {
  it('writes exactly the pairs of 0060\'s definition, for the whole tenant and for changed clients, with fewer key computations', async () => {
    const alpha = tenants.alpha!.organizationId;
    await admin.query('begin');
    await admin.query(`select set_config('app.organization_id', $1, true)`, [alpha]);
    // A crowd of 260 look-alike names (more than a probe's 100), a shared domain, a shared phone, deleted clients.
    await insertLookAlikeCrowd(admin, alpha, { from: 1, to: 260, sharedPhoneEvery: 11, deletedEvery: 50 });
    await admin.query(
      `insert into clients (organization_id, name, email) select $1, name, email from (values
         ('The Bluebird Company', 'a@bluebird.example'), ('Bluebird Co.', 'b@bluebird.example'), ('Blue Bird Inc', 'c@gmail.com'),
         ('Kestrel Labs', null), ('Kestrel Lab', 'x@kestrel.example')) v (name, email)`,
      [alpha],
    );
    await admin.query('commit');
    await admin.query('analyze clients');

    const whole = await refresh(alpha, 'ubos_refresh_client_duplicates', null);
    const wholeReference = await refresh(alpha, 'pg_temp.refresh_0060', null);
    expect(whole.pairs.length).toBeGreaterThan(500);
    expect(whole.pairs).toEqual(wholeReference.pairs);
    expect(whole.nameKeyCalls).toBeLessThan(wholeReference.nameKeyCalls);

    // Now keep the tenant's pairs, rename a few clients and refresh only those.
    await admin.query('begin');
    await admin.query(`select set_config('app.organization_id', $1, true)`, [alpha]);
    await admin.query('select ubos_refresh_client_duplicates($1)', [alpha]);
    const { rows } = await admin.query(
      `update clients set name = 'Renamed ' || name where organization_id = $1 and name in ('Acme Studio 3', 'Acme Studio 140', 'Kestrel Lab') returning id`,
      [alpha],
    );
    await admin.query('commit');
    const changed = rows.map((row) => row.id);
    expect(changed).toHaveLength(3);
    const some = await refresh(alpha, 'ubos_refresh_client_duplicates', changed);
    const someReference = await refresh(alpha, 'pg_temp.refresh_0060', changed);
    expect(some.pairs).toEqual(someReference.pairs);
    expect(some.pairs).not.toEqual(whole.pairs);
  });

  it('probes a tenant\'s look-alike names without reading another tenant\'s (0077: the trigram index leads with the tenant)', async () => {
    const gamma = tenants.gamma!.organizationId;
    const beta = tenants.beta!.organizationId;
    // The same 300 look-alike names in two tenants, as the bulk seed makes them in every tenant.
    for (const organizationId of [beta, gamma]) {
      await admin.query('begin');
      await admin.query(`select set_config('app.organization_id', $1, true)`, [organizationId]);
      await admin.query(`insert into clients (organization_id, name) select $1, 'Northwind Labs ' || n from generate_series(1, 300) n`, [organizationId]);
      await admin.query('commit');
    }
    await admin.query('analyze clients');
    await admin.query('begin');
    try {
      await admin.query(`select set_config('app.organization_id', $1, true)`, [gamma]);
      await admin.query('set local pg_trgm.similarity_threshold = 0.5');
      await admin.query('set local enable_seqscan = off'); // the tables are small here; the product's plans use the index (client-duplicates.test.ts)
      const [similar] = (await admin.query(
        `select count(*)::int as count from clients where organization_id = $1 and deleted_at is null and ubos_client_name_key(name) % ubos_client_name_key('Northwind Labs 17')`, [gamma],
      )).rows;
      const { rows } = await admin.query(
        `explain (analyze, format json) select c.id from clients c
          where c.organization_id = $1 and c.deleted_at is null and ubos_client_name_key(c.name) % ubos_client_name_key('Northwind Labs 17') limit 100`,
        [gamma],
      );
      const nodes: any[] = [];
      const walk = (node: any) => { nodes.push(node); for (const child of node.Plans ?? []) walk(child); };
      walk(rows[0]['QUERY PLAN'][0].Plan);
      const indexScan = nodes.find((node) => node['Node Type'] === 'Bitmap Index Scan');
      expect(indexScan?.['Index Name']).toBe('clients_name_key_trgm_idx');
      // The bitmap holds gamma's candidates only: at most gamma's own clients, never beta's 300
      // look-alikes as well (without the tenant in the index: about 600).
      const [own] = (await admin.query(`select count(*)::int as count from clients where organization_id = $1 and deleted_at is null`, [gamma])).rows;
      expect(similar.count).toBeGreaterThan(10);
      expect(indexScan['Actual Rows']).toBeLessThanOrEqual(own.count);
    } finally {
      await admin.query('rollback');
    }
  });
});
