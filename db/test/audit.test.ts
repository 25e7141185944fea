import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo, withAdminClient, type SeededOrganization } from '@ubos/db';
import { createTestDatabase, type TestDatabase } from '@ubos/test-support/database';
import { TEST_ORGANIZATIONS } from '@ubos/test-support/stack';

// The write path of issue 3 as the database enforces it, below any code: the audit trail
// (one event per committed change, none for a rolled-back one), its immutability, the hash
// chain and its verification, sealing under concurrency, the temporal history, and the
// outbox's row security. Everything runs against real PostgreSQL, as the serving role where
// the application would, and as the superuser where an attacker with the keys would.

let db: TestDatabase;
let tenants: Record<string, SeededOrganization>;
/** One superuser connection for reading and checking (db.admin opens one per query). */
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

// ------------------------------------------------------------------------------------------
// Helpers
// ------------------------------------------------------------------------------------------

/** Columns the triggers treat as bookkeeping (ubos_untracked_columns()). */
const UNTRACKED = ['organization_id', 'id', 'version', 'updated_at', 'created_at'];
/** Microsecond-exact UTC text of a timestamptz: node-pg's Date would drop the microseconds. */
const utc = (expression: string) => `to_char((${expression}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

async function connectApp(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: db.appUrl });
  await client.connect();
  return client;
}

/** One connection as the serving role (not superuser, not BYPASSRLS, owns nothing). */
async function asApp<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connectApp();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  return withAdminClient(db.adminUrl, work);
}

interface Settings {
  actor?: string;
  requestId?: string;
  ip?: string;
  userAgent?: string;
}

/** Opens a transaction the way RequestScope does: every setting transaction-local. */
async function begin(client: pg.Client, organizationId: string, settings: Settings = {}): Promise<void> {
  await client.query('begin');
  await client.query(
    `select set_config('app.organization_id', $1, true), set_config('app.actor', $2, true), set_config('app.request_id', $3, true),
            set_config('app.ip', $4, true), set_config('app.user_agent', $5, true)`,
    [organizationId, settings.actor ?? 'user:audit-test', settings.requestId ?? randomUUID(), settings.ip ?? '', settings.userAgent ?? ''],
  );
}

async function insertClient(client: pg.Client, organizationId: string, name: string): Promise<string> {
  const { rows } = await client.query('insert into clients (organization_id, name) values ($1, $2) returning id', [organizationId, name]);
  return rows[0].id;
}

/** Inserts one client as the serving role in its own committed transaction. */
async function committedClient(organizationId: string, name: string, settings: Settings = {}): Promise<string> {
  return asApp(async (client) => {
    await begin(client, organizationId, settings);
    const id = await insertClient(client, organizationId, name);
    await client.query('commit');
    return id;
  });
}

interface EventRow {
  id: string;
  seq: number | null;
  insert_order: number;
  actor: string;
  entity_type: string;
  entity_id: string;
  client_id: string | null;
  action: string;
  changes: Record<string, { from: unknown; to: unknown }>;
  request_id: string | null;
  prev_hash: string | null;
  hash: string | null;
}

const EVENT_COLUMNS = `id, seq::int as seq, insert_order::int as insert_order, actor, entity_type, entity_id, client_id, action, changes, request_id, prev_hash, hash`;

async function eventsOf(organizationId: string, entityIds: string[]): Promise<EventRow[]> {
  return sql<EventRow>(`select ${EVENT_COLUMNS} from activity_events where organization_id = $1 and entity_id = any($2::uuid[]) order by insert_order`, [organizationId, entityIds]);
}

async function eventCount(organizationId?: string): Promise<number> {
  const [row] = organizationId
    ? await sql('select count(*)::int as count from activity_events where organization_id = $1', [organizationId])
    : await sql('select count(*)::int as count from activity_events');
  return row.count;
}

async function headSeq(organizationId: string): Promise<number> {
  const [row] = await sql('select coalesce(max(seq), 0)::int as seq from activity_events where organization_id = $1', [organizationId]);
  return row.seq;
}

interface Verification {
  ok: boolean;
  events_checked: number;
  first_broken_event_id: string | null;
  head_seq: number | null;
  head_hash: string | null;
}

/** ubos_verify_audit_chain with the tenant set, on the given connection or as the admin. */
async function verifyChain(organizationId: string, client?: pg.Client): Promise<Verification> {
  const run = async (connection: pg.Client) => {
    await connection.query('begin');
    try {
      await connection.query(`select set_config('app.organization_id', $1, true)`, [organizationId]);
      const { rows } = await connection.query(
        'select ok, events_checked::int as events_checked, first_broken_event_id, head_seq::int as head_seq, head_hash from ubos_verify_audit_chain($1)',
        [organizationId],
      );
      return rows[0] as Verification;
    } finally {
      await connection.query('rollback');
    }
  };
  return run(client ?? admin);
}

/** As the superuser with every trigger off: what someone holding the database's keys can do. */
async function tamper(sql: string, params: unknown[] = []): Promise<void> {
  await asAdmin(async (client) => {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    const result = await client.query(sql, params);
    expect(result.rowCount, `tamper statement touched ${result.rowCount} rows: ${sql}`).toBe(1);
    await client.query('commit');
  });
}

/** Runs one statement as the serving role with the tenant set, in a transaction that is rolled back. */
async function refusedAsApp(organizationId: string, sql: string, params: unknown[] = []): Promise<unknown> {
  return asApp(async (client) => {
    await begin(client, organizationId);
    try {
      await client.query(sql, params);
      return undefined;
    } catch (error) {
      return error;
    } finally {
      await client.query('rollback');
    }
  });
}

/** Runs one statement as the superuser in a transaction that is rolled back whatever happens. */
async function refusedAsSuperuser(sql: string, params: unknown[] = [], settings: Record<string, string> = {}): Promise<unknown> {
  return asAdmin(async (client) => {
    await client.query('begin');
    try {
      for (const [name, value] of Object.entries(settings)) await client.query('select set_config($1, $2, true)', [name, value]);
      await client.query(sql, params);
      return undefined;
    } catch (error) {
      return error;
    } finally {
      await client.query('rollback');
    }
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : `no error (${String(error)})`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ------------------------------------------------------------------------------------------
// 2. Events exist exactly when the change commits; sealing happens at commit
// ------------------------------------------------------------------------------------------
describe('events and transactions', () => {
  it('writes no event, no history and no chain link for a rolled-back transaction', async () => {
    const alpha = org('alpha');
    const eventsBefore = await eventCount();
    const [headBefore] = await sql('select seq::int as seq, hash from audit_chain_heads where organization_id = $1', [alpha]);
    let id = '';
    await asApp(async (client) => {
      await begin(client, alpha, { actor: 'user:rolled-back' });
      id = await insertClient(client, alpha, 'Rolled back');
      // Inside the transaction the trigger has written the event already, unsealed.
      const inside = await client.query('select seq, hash from activity_events where entity_id = $1', [id]);
      expect(inside.rows).toEqual([{ seq: null, hash: null }]);
      await client.query('rollback');
    });
    expect(await eventsOf(alpha, [id])).toEqual([]);
    expect(await eventCount()).toBe(eventsBefore);
    expect(await sql('select 1 from entity_history where entity_id = $1', [id])).toEqual([]);
    expect(await sql('select seq::int as seq, hash from audit_chain_heads where organization_id = $1', [alpha])).toEqual([headBefore]);
    expect((await verifyChain(alpha)).ok).toBe(true);
  });

  it('seals two inserts of one transaction at commit, with consecutive seq in insertion order, and not before', async () => {
    const alpha = org('alpha');
    const requestId = `req-${randomUUID()}`;
    const [head] = await sql('select seq::int as seq, hash from audit_chain_heads where organization_id = $1', [alpha]);
    const ids = await asApp(async (client) => {
      await begin(client, alpha, { actor: 'user:two-inserts', requestId });
      const first = await insertClient(client, alpha, 'First of two');
      const second = await insertClient(client, alpha, 'Second of two');
      const inside = await client.query('select entity_id, seq, prev_hash, hash from activity_events where entity_id = any($1::uuid[]) order by insert_order', [[first, second]]);
      expect(inside.rows).toEqual([
        { entity_id: first, seq: null, prev_hash: null, hash: null },
        { entity_id: second, seq: null, prev_hash: null, hash: null },
      ]);
      await client.query('commit');
      return [first, second];
    });
    const events = await eventsOf(alpha, ids);
    expect(events.map((event) => [event.entity_id, event.action, event.actor, event.request_id])).toEqual([
      [ids[0], 'created', 'user:two-inserts', requestId],
      [ids[1], 'created', 'user:two-inserts', requestId],
    ]);
    expect(events[0]!.seq).toBe(head.seq + 1);
    expect(events[1]!.seq).toBe(head.seq + 2);
    expect(events[0]!.prev_hash).toBe(head.hash);
    expect(events[1]!.prev_hash).toBe(events[0]!.hash);
    for (const event of events) expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await sql('select seq::int as seq, hash from audit_chain_heads where organization_id = $1', [alpha])).toEqual([{ seq: head.seq + 2, hash: events[1]!.hash }]);
    expect(await verifyChain(alpha)).toMatchObject({ ok: true, head_seq: head.seq + 2, head_hash: events[1]!.hash });
  });

  it('seals a large transaction with the hashes ubos_event_hash gives, for awkward values (quotes, unicode, empty and null fields, updates and deletes)', async () => {
    // Every sealed event, recomputed whole: a byte of difference between what sealing hashed
    // and what verification hashes fails here, for values that need escaping.
    const alpha = org('alpha');
    const [head] = await sql('select seq::int as seq from audit_chain_heads where organization_id = $1', [alpha]);
    await asApp(async (client) => {
      await begin(client, alpha, { actor: 'user:"quoted" \\ actor', ip: '', userAgent: 'agent ✓ "ü" \n' });
      const { rows } = await client.query(
        `insert into clients (organization_id, name, notes, email)
         select $1, 'Bulk ' || n || ' «é» "q"', case when n % 3 = 0 then null when n % 3 = 1 then '' else 'line\nnext \\ ☃' end, null
           from generate_series(1, 300) n returning id`,
        [alpha],
      );
      await client.query(`update clients set notes = 'changed' where id = any($1::uuid[])`, [rows.slice(0, 50).map((row) => row.id)]);
      await client.query(`update clients set deleted_at = now(), deleted_by = 'user:x' where id = any($1::uuid[])`, [rows.slice(50, 60).map((row) => row.id)]);
      await client.query('commit');
    });
    const events = await sql(
      `select e.seq::int as seq, e.hash, ubos_event_hash(e.prev_hash, e) as expected, e.prev_hash, lag(e.hash) over (order by e.seq) as previous
         from activity_events e where e.organization_id = $1 and e.seq > $2 order by e.seq`,
      [alpha, head.seq],
    );
    expect(events).toHaveLength(360);
    expect(events.filter((event) => event.hash !== event.expected)).toEqual([]);
    expect(events.slice(1).filter((event) => event.prev_hash !== event.previous)).toEqual([]);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => head.seq + 1 + index));
    expect((await verifyChain(alpha)).ok).toBe(true);
  });

  it('keeps the events of what survived a rolled-back savepoint, and only those', async () => {
    const alpha = org('alpha');
    const before = await headSeq(alpha);
    const { kept, dropped } = await asApp(async (client) => {
      await begin(client, alpha);
      const a = await insertClient(client, alpha, 'Kept A');
      await client.query('savepoint s');
      const b = await insertClient(client, alpha, 'Dropped B');
      await client.query(`update clients set notes = 'dropped too' where id = $1`, [a]);
      await client.query('rollback to savepoint s');
      const c = await insertClient(client, alpha, 'Kept C');
      await client.query('commit');
      return { kept: [a, c], dropped: b };
    });
    const events = await eventsOf(alpha, [...kept, dropped]);
    expect(events.map((event) => [event.entity_id, event.action, event.seq])).toEqual([
      [kept[0], 'created', before + 1],
      [kept[1], 'created', before + 2],
    ]);
    expect((await verifyChain(alpha)).ok).toBe(true);
  });

  it('writes the full row for created and only the changed fields for updated; an update that changes nothing writes nothing', async () => {
    const alpha = org('alpha');
    const id = await committedClient(alpha, 'Diffed');
    const [created] = await sql(`select to_jsonb(c) - $2::text[] as row from clients c where id = $1`, [id, UNTRACKED]);
    await asApp(async (client) => {
      await begin(client, alpha);
      await client.query(`update clients set name = 'Diffed', updated_at = updated_at + interval '1 hour' where id = $1`, [id]);
      await client.query(`update clients set email = 'a@diffed.example', status = 'LEAD' where id = $1`, [id]);
      await client.query(`update clients set status = 'LEAD' where id = $1`, [id]);
      await client.query('commit');
    });
    const events = await eventsOf(alpha, [id]);
    expect(events.map((event) => event.action)).toEqual(['created', 'updated']);
    expect(Object.keys(created.row).sort()).toEqual(expect.arrayContaining(['name', 'status', 'email', 'custom_fields', 'deleted_at']));
    expect(events[0]!.changes).toEqual(Object.fromEntries(Object.entries(created.row).map(([key, value]) => [key, { from: null, to: value }])));
    expect(events[0]!.client_id).toBe(id);
    expect(events[1]!.changes).toEqual({ email: { from: null, to: 'a@diffed.example' }, status: { from: 'ACTIVE', to: 'LEAD' } });
  });
});

// ------------------------------------------------------------------------------------------
// 3. Immutability, enforced by PostgreSQL
// ------------------------------------------------------------------------------------------
describe('immutability of the audit trail', () => {
  it('refuses UPDATE, DELETE, TRUNCATE and INSERT on activity_events, and writes to entity_history, to the serving role', async () => {
    const alpha = org('alpha');
    const before = await eventCount();
    const statements: Array<[string, unknown[]]> = [
      [`update activity_events set actor = 'user:forged'`, []],
      [`update activity_events set changes = '{}'::jsonb where organization_id = $1`, [alpha]],
      ['delete from activity_events', []],
      ['truncate activity_events', []],
      [`insert into activity_events (organization_id, actor, entity_type, entity_id, action, changes) values ($1, 'user:forged', 'Client', ubos_uuid_v7(), 'created', '{}')`, [alpha]],
      [`update entity_history set actor = 'user:forged'`, []],
      ['delete from entity_history', []],
      [`insert into entity_history (organization_id, entity_type, entity_id, version, valid_from, actor, data) values ($1, 'Client', ubos_uuid_v7(), 1, now(), 'x', '{}')`, [alpha]],
      [`update audit_chain_heads set seq = 0`, []],
    ];
    for (const [sql, params] of statements) {
      expect(errorText(await refusedAsApp(alpha, sql, params)), sql).toMatch(/permission denied/);
    }
    expect(await eventCount()).toBe(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE to the owner, a superuser, through the append-only trigger', async () => {
    const alpha = org('alpha');
    const before = await eventCount();
    const [event] = await sql('select id from activity_events where organization_id = $1 order by seq desc limit 1', [alpha]);
    expect(errorText(await refusedAsSuperuser(`update activity_events set actor = 'user:forged' where id = $1`, [event.id]))).toMatch(/append-only: UPDATE refused/);
    expect(errorText(await refusedAsSuperuser('update activity_events set seq = seq'))).toMatch(/append-only: UPDATE refused/);
    expect(errorText(await refusedAsSuperuser('delete from activity_events where id = $1', [event.id]))).toMatch(/append-only: DELETE refused/);
    expect(errorText(await refusedAsSuperuser('truncate activity_events'))).toMatch(/append-only: TRUNCATE refused/);
    // A cascade reaches the table through its foreign key, and is refused all the same.
    expect(errorText(await refusedAsSuperuser('truncate organizations cascade'))).toMatch(/append-only: TRUNCATE refused/);
    expect(await eventCount()).toBe(before);
  });

  it('keeps the sealing and erasure exceptions narrow, even for the superuser who sets their flags', async () => {
    const alpha = org('alpha');
    const id = await committedClient(alpha, 'Exceptions');
    const [event] = await eventsOf(alpha, [id]);
    // Sealing may only fill in an unsealed event's seq and hashes: a sealed one stays as it is.
    const resealed = await refusedAsSuperuser(`update activity_events set hash = repeat('0', 64) where id = $1`, [event!.id], { 'ubos.sealing': 'on' });
    expect(errorText(resealed)).toMatch(/append-only: UPDATE refused/);
    // Erasure may only swap values for markers with the same digests, and touch nothing else.
    const otherActor = await refusedAsSuperuser(`update activity_events set actor = 'user:forged' where id = $1`, [event!.id], { 'ubos.erasing': 'on' });
    expect(errorText(otherActor)).toMatch(/append-only: UPDATE refused/);
    const otherValue = await refusedAsSuperuser(`update activity_events set changes = jsonb_set(changes, '{name,to}', '"Forged"') where id = $1`, [event!.id], { 'ubos.erasing': 'on' });
    expect(errorText(otherValue)).toMatch(/append-only: UPDATE refused/);
    const forgedMarker = await refusedAsSuperuser(
      `update activity_events set changes = jsonb_set(changes, '{name,to}', jsonb_build_object('ubos_redacted', true, 'digest', repeat('0', 64))) where id = $1`,
      [event!.id],
      { 'ubos.erasing': 'on' },
    );
    expect(errorText(forgedMarker)).toMatch(/append-only: UPDATE refused/);
    expect(await eventsOf(alpha, [id])).toEqual([event]);
  });

  it('lets erasure replace values by markers with the same digests, and the chain still verifies', async () => {
    const alpha = org('alpha');
    const id = await committedClient(alpha, 'Erase Me Personally');
    await asAdmin(async (client) => {
      await client.query('begin');
      await client.query(`select set_config('ubos.erasing', 'on', true)`);
      const result = await client.query(
        `update activity_events set changes = (select jsonb_object_agg(key, jsonb_build_object('from', ubos_redact(value -> 'from'), 'to', ubos_redact(value -> 'to'))) from jsonb_each(changes))
         where entity_id = $1`,
        [id],
      );
      expect(result.rowCount).toBe(1);
      await client.query('commit');
    });
    const [event] = await eventsOf(alpha, [id]);
    expect(JSON.stringify(event!.changes)).not.toContain('Erase Me Personally');
    expect(event!.changes.name!.to).toMatchObject({ ubos_redacted: true });
    expect(await verifyChain(alpha)).toMatchObject({ ok: true, first_broken_event_id: null });
  });
});

// ------------------------------------------------------------------------------------------
// 4. Tamper detection
// ------------------------------------------------------------------------------------------
describe('tamper detection with ubos_verify_audit_chain', () => {
  // Beta's chain is the one tampered with here; every test puts it back as it found it.
  it('verifies an untouched chain: ok, every event checked, the head is the last event, alike as admin and as the serving role', async () => {
    const beta = org('beta');
    await committedClient(beta, 'Untouched');
    const [counts] = await sql('select count(*)::int as count, max(seq)::int as max, min(seq)::int as min from activity_events where organization_id = $1', [beta]);
    const [head] = await sql('select seq::int as seq, hash from audit_chain_heads where organization_id = $1', [beta]);
    expect(counts.count).toBeGreaterThan(20);
    expect([counts.min, counts.max]).toEqual([1, counts.count]);
    const expected = { ok: true, events_checked: counts.count, first_broken_event_id: null, head_seq: head.seq, head_hash: head.hash };
    expect(head.seq).toBe(counts.count);
    expect(await verifyChain(beta)).toEqual(expected);
    expect(await asApp((client) => verifyChain(beta, client))).toEqual(expected);
  });

  const EDITS: Array<[string, string]> = [
    ['changes', `changes = jsonb_set(changes, '{name,to}', '"Forged"')`],
    ['actor', `actor = 'user:someone-else'`],
    ['occurred_at', `occurred_at = occurred_at - interval '1 day'`],
    ['request_id', `request_id = 'forged-request'`],
    ['action', `action = 'updated'`],
    ['entity_id', `entity_id = ubos_uuid_v7()`],
    ['client_id', 'client_id = null'],
  ];
  it.each(EDITS)('catches an edit of one event\'s %s made as superuser with triggers off, and names that event', async (_column, assignment) => {
    const beta = org('beta');
    const [target] = await sql(
      `select *, occurred_at::text as occurred_at_text from activity_events where organization_id = $1 and entity_type = 'Client' and action = 'created' and seq between 3 and (select max(seq) - 3 from activity_events where organization_id = $1) order by seq limit 1`,
      [beta],
    );
    expect(target).toBeDefined();
    const total = await eventCount(beta);
    await tamper(`update activity_events set ${assignment} where id = $1`, [target.id]);
    try {
      expect(await verifyChain(beta)).toMatchObject({ ok: false, first_broken_event_id: target.id, events_checked: Number(target.seq) - 1 });
    } finally {
      await tamper(
        'update activity_events set changes = $2, actor = $3, occurred_at = $4::timestamptz, request_id = $5, action = $6, entity_id = $7, client_id = $8 where id = $1',
        [target.id, target.changes, target.actor, target.occurred_at_text, target.request_id, target.action, target.entity_id, target.client_id],
      );
    }
    expect(await verifyChain(beta)).toMatchObject({ ok: true, events_checked: total });
  });

  it.each([
    ['the last event', 0],
    ['an event in the middle', 2],
  ])('catches %s having its hash removed, and names that event', async (_which, fromTheEnd) => {
    const beta = org('beta');
    const [target] = await sql(`select id, seq::int as seq, hash from activity_events where organization_id = $1 order by seq desc offset $2 limit 1`, [beta, fromTheEnd]);
    await tamper('update activity_events set hash = null where id = $1', [target.id]);
    try {
      expect(await verifyChain(beta)).toMatchObject({ ok: false, first_broken_event_id: target.id });
    } finally {
      await tamper('update activity_events set hash = $2 where id = $1', [target.id, target.hash]);
    }
    expect((await verifyChain(beta)).ok).toBe(true);
  });

  it('catches text moved from one hashed field into its neighbour (the user agent is the caller\'s to choose)', async () => {
    const beta = org('beta');
    const id = await committedClient(beta, 'Pipe in the user agent', { ip: '203.0.113.9', userAgent: 'agent|v1' });
    const [event] = await sql('select id, ip_address, user_agent from activity_events where entity_id = $1', [id]);
    expect(event).toMatchObject({ ip_address: '203.0.113.9', user_agent: 'agent|v1' });
    await tamper(`update activity_events set ip_address = '203.0.113.9|agent', user_agent = 'v1' where id = $1`, [event.id]);
    try {
      expect(await verifyChain(beta)).toMatchObject({ ok: false, first_broken_event_id: event.id });
    } finally {
      await tamper('update activity_events set ip_address = $2, user_agent = $3 where id = $1', [event.id, event.ip_address, event.user_agent]);
    }
    expect((await verifyChain(beta)).ok).toBe(true);
  });
});

// ------------------------------------------------------------------------------------------
// 5. Sealing under concurrency
// ------------------------------------------------------------------------------------------
describe('the hash chain under concurrent writers', () => {
  it('gives each tenant seq 1..N with no gap or duplicate across 20 concurrent transactions per tenant, a brand-new tenant included', async () => {
    const gamma = org('gamma');
    // A tenant with no event yet: its first transactions race to create the chain head.
    const [delta] = await sql(`insert into organizations (name, slug) values ('Tenant delta', 'delta') returning id`);
    const organizations = [gamma, delta.id as string];
    const before = new Map<string, number>();
    for (const organizationId of organizations) before.set(organizationId, await headSeq(organizationId));
    expect(before.get(delta.id)).toBe(0);

    const PER_TENANT = 20;
    const plan = organizations.flatMap((organizationId) =>
      Array.from({ length: PER_TENANT }, (_, index) => ({ organizationId, requestId: `concurrent-${organizationId.slice(-4)}-${index}`, inserts: 1 + (index % 3) })),
    );
    const connections = await Promise.all(plan.map(() => connectApp()));
    try {
      await Promise.all(
        plan.map(async (transaction, index) => {
          const client = connections[index]!;
          await begin(client, transaction.organizationId, { requestId: transaction.requestId });
          for (let n = 0; n < transaction.inserts; n++) {
            await insertClient(client, transaction.organizationId, `Concurrent ${index}.${n}`);
            await sleep(Math.random() * 10);
          }
          await client.query('commit');
        }),
      );
    } finally {
      await Promise.all(connections.map((client) => client.end()));
    }

    for (const organizationId of organizations) {
      const start = before.get(organizationId)!;
      const mine = plan.filter((transaction) => transaction.organizationId === organizationId);
      const expectedCount = mine.reduce((sum, transaction) => sum + transaction.inserts, 0);
      const events = await sql<EventRow>(`select ${EVENT_COLUMNS} from activity_events where organization_id = $1 and seq > $2 order by seq`, [organizationId, start]);
      expect(events.map((event) => event.seq)).toEqual(Array.from({ length: expectedCount }, (_, index) => start + index + 1));
      expect(events.every((event) => event.hash !== null)).toBe(true);
      // A transaction's events are sealed together, in the order it wrote them.
      for (const transaction of mine) {
        const own = events.filter((event) => event.request_id === transaction.requestId);
        expect(own).toHaveLength(transaction.inserts);
        const seqs = own.map((event) => event.seq!);
        expect(seqs).toEqual(Array.from({ length: own.length }, (_, index) => seqs[0]! + index));
        expect(own.map((event) => event.insert_order)).toEqual([...own.map((event) => event.insert_order)].sort((a, b) => a - b));
      }
      const [count] = await sql('select count(*)::int as count from activity_events where organization_id = $1', [organizationId]);
      expect(await verifyChain(organizationId)).toMatchObject({ ok: true, events_checked: count.count, head_seq: start + expectedCount });
      expect(await sql('select seq::int as seq, hash from audit_chain_heads where organization_id = $1', [organizationId])).toEqual([
        { seq: start + expectedCount, hash: events.at(-1)!.hash },
      ]);
    }
  });
});

// ------------------------------------------------------------------------------------------
// 6. Temporal history
// ------------------------------------------------------------------------------------------
interface HistoryRow {
  version: number;
  valid_from: string;
  valid_to: string | null;
  actor: string;
  data: Record<string, unknown>;
}

async function historyOf(entityId: string): Promise<HistoryRow[]> {
  return sql<HistoryRow>(
    `select version, ${utc('valid_from')} as valid_from, case when valid_to is null then null else ${utc('valid_to')} end as valid_to, actor, data
     from entity_history where entity_type = 'Client' and entity_id = $1 order by version`,
    [entityId],
  );
}

async function currentRow(entityId: string): Promise<{ row: Record<string, unknown>; version: number }> {
  const [row] = await sql('select to_jsonb(c) as row, c.version from clients c where id = $1', [entityId]);
  return row;
}

/** The version valid at an instant: [valid_from, valid_to). */
async function asOf(entityId: string, instant: string): Promise<Array<Record<string, unknown>>> {
  const rows = await sql(
    `select data from entity_history where entity_type = 'Client' and entity_id = $1
       and valid_from <= ($2 || 'Z')::timestamptz and (valid_to is null or valid_to > ($2 || 'Z')::timestamptz)`,
    [entityId, instant],
  );
  return rows.map((row) => row.data);
}

/** Checks the shape every history must have: versions 1..N, contiguous, the last one open and equal to the row. */
async function expectWellFormedHistory(entityId: string): Promise<HistoryRow[]> {
  const history = await historyOf(entityId);
  const current = await currentRow(entityId);
  expect(history.map((version) => version.version)).toEqual(Array.from({ length: history.length }, (_, index) => index + 1));
  for (let index = 0; index < history.length; index++) {
    const version = history[index]!;
    expect(version.data.version, `data.version of version ${version.version}`).toBe(version.version);
    if (index < history.length - 1) expect(version.valid_to, `valid_to of version ${version.version}`).toBe(history[index + 1]!.valid_from);
    else expect(version.valid_to).toBeNull();
    if (version.valid_to !== null) expect(version.valid_to >= version.valid_from).toBe(true);
  }
  expect(current.version).toBe(history.length);
  expect(history.at(-1)!.data).toEqual(current.row);
  return history;
}

type ClientContent = { name: string; status: string; email: string | null; notes: string | null };
const CONTENT_COLUMNS = ['name', 'status', 'email', 'notes'] as const;

const contentUpdate = fc.record(
  {
    name: fc.constantFrom('Nimbus', 'Orbit', 'Zenith'),
    status: fc.constantFrom('LEAD', 'ACTIVE', 'INACTIVE'),
    email: fc.constantFrom(null, 'a@nimbus.example', 'b@nimbus.example'),
    notes: fc.constantFrom(null, 'first note', 'second note'),
  },
  { requiredKeys: [] },
);
/** A transaction of one or two UPDATE statements (two give a version that lasts no time at all). */
const historyStep = fc.array(contentUpdate, { minLength: 1, maxLength: 2 });

describe('temporal history', () => {
  it('keeps versions 1..N with contiguous [valid_from, valid_to) at the moment of each change; as-of at every instant is the snapshot taken then', async () => {
    const alpha = org('alpha');
    await fc.assert(
      fc.asyncProperty(fc.array(historyStep, { minLength: 1, maxLength: 8 }), async (steps) => {
        const content: ClientContent = { name: 'Nimbus', status: 'ACTIVE', email: null, notes: null };
        const instants: Array<{ at: string; snapshot: Record<string, unknown> }> = [];
        // Each version starts at the moment of its change (the database clock during the
        // statement), so it is bracketed by the clock read just before and just after.
        const expectedVersions: Array<{ from: string; to: string; content: ClientContent }> = [];
        const clock = async () => (await client.query(`select ${utc('clock_timestamp()')} as at`)).rows[0].at as string;
        const client = await connectApp();
        let id = '';
        try {
          await begin(client, alpha, { actor: 'user:history' });
          const beforeInsert = await clock();
          id = await insertClient(client, alpha, content.name);
          expectedVersions.push({ from: beforeInsert, to: await clock(), content: { ...content } });
          await client.query('commit');
          instants.push({ at: await clock(), snapshot: (await currentRow(id)).row });
          for (const statements of steps) {
            await begin(client, alpha, { actor: 'user:history' });
            for (const update of statements) {
              const before = await clock();
              const columns = CONTENT_COLUMNS.filter((column) => column in update);
              const assignments = columns.map((column, index) => `${column} = $${index + 2}`).join(', ') || 'name = name';
              await client.query(`update clients set ${assignments} where id = $1`, [id, ...columns.map((column) => update[column])]);
              const after = await clock();
              const next = { ...content, ...update };
              if (CONTENT_COLUMNS.some((column) => next[column] !== content[column])) expectedVersions.push({ from: before, to: after, content: { ...next } });
              Object.assign(content, next);
            }
            await client.query('commit');
            instants.push({ at: await clock(), snapshot: (await currentRow(id)).row });
          }
        } finally {
          await client.end();
        }

        const history = await expectWellFormedHistory(id);
        expect(history).toHaveLength(expectedVersions.length);
        for (const [index, version] of history.entries()) {
          expect(version.valid_from >= expectedVersions[index]!.from && version.valid_from <= expectedVersions[index]!.to, `version ${index + 1} at ${version.valid_from}`).toBe(true);
        }
        for (const [index, version] of history.entries()) {
          expect(version.actor).toBe('user:history');
          expect(Object.fromEntries(CONTENT_COLUMNS.map((column) => [column, version.data[column]]))).toEqual(expectedVersions[index]!.content);
        }
        // As of each commit's instant, the history answers what the row was right after that commit.
        for (const instant of instants) expect(await asOf(id, instant.at)).toEqual([instant.snapshot]);
        // Before it existed, there is nothing.
        const [justBefore] = await sql(`select ${utc(`($1 || 'Z')::timestamptz - interval '1 microsecond'`)} as at`, [expectedVersions[0]!.from]);
        expect(await asOf(id, justBefore.at)).toEqual([]);
        // One event per version: created, then updated.
        const events = await eventsOf(alpha, [id]);
        expect(events.map((event) => event.action)).toEqual(history.map((_, index) => (index === 0 ? 'created' : 'updated')));
      }),
      { numRuns: 25 },
    );
  });

  it('lets the trigger own version: an explicit value on insert or update changes nothing, alone or along with a real change', async () => {
    const alpha = org('alpha');
    const id = await asApp(async (client) => {
      await begin(client, alpha);
      const { rows } = await client.query(`insert into clients (organization_id, name, version) values ($1, 'Versioned', 7) returning id, version`, [alpha]);
      expect(rows[0].version).toBe(1);
      await client.query('commit');
      return rows[0].id as string;
    });
    await asApp(async (client) => {
      await begin(client, alpha);
      await client.query(`update clients set notes = 'one' where id = $1`, [id]);
      await client.query('commit');
    });
    const n = (await currentRow(id)).version;
    expect(n).toBe(2);
    await asApp(async (client) => {
      await begin(client, alpha);
      const alone = await client.query('update clients set version = 999 where id = $1 returning version', [id]);
      expect(alone.rows[0].version).toBe(n);
      await client.query('commit');
    });
    expect((await currentRow(id)).version).toBe(n);
    expect(await eventsOf(alpha, [id])).toHaveLength(n);
    await asApp(async (client) => {
      await begin(client, alpha);
      const withChange = await client.query(`update clients set version = 999, name = 'Versioned again' where id = $1 returning version`, [id]);
      expect(withChange.rows[0].version).toBe(n + 1);
      await client.query('commit');
    });
    expect((await currentRow(id)).version).toBe(n + 1);
    const events = await eventsOf(alpha, [id]);
    expect(events).toHaveLength(n + 1);
    expect(events.at(-1)!.changes).toEqual({ name: { from: 'Versioned', to: 'Versioned again' } });
    await expectWellFormedHistory(id);
  });

  it('keeps the last version equal to the row when a write touches only updated_at (raw SQL, a bulk update)', async () => {
    const alpha = org('alpha');
    const id = await committedClient(alpha, 'Touched');
    await asApp(async (client) => {
      await begin(client, alpha);
      // No content changes, so no event and no version; the row must still match its last version.
      await client.query(`update clients set updated_at = now() + interval '1 second' where id = $1`, [id]);
      await client.query('commit');
    });
    expect(await eventsOf(alpha, [id])).toHaveLength(1);
    expect((await currentRow(id)).version).toBe(1);
    await expectWellFormedHistory(id);
  });

  it('keeps the history contiguous when a transaction that began earlier updates the row after a later one committed', async () => {
    const alpha = org('alpha');
    const id = await committedClient(alpha, 'Raced');
    const early = await connectApp();
    try {
      await begin(early, alpha, { actor: 'user:early' });
      await early.query('select 1 from clients where id = $1', [id]);
      await sleep(20);
      await asApp(async (late) => {
        await begin(late, alpha, { actor: 'user:late' });
        await late.query(`update clients set name = 'Late' where id = $1`, [id]);
        await late.query('commit');
      });
      await sleep(20);
      // Two users editing the same client: the one whose transaction began first writes last.
      const outcome = await early.query(`update clients set name = 'Early' where id = $1`, [id]).then(
        () => 'updated',
        (error: Error) => error.message,
      );
      expect(outcome).toBe('updated');
      await early.query('commit');
    } finally {
      await early.query('rollback').catch(() => undefined);
      await early.end();
    }
    const history = await expectWellFormedHistory(id);
    expect(history.map((version) => [version.version, version.data.name, version.actor])).toEqual([
      [1, 'Raced', 'user:audit-test'],
      [2, 'Late', 'user:late'],
      [3, 'Early', 'user:early'],
    ]);
  });
});

// ------------------------------------------------------------------------------------------
// 7. Outbox
// ------------------------------------------------------------------------------------------
describe('outbox', () => {
  const insertOutbox = `insert into outbox (organization_id, event_type, aggregate_type, aggregate_id, payload, actor, request_id)
                        values ($1, 'ClientCreated', 'Client', ubos_uuid_v7(), '{"name": "X"}', 'user:outbox', 'outbox-request') returning id`;

  it('exists with forced Row Level Security', async () => {
    const [table] = await sql(`select relrowsecurity, relforcerowsecurity from pg_class where relname = 'outbox' and relkind = 'r'`);
    expect(table).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
    const columns = (await sql(`select column_name from information_schema.columns where table_name = 'outbox'`)).map((row) => row.column_name);
    expect(columns).toEqual(expect.arrayContaining(['organization_id', 'id', 'event_type', 'aggregate_type', 'aggregate_id', 'payload', 'actor', 'request_id', 'occurred_at']));
  });

  it('shows the serving role no row without a tenant and only its own tenant\'s with one; it writes only for its own tenant', async () => {
    const alpha = org('alpha');
    const beta = org('beta');
    await sql(insertOutbox, [alpha]);
    await sql(insertOutbox, [beta]);
    await asApp(async (client) => {
      expect((await client.query('select count(*)::int as count from outbox')).rows[0].count).toBe(0);
      const noTenant = await client.query(insertOutbox, [alpha]).then(() => undefined, (error: Error) => error);
      expect(errorText(noTenant)).toMatch(/row-level security/);

      await begin(client, alpha);
      const own = await client.query(insertOutbox, [alpha]);
      expect(own.rows).toHaveLength(1);
      const visible = await client.query('select distinct organization_id from outbox');
      expect(visible.rows).toEqual([{ organization_id: alpha }]);
      await client.query('commit');

      await begin(client, alpha);
      const foreign = await client.query(insertOutbox, [beta]).then(() => undefined, (error: Error) => error);
      expect(errorText(foreign)).toMatch(/row-level security/);
      await client.query('rollback');
    });
    const [counts] = await sql('select count(*) filter (where organization_id = $1)::int as alpha, count(*) filter (where organization_id = $2)::int as beta from outbox', [alpha, beta]);
    expect(counts).toEqual({ alpha: 2, beta: 1 });
  });

  it('keeps no outbox row of a rolled-back transaction', async () => {
    const alpha = org('alpha');
    const [before] = await sql('select count(*)::int as count from outbox');
    await asApp(async (client) => {
      await begin(client, alpha);
      await client.query(insertOutbox, [alpha]);
      await client.query('rollback');
    });
    expect(await sql('select count(*)::int as count from outbox')).toEqual([before]);
  });
});
