import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo, type SeededOrganization } from '@ubos/db';
import { createTestDatabase, type TestDatabase } from '@ubos/test-support/database';
import { TEST_ORGANIZATIONS } from '@ubos/test-support/stack';

// Migration 0075: inserts are audited by a statement-level trigger over the statement's new
// rows, sealing at commit runs once per tenant and transaction, and the digests the chain hashes
// are computed inline. What each inserted row gets must not change: one `created` event with
// the whole row, its history version 1 from the same moment, its client, the request's actor
// and settings, in insertion order, sealed into the tenant's chain at commit. Everything runs
// against real PostgreSQL: multi-row statements (the bulk seed's shape: several tables in one
// statement), single rows, savepoints, two tenants in one transaction, and the old digest
// definitions as the reference.

let db: TestDatabase;
let tenants: Record<string, SeededOrganization>;
let admin: pg.Client;
const org = (slug: string) => tenants[slug]!.organizationId;

beforeAll(async () => {
  db = await createTestDatabase(inject('ubosDatabase'));
  tenants = await seedDemo(db.adminUrl, TEST_ORGANIZATIONS);
  admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
});
afterAll(() => admin?.end());

async function sql<T extends pg.QueryResultRow = any>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await admin.query<T>(text, params)).rows;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

interface Settings {
  actor: string;
  requestId: string;
  ip: string;
  userAgent: string;
}

async function begin(client: pg.Client, organizationId: string, settings: Settings): Promise<void> {
  await client.query('begin');
  await client.query(
    `select set_config('app.organization_id', $1, true), set_config('app.actor', $2, true), set_config('app.request_id', $3, true),
            set_config('app.ip', $4, true), set_config('app.user_agent', $5, true)`,
    [organizationId, settings.actor, settings.requestId, settings.ip, settings.userAgent],
  );
}

function settings(actor: string): Settings {
  return { actor, requestId: `req-${randomUUID()}`, ip: '203.0.113.7', userAgent: 'set-based "audit" ✓' };
}

async function verifyChain(organizationId: string): Promise<{ ok: boolean; events_checked: number }> {
  await admin.query('begin');
  try {
    await admin.query(`select set_config('app.organization_id', $1, true)`, [organizationId]);
    const { rows } = await admin.query('select ok, events_checked::int as events_checked from ubos_verify_audit_chain($1)', [organizationId]);
    return rows[0];
  } finally {
    await admin.query('rollback');
  }
}

const UNTRACKED = ['organization_id', 'id', 'version', 'updated_at', 'created_at'];
const SECRET = ['secret_hash'];

interface Written {
  table: string;
  entity_type: string;
  id: string;
  expected_client: string | null;
}

/**
 * What the row trigger wrote for one inserted row, checked for each row in `written` (in
 * the order the rows were inserted): exactly one event, `created`, with the whole row (minus
 * bookkeeping and secrets) from null, the row's client, the transaction's actor, request,
 * address and agent; exactly one history version, version 1, from the event's moment, open,
 * with the row (minus secrets) as data and the same client and actor; events of consecutive
 * insertion order and moments that never go back; all sealed with consecutive seq.
 */
async function expectAuditedAsRowByRow(organizationId: string, written: Written[], s: Settings): Promise<void> {
  const ids = written.map((row) => row.id);
  const events = await sql(
    `select e.entity_id, e.entity_type, e.action, e.actor, e.client_id, e.changes, e.ip_address, e.user_agent, e.request_id,
            e.insert_order::bigint::text as insert_order, e.seq::int as seq, e.hash,
            to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as at
       from activity_events e where e.organization_id = $1 and e.entity_id = any($2::uuid[]) order by e.insert_order`,
    [organizationId, ids],
  );
  expect(events.map((event) => event.entity_id)).toEqual(ids);
  const history = await sql(
    `select h.entity_id, h.entity_type, h.version, h.actor, h.client_id, h.data, h.valid_to,
            to_char(h.valid_from at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as at
       from entity_history h where h.organization_id = $1 and h.entity_id = any($2::uuid[])`,
    [organizationId, ids],
  );
  expect(history).toHaveLength(written.length);
  for (const [index, row] of written.entries()) {
    const [current] = await sql(`select to_jsonb(t) - $2::text[] as data from ${row.table} t where t.id = $1`, [row.id, SECRET]);
    const data = current.data as Record<string, unknown>;
    const event = events[index]!;
    expect(event).toMatchObject({
      entity_type: row.entity_type,
      action: 'created',
      actor: s.actor,
      client_id: row.expected_client,
      ip_address: s.ip,
      user_agent: s.userAgent,
      request_id: s.requestId,
    });
    const tracked = Object.entries(data).filter(([key]) => !UNTRACKED.includes(key));
    expect(event.changes).toEqual(Object.fromEntries(tracked.map(([key, value]) => [key, { from: null, to: value }])));
    expect(data.version).toBe(1);
    const version = history.find((entry) => entry.entity_id === row.id)!;
    expect(version).toMatchObject({ entity_type: row.entity_type, version: 1, actor: s.actor, client_id: row.expected_client, valid_to: null, at: event.at });
    expect(version.data).toEqual(data);
    for (const secret of SECRET) expect(Object.keys(event.changes)).not.toContain(secret);
    if (index > 0) {
      const previous = events[index - 1]!;
      expect(BigInt(event.insert_order)).toBe(BigInt(previous.insert_order) + 1n);
      // Moments never go back; two rows of one statement may share a microsecond.
      expect(event.at >= previous.at).toBe(true);
      expect(event.seq).toBe(previous.seq + 1);
    }
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
  }
}

describe('inserts audited by the statement-level trigger', () => {
  it('gives every table ubos_track opted in a statement-level insert trigger over its new rows, and a row trigger for updates and deletes only', async () => {
    const triggers = await sql(
      `select c.relname as tbl, t.tgname,
              (t.tgtype & 1) <> 0 as per_row, (t.tgtype & 4) <> 0 as on_insert, (t.tgtype & 8) <> 0 as on_delete, (t.tgtype & 16) <> 0 as on_update,
              t.tgnewtable, p.proname
         from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
        where t.tgname in ('track_change', 'track_insert') and not t.tgisinternal order by 1, 2`,
    );
    const tables = [...new Set(triggers.map((row) => row.tbl))];
    expect(tables).toEqual(expect.arrayContaining(['clients', 'contacts', 'deals', 'projects', 'milestones', 'tasks', 'invoices', 'payments', 'memberships', 'api_keys']));
    for (const table of tables) {
      expect(triggers.filter((row) => row.tbl === table)).toEqual([
        { tbl: table, tgname: 'track_change', per_row: true, on_insert: false, on_delete: true, on_update: true, tgnewtable: null, proname: 'ubos_track_change' },
        { tbl: table, tgname: 'track_insert', per_row: false, on_insert: true, on_delete: false, on_update: false, tgnewtable: 'ubos_inserted_rows', proname: 'ubos_track_inserts' },
      ]);
    }
  });

  it('writes for one statement inserting clients, contacts, projects, milestones and tasks what the row trigger wrote row by row, with one trigger call per table and one seal per statement', async () => {
    const alpha = org('alpha');
    const s = settings('user:bulk-statement');
    const client = await connect(db.adminUrl);
    let written: Written[] = [];
    let calls: Record<string, number> = {};
    try {
      await begin(client, alpha, s);
      await client.query(`set local track_functions = 'pl'`);
      // Sealing fires at the end of each statement that wrote events instead of at commit, so
      // that its calls are counted inside the transaction (pg_stat_xact_user_functions): one
      // per insert trigger's statement, where it was one per event.
      await client.query('set constraints seal_at_commit immediate');
      // The bulk seed's shape: parents and children in one statement, the children's client
      // found through a project made by the same statement.
      const { rows } = await client.query(
        `with src as materialized (select n, ubos_uuid_v7() as id from generate_series(1, 40) n),
              c as (insert into clients (organization_id, id, name, notes) select $1, id, 'Statement ' || n || ' «q» "x"', case when n % 2 = 0 then null else 'n\\' || n end from src returning id),
              k as (insert into contacts (organization_id, client_id, first_name, last_name) select $1, id, 'First ' || n, 'Last' from src returning id),
              p as materialized (select src.id as client_id, ubos_uuid_v7() as id, n from src where n % 4 = 0),
              pi as (insert into projects (organization_id, id, client_id, name) select $1, id, client_id, 'Project ' || n from p returning id),
              m as materialized (select p.id as project_id, ubos_uuid_v7() as id from p),
              mi as (insert into milestones (organization_id, id, project_id, name) select $1, id, project_id, 'Milestone' from m returning id),
              ti as (insert into tasks (organization_id, project_id, milestone_id, title) select $1, project_id, id, 'Task' from m returning id)
         select (select count(*) from c)::int as clients`,
        [alpha],
      );
      expect(rows[0].clients).toBe(40);
      const stats = await client.query(`select funcname, calls::int as calls from pg_stat_xact_user_functions where funcname in ('ubos_track_inserts', 'ubos_track_change', 'ubos_seal_event')`);
      calls = Object.fromEntries(stats.rows.map((row) => [row.funcname, row.calls]));
      await client.query('commit');
    } finally {
      await client.end();
    }
    // One call per table written (clients, contacts, projects, milestones, tasks), none of the
    // row trigger, and one seal per statement of events (not one per event: 110).
    expect(calls).toEqual({ ubos_track_inserts: 5, ubos_seal_event: 5 });

    const rows = async (table: string, entityType: string, clientOf: string) =>
      (await sql(`select t.id, ${clientOf} as expected_client from ${table} t where t.organization_id = $1 and t.id in (select entity_id from activity_events where request_id = $2)`, [alpha, s.requestId]))
        .map((row) => ({ table, entity_type: entityType, id: row.id, expected_client: row.expected_client }));
    // Within one table the statement inserted rows in id order (ids are time-ordered).
    const byTable = {
      clients: await rows('clients', 'Client', 't.id'),
      contacts: await rows('contacts', 'Contact', 't.client_id'),
      projects: await rows('projects', 'Project', 't.client_id'),
      milestones: await rows('milestones', 'Milestone', '(select p.client_id from projects p where p.id = t.project_id)'),
      tasks: await rows('tasks', 'Task', '(select p.client_id from projects p where p.id = t.project_id)'),
    };
    expect(Object.values(byTable).map((list) => list.length)).toEqual([40, 40, 10, 10, 10]);
    const order = await sql(`select entity_id from activity_events where request_id = $1 order by insert_order`, [s.requestId]);
    const position = new Map(order.map((row, index) => [row.entity_id, index]));
    for (const list of Object.values(byTable)) list.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    for (const list of Object.values(byTable)) {
      expect(list.map((row) => row.id)).toEqual([...list.map((row) => row.id)].sort());
      await expectAuditedAsRowByRow(alpha, list, s);
    }
    expect(order).toHaveLength(110);
    expect(await verifyChain(alpha)).toMatchObject({ ok: true });
  });

  it('audits a single-row insert as the serving role, leaves secrets out and finds no client for a table without one', async () => {
    const beta = org('beta');
    const s = settings('user:single-row');
    const client = await connect(db.appUrl);
    let vendor = '';
    let clientId = '';
    try {
      await begin(client, beta, s);
      clientId = (await client.query(`insert into clients (organization_id, name) values ($1, 'Single row') returning id`, [beta])).rows[0].id;
      vendor = (await client.query(`insert into vendors (organization_id, name, email) values ($1, 'Vendor', 'v@example.com') returning id`, [beta])).rows[0].id;
      await client.query('commit');
    } finally {
      await client.end();
    }
    await expectAuditedAsRowByRow(beta, [
      { table: 'clients', entity_type: 'Client', id: clientId, expected_client: clientId },
      { table: 'vendors', entity_type: 'Vendor', id: vendor, expected_client: null },
    ], s);
    // An API key's secret hash never reaches the audit or the history (as admin: the serving role may not write keys directly).
    const keyAdmin = await connect(db.adminUrl);
    let key = '';
    try {
      await begin(keyAdmin, beta, s);
      key = (await keyAdmin.query(
        `insert into api_keys (organization_id, name, prefix, secret_hash, scopes, created_by) values ($1, 'k', 'abcdefghijkl', 'SECRET-HASH', '{read}', 'user:x') returning id`, [beta],
      )).rows[0].id;
      await keyAdmin.query('commit');
    } finally {
      await keyAdmin.end();
    }
    const [event] = await sql(`select changes::text as changes from activity_events where entity_id = $1`, [key]);
    const [version] = await sql(`select data::text as data from entity_history where entity_id = $1`, [key]);
    expect(event.changes).not.toContain('SECRET-HASH');
    expect(version.data).not.toContain('SECRET-HASH');
    expect(await verifyChain(beta)).toMatchObject({ ok: true });
  });

  it('still audits updates and deletes row by row after a multi-row insert, with contiguous history', async () => {
    const gamma = org('gamma');
    const s = settings('user:then-update');
    const client = await connect(db.appUrl);
    let ids: string[] = [];
    try {
      await begin(client, gamma, s);
      ids = (await client.query(`insert into clients (organization_id, name) select $1, 'Then ' || n from generate_series(1, 5) n returning id`, [gamma])).rows.map((row) => row.id);
      await client.query(`update clients set status = 'LEAD' where id = any($1::uuid[])`, [ids]);
      await client.query(`update clients set deleted_at = now(), deleted_by = 'user:x' where id = $1`, [ids[0]]);
      await client.query('commit');
    } finally {
      await client.end();
    }
    const events = await sql(`select entity_id, action from activity_events where entity_id = any($1::uuid[]) order by insert_order`, [ids]);
    expect(events.map((event) => event.action)).toEqual(['created', 'created', 'created', 'created', 'created', 'updated', 'updated', 'updated', 'updated', 'updated', 'deleted']);
    const history = await sql(
      `select entity_id, version, valid_from, valid_to from entity_history where entity_id = $1 order by version`, [ids[0]],
    );
    expect(history.map((row) => row.version)).toEqual([1, 2, 3]);
    expect(history[0].valid_to).toEqual(history[1].valid_from);
    expect(history[1].valid_to).toEqual(history[2].valid_from);
    expect(history[2].valid_to).toBeNull();
    expect(await verifyChain(gamma)).toMatchObject({ ok: true });
  });
});

describe('sealing once per tenant and transaction', () => {
  it('seals the events written after a rolled-back savepoint that held the first event of the transaction', async () => {
    const alpha = org('alpha');
    const s = settings('user:savepoint-first');
    const client = await connect(db.appUrl);
    let kept: string[] = [];
    let dropped = '';
    try {
      await begin(client, alpha, s);
      await client.query('savepoint s');
      dropped = (await client.query(`insert into clients (organization_id, name) values ($1, 'Dropped first') returning id`, [alpha])).rows[0].id;
      await client.query('rollback to savepoint s');
      kept = (await client.query(`insert into clients (organization_id, name) select $1, 'Kept ' || n from generate_series(1, 3) n returning id`, [alpha])).rows.map((row) => row.id);
      await client.query('commit');
    } finally {
      await client.end();
    }
    const events = await sql(`select entity_id, seq::int as seq from activity_events where entity_id = any($1::uuid[]) order by insert_order`, [[dropped, ...kept]]);
    expect(events.map((event) => event.entity_id)).toEqual(kept);
    for (const event of events) expect(event.seq).not.toBeNull();
    expect(await verifyChain(alpha)).toMatchObject({ ok: true });
  });

  it('seals two tenants written in one transaction, each into its own chain, and events written after an immediate seal', async () => {
    const alpha = org('alpha');
    const beta = org('beta');
    const s = settings('user:two-tenants');
    const client = await connect(db.adminUrl);
    const ids: string[] = [];
    try {
      await begin(client, alpha, s);
      ids.push((await client.query(`insert into clients (organization_id, name) values ($1, 'Alpha side') returning id`, [alpha])).rows[0].id);
      await client.query(`select set_config('app.organization_id', $1, true)`, [beta]);
      ids.push((await client.query(`insert into clients (organization_id, name) values ($1, 'Beta side') returning id`, [beta])).rows[0].id);
      await client.query('set constraints seal_at_commit immediate');
      const sealed = await client.query(`select count(*)::int as unsealed from activity_events where entity_id = any($1::uuid[]) and hash is null`, [ids]);
      expect(sealed.rows[0].unsealed).toBe(0);
      await client.query('set constraints seal_at_commit deferred');
      ids.push((await client.query(`insert into clients (organization_id, name) values ($1, 'Beta after the seal') returning id`, [beta])).rows[0].id);
      await client.query('commit');
    } finally {
      await client.end();
    }
    const events = await sql(`select organization_id, seq::int as seq from activity_events where entity_id = any($1::uuid[]) order by insert_order`, [ids]);
    expect(events.map((event) => event.organization_id)).toEqual([alpha, beta, beta]);
    for (const event of events) expect(event.seq).not.toBeNull();
    expect(events[2].seq).toBe(events[1].seq + 1);
    expect(await verifyChain(alpha)).toMatchObject({ ok: true });
    expect(await verifyChain(beta)).toMatchObject({ ok: true });
  });
});

describe('digests', () => {
  it('gives the same digests as the definitions of 0002, for every event written so far and for awkward values', async () => {
    // 0002's definitions, written out here as the reference.
    const reference = `
      create function pg_temp.old_value_digest(value jsonb) returns text language sql immutable as $$
        select case when jsonb_typeof(value) = 'object' and value ? 'ubos_redacted' then value ->> 'digest'
                    else encode(sha256(convert_to(coalesce(value, 'null'::jsonb)::text, 'UTF8')), 'hex') end $$;
      create function pg_temp.old_changes_digest(changes jsonb) returns text language sql immutable as $$
        select encode(sha256(convert_to(coalesce(string_agg(
          key || ':' || pg_temp.old_value_digest(value -> 'from') || '>' || pg_temp.old_value_digest(value -> 'to'), ',' order by key), ''), 'UTF8')), 'hex')
        from jsonb_each(changes) $$;`;
    const client = await connect(db.adminUrl);
    try {
      await client.query(reference);
      const awkward = [
        '{}', '{"a": {"from": null, "to": null}}', '{"a": {"to": 1}}', '{"a": {}}', '{"a": {"from": "null", "to": "NULL"}}',
        '{"a": {"from": {"ubos_redacted": true, "digest": "abc"}, "to": {"x": [1, 2, {"y": "☃"}]}}}',
        '{"b": {"from": "\\"q\\"", "to": ""}, "a": {"from": 1.50, "to": false}, "ab": {"from": [], "to": {}}}',
        '{"a": "not an object", "b": null}',
      ];
      const differing = await client.query(
        `select c from unnest($1::jsonb[]) as c where ubos_changes_digest(c) is distinct from pg_temp.old_changes_digest(c)`, [awkward],
      );
      expect(differing.rows).toEqual([]);
      const values = ['null', '"null"', '1', '{}', '[]', '{"ubos_redacted": true, "digest": "d"}', '{"ubos_redacted": false}', '"é ☃"'];
      const values2 = await client.query(
        `select v from unnest($1::jsonb[]) as v where ubos_value_digest(v) is distinct from pg_temp.old_value_digest(v)`, [values],
      );
      expect(values2.rows).toEqual([]);
      expect((await client.query('select ubos_value_digest(null) = pg_temp.old_value_digest(null) as same')).rows[0].same).toBe(true);
      const events = await client.query(
        `select count(*)::int as events, count(*) filter (where ubos_changes_digest(changes) is distinct from pg_temp.old_changes_digest(changes))::int as differing
           from activity_events`,
      );
      expect(events.rows[0].events).toBeGreaterThan(100);
      expect(events.rows[0].differing).toBe(0);
    } finally {
      await client.end();
    }
  });
});

describe('sealing with the per-event work in one query (0081)', () => {
  it('seals the same hashes as ubos_event_hash, without a call of it or of ubos_changes_digest per event', async () => {
    const beta = org('beta');
    const s: Settings = { actor: 'user:"seal" \\ ✓', requestId: `req-${randomUUID()}`, ip: '2001:db8::1', userAgent: 'agent\twith\ncontrol "chars" é' };
    const client = await connect(db.adminUrl);
    let calls: Record<string, number> = {};
    try {
      await begin(client, beta, s);
      await client.query(`set local track_functions = 'all'`);
      const { rows } = await client.query(
        `with c as (insert into clients (organization_id, name, notes, website) select $1, 'Seal ' || n || ' «q» "x" \\', case when n % 2 = 0 then null else e'line\\nbreak ☃' end, 'https://x.example/' || n
                      from generate_series(1, 30) n returning id)
         insert into contacts (organization_id, client_id, first_name, last_name) select $1, id, 'First', 'Last' from c returning client_id`,
        [beta],
      );
      expect(rows).toHaveLength(30);
      await client.query('set constraints seal_at_commit immediate');
      const stats = await client.query(`select funcname, calls::int as calls from pg_stat_xact_user_functions where funcname in ('ubos_seal_event', 'ubos_event_hash', 'ubos_changes_digest')`);
      calls = Object.fromEntries(stats.rows.map((row) => [row.funcname, row.calls]));
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      await client.end();
    }
    expect(calls).toEqual({ ubos_seal_event: 1 });

    const events = await sql(
      `select count(*)::int as events, count(*) filter (where e.hash is distinct from ubos_event_hash(e.prev_hash, e))::int as differing,
              count(*) filter (where e.actor = $2)::int as written
         from activity_events e where e.organization_id = $1`,
      [beta, s.actor],
    );
    expect(events[0].written).toBeGreaterThanOrEqual(60);
    expect(events[0].differing).toBe(0);
    expect(await verifyChain(beta)).toMatchObject({ ok: true, events_checked: events[0].events });
  });

  it('ubos_changes_digest_row gives ubos_changes_digest for every event written so far and for awkward values', async () => {
    const awkward = [
      '{}', '{"a": {"from": null, "to": null}}', '{"a": {"to": 1}}', '{"a": {}}', '{"a": {"from": "null", "to": "NULL"}}',
      '{"a": {"from": {"ubos_redacted": true, "digest": "abc"}, "to": {"x": [1, 2, {"y": "☃"}]}}}',
      '{"b": {"from": "\\"q\\"", "to": ""}, "a": {"from": 1.50, "to": false}, "ab": {"from": [], "to": {}}}',
      '{"a": "not an object", "b": null}',
    ];
    const differing = await sql(
      `select c from unnest($1::jsonb[]) as c where ubos_changes_digest(c) is distinct from (select d.digest from ubos_changes_digest_row(c) d)`, [awkward],
    );
    expect(differing).toEqual([]);
    const events = await sql(
      `select count(*)::int as events, count(*) filter (where ubos_changes_digest(e.changes) is distinct from d.digest)::int as differing
         from activity_events e cross join lateral ubos_changes_digest_row(e.changes) d`,
    );
    expect(events[0].events).toBeGreaterThan(100);
    expect(events[0].differing).toBe(0);
  });
});
