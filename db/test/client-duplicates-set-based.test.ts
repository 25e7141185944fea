import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo, type SeededOrganization } from '@ubos/db';
import { createTestDatabase, TEST_APP_ROLE, type TestDatabase } from '@ubos/test-support/database';
import { TEST_ORGANIZATIONS } from '@ubos/test-support/stack';
import { defineReference0060, insertLookAlikeCrowd, pairsOf } from './duplicates-reference.js';

// Migration 0080: `ubos_refresh_client_duplicates(org)` (a whole tenant) finds the matches in a
// temporary table of the tenant's keys instead of probing the clients' trigram index once per
// client. The reference is 0060's own definition, read from the migration file and created
// under pg_temp: both must write the same pairs, holders, scores and reasons, on data where
// each key's "first 100 matches" matter (crowds of more than 100 look-alike names, one shared
// domain and one shared phone) and where the clients' physical order is not their order of
// ids or of insertion (rows moved by updates), with deleted clients and another tenant with
// the same names.

let db: TestDatabase;
let tenants: Record<string, SeededOrganization>;
let admin: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase(inject('ubosDatabase'));
  tenants = await seedDemo(db.adminUrl, TEST_ORGANIZATIONS);
  admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  await defineReference0060(admin);

  // The index probes of 0060 read a key's matches in the order of their index entries, which
  // point at the start of a row's chain of in-page (HOT) updates; 0080 orders by the row's
  // current position. The two agree whenever an update writes new index entries, which an
  // index on the column the tests update guarantees. Without it, whether an update stays in
  // its page depends on when PostgreSQL pruned that page, and so on what else ran meanwhile
  // (seen once in CI): only a crowd of more than 100 clients sharing a key can tell.
  await admin.query('create index clients_industry_moves_rows on clients (industry)');

  // Two tenants with the same crowds, inserted interleaved so that their rows share pages.
  const alpha = tenants.alpha!.organizationId;
  const beta = tenants.beta!.organizationId;
  for (let round = 0; round < 2; round += 1) {
    for (const organizationId of [alpha, beta]) {
      await admin.query('begin');
      await admin.query(`select set_config('app.organization_id', $1, true)`, [organizationId]);
      // 2 x 180 look-alike names: "Acme Studio n" (n = 1..360) share one crowd of 360 names. Every
      // 7th shares a domain (about 50), every 3rd a phone (120: more than a probe's 100), every
      // 40th is deleted.
      await insertLookAlikeCrowd(admin, organizationId, { from: round * 180 + 1, to: round * 180 + 180, sharedPhoneEvery: 3, deletedEvery: 40 });
      await admin.query('commit');
    }
  }
  for (const organizationId of [alpha, beta]) {
    await admin.query('begin');
    await admin.query(`select set_config('app.organization_id', $1, true)`, [organizationId]);
    await admin.query(
      `insert into clients (organization_id, name, email) select $1, name, email from (values
         ('The Bluebird Company', 'a@bluebird.example'), ('Bluebird Co.', 'b@bluebird.example'), ('Blue Bird Inc', 'c@gmail.com'),
         ('Kestrel Labs', null), ('Kestrel Lab', 'x@kestrel.example')) v (name, email)`,
      [organizationId],
    );
    // Rows moved to the end of the table: the physical order is no longer that of the ids.
    await admin.query(`update clients set industry = 'Moved' where organization_id = $1 and (name ~ ' (1|2|5|8)[0-9]$' or name like 'Acme Studio 3%')`, [organizationId]);
    await admin.query('commit');
  }
  await admin.query('analyze clients');
});
afterAll(() => admin?.end());

interface Outcome {
  pairs: string[];
  nameKeyCalls: number;
  trigramProbes: number;
}

/** Runs one whole-tenant refresh in a transaction that is rolled back, and answers the pairs it left and what it cost. */
async function refresh(organizationId: string, fn: 'ubos_refresh_client_duplicates' | 'pg_temp.refresh_0060', role?: string): Promise<Outcome> {
  await admin.query('begin');
  try {
    await admin.query(`select set_config('app.organization_id', $1, true)`, [organizationId]);
    await admin.query(`set local track_functions = 'pl'`);
    if (role) await admin.query(`set local role ${role}`);
    await admin.query(`select ${fn}($1)`, [organizationId]);
    if (role) await admin.query('reset role');
    const pairs = await pairsOf(admin, organizationId);
    const calls = await admin.query(`select coalesce(sum(calls), 0)::int as calls from pg_stat_xact_user_functions where funcname = 'ubos_client_name_key'`);
    // The scans of the clients' trigram index in this transaction.
    const probes = await admin.query(`select pg_stat_get_xact_numscans('clients_name_key_trgm_idx'::regclass)::int as scans`);
    return { pairs, nameKeyCalls: calls.rows[0].calls, trigramProbes: probes.rows[0].scans };
  } finally {
    await admin.query('rollback');
  }
}

async function liveClients(organizationId: string): Promise<number> {
  const { rows } = await admin.query(`select count(*)::int as count from clients where organization_id = $1 and deleted_at is null`, [organizationId]);
  return rows[0].count;
}

describe('duplicate candidates of a whole tenant from a table of its keys (0080)', () => {
  it('writes exactly the pairs of 0060\'s definition where the first 100 matches of a key matter, computing each key once and probing no index of clients', async () => {
    for (const slug of ['alpha', 'beta']) {
      const organizationId = tenants[slug]!.organizationId;
      const live = await liveClients(organizationId);
      const whole = await refresh(organizationId, 'ubos_refresh_client_duplicates');
      const reference = await refresh(organizationId, 'pg_temp.refresh_0060');
      expect(whole.pairs.length).toBeGreaterThan(700);
      expect(whole.pairs).toEqual(reference.pairs);
      // 0060 and 0076 compute the name key again for every candidate a probe rechecks, and probe once per client.
      expect(reference.nameKeyCalls).toBeGreaterThan(10 * live);
      expect(reference.trigramProbes).toBeGreaterThanOrEqual(live);
      expect(whole.nameKeyCalls).toBe(live);
      expect(whole.trigramProbes).toBe(0);
    }
  });

  it('the cap of 100 matches a key is taken in the clients\' physical order: a crowd larger than that gives other pairs in another order', async () => {
    // Guards the test above: with the crowd's rows in another physical order, the first 100
    // matches of the shared phone change, and so do the pairs of both definitions alike.
    const alpha = tenants.alpha!.organizationId;
    const before = await refresh(alpha, 'ubos_refresh_client_duplicates');
    await admin.query('begin');
    try {
      await admin.query(`select set_config('app.organization_id', $1, true)`, [alpha]);
      await admin.query(`update clients set industry = 'Moved again' where organization_id = $1 and phone = '+44 20 7946 0018' and name ~ '[0-4]$'`, [alpha]);
      await admin.query(`select ubos_refresh_client_duplicates($1)`, [alpha]);
      const moved = await pairsOf(admin, alpha);
      await admin.query(`select pg_temp.refresh_0060($1)`, [alpha]);
      const movedReference = await pairsOf(admin, alpha);
      expect(moved).toEqual(movedReference);
      expect(moved).not.toEqual(before.pairs);
    } finally {
      await admin.query('rollback');
    }
  });

  it('refreshes several tenants in one transaction, and a role that may not create temporary tables gets the same pairs by the probes', async () => {
    const alpha = tenants.alpha!.organizationId;
    const beta = tenants.beta!.organizationId;
    const reference = await refresh(alpha, 'pg_temp.refresh_0060');
    await admin.query('begin');
    try {
      for (const organizationId of [alpha, beta, alpha]) {
        await admin.query(`select set_config('app.organization_id', $1, true)`, [organizationId]);
        await admin.query(`select ubos_refresh_client_duplicates($1)`, [organizationId]);
      }
      const pairs = await pairsOf(admin, alpha);
      expect(pairs).toEqual(reference.pairs);
    } finally {
      await admin.query('rollback');
    }

    const database = (await admin.query('select current_database() as name')).rows[0].name;
    await admin.query(`revoke temporary on database "${database}" from public`);
    try {
      const withoutTemporary = await refresh(alpha, 'ubos_refresh_client_duplicates', TEST_APP_ROLE);
      expect(withoutTemporary.pairs).toEqual(reference.pairs);
      expect(withoutTemporary.trigramProbes).toBeGreaterThan(0);
    } finally {
      await admin.query(`grant temporary on database "${database}" to public`);
    }
  });
});
