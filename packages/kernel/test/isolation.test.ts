import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { seedDemo, withAdminClient, type SeededOrganization } from '@ubos/db';
import { p } from '@mikro-orm/core';
import { createOrm, defineMainEntity, RequestScope, sqlStatements, type EntityManager } from '@ubos/kernel';
import { createTestDatabase, TEST_APP_ROLE, type TestDatabase } from '@ubos/test-support/database';
import { TEST_ORGANIZATIONS } from '@ubos/test-support/stack';
import { ENTITY_TABLES, TENANT_TABLES } from '@ubos/test-support/tenant-tables';

// The kernel's isolation is tested on the clients table through an entity of the test's own:
// the kernel depends on no subgraph, not even in its tests.
const ClientSchema = defineMainEntity('Client', 'clients', { name: p.text() });

// Each isolation layer is tested on its own here, below the graph: the schema, the ORM
// filter, and Row Level Security.
let db: TestDatabase;
let tenants: Record<string, SeededOrganization>;
// audit_chain_heads is the sealing trigger's alone: the serving role cannot read it at all.
const READABLE_TENANT_TABLES = TENANT_TABLES.filter((table) => table !== 'audit_chain_heads');

beforeAll(async () => {
  db = await createTestDatabase(inject('ubosDatabase'));
  tenants = await seedDemo(db.adminUrl, TEST_ORGANIZATIONS);
});

async function asApp<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: db.appUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function count(client: pg.Client, table: string): Promise<number> {
  return Number((await client.query(`select count(*) from ${table}`)).rows[0].count);
}

describe('schema layer', () => {
  it('gives every tenant table organization_id NOT NULL and the primary key (organization_id, id)', async () => {
    const tables = await db.admin<{ table_name: string; is_nullable: string }>(
      `select table_name, is_nullable from information_schema.columns where table_schema = 'public' and column_name = 'organization_id'`,
    );
    expect(tables.map((row) => row.table_name).sort()).toEqual([...TENANT_TABLES].sort());
    expect(tables.every((row) => row.is_nullable === 'NO')).toBe(true);
    const keys = await db.admin<{ table: string; columns: string[] }>(
      `select c.conrelid::regclass::text as table, array(select a.attname from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i)::text[] as columns
       from pg_constraint c where c.contype = 'p' and c.conrelid::regclass::text = any($1)`,
      [TENANT_TABLES],
    );
    expect(keys).toHaveLength(TENANT_TABLES.length);
    for (const key of keys) {
      // Tables of rows with their own id key on (organization_id, id); the others lead with organization_id.
      if (ENTITY_TABLES.includes(key.table)) expect(key.columns, key.table).toEqual(['organization_id', 'id']);
      else expect(key.columns[0], key.table).toBe('organization_id');
    }
  });

  it('includes organization_id in every unique index and every foreign key between tenant tables', async () => {
    const unique = await db.admin<{ index: string; columns: string[] }>(
      `select i.indexrelid::regclass::text as index, array(select a.attname from pg_attribute a where a.attrelid = i.indrelid and a.attnum = any(i.indkey))::text[] as columns
       from pg_index i where i.indisunique and i.indrelid::regclass::text = any($1)`,
      [TENANT_TABLES],
    );
    expect(unique.length).toBeGreaterThan(TENANT_TABLES.length);
    for (const index of unique) expect(index.columns, index.index).toContain('organization_id');
    const foreign = await db.admin<{ name: string; target: string; columns: string[] }>(
      `select c.conname as name, c.confrelid::regclass::text as target, array(select a.attname from pg_attribute a where a.attrelid = c.conrelid and a.attnum = any(c.conkey))::text[] as columns
       from pg_constraint c where c.contype = 'f' and c.conrelid::regclass::text = any($1)`,
      [TENANT_TABLES],
    );
    const betweenTenantTables = foreign.filter((key) => TENANT_TABLES.includes(key.target));
    // The foundation alone has 6; every domain adds its own.
    expect(betweenTenantTables.length).toBeGreaterThan(6);
    for (const key of betweenTenantTables) expect(key.columns, key.name).toContain('organization_id');
  });

  it('rejects a row that points at another tenant\'s row, whatever the role', async () => {
    const betaClient = (await db.admin('select id from clients where organization_id = $1 limit 1', [tenants.beta!.organizationId]))[0].id;
    await expect(
      db.admin(`insert into projects (organization_id, id, client_id, name) values ($1, ubos_uuid_v7(), $2, 'Cross')`, [tenants.alpha!.organizationId, betaClient]),
    ).rejects.toThrow(/foreign key/);
  });
});

describe('row level security layer', () => {
  it('serves through a role that is not superuser, not BYPASSRLS and owns no table', async () => {
    const [role] = await db.admin('select rolsuper, rolbypassrls from pg_roles where rolname = $1', [TEST_APP_ROLE]);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await db.admin(`select tablename from pg_tables where schemaname = 'public' and tableowner = $1`, [TEST_APP_ROLE]);
    expect(owned).toEqual([]);
    const flags = await db.admin<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `select relname, relrowsecurity, relforcerowsecurity from pg_class where relname = any($1)`,
      [[...TENANT_TABLES, 'organizations', 'users']],
    );
    expect(flags).toHaveLength(TENANT_TABLES.length + 2);
    for (const flag of flags) expect([flag.relname, flag.relrowsecurity, flag.relforcerowsecurity]).toEqual([flag.relname, true, true]);
  });

  it('shows 0 rows of any tenant table with no tenant set, even with raw SQL', async () => {
    await asApp(async (client) => {
      for (const table of [...READABLE_TENANT_TABLES, 'organizations', 'users']) expect(await count(client, table), table).toBe(0);
      await expect(client.query('select * from audit_chain_heads')).rejects.toThrow(/permission denied/);
    });
  });

  it('shows only the current tenant\'s rows with raw SQL, and refuses to write another tenant\'s', async () => {
    const alpha = tenants.alpha!.organizationId;
    const beta = tenants.beta!.organizationId;
    await asApp(async (client) => {
      await client.query('begin');
      await client.query(`select set_config('app.organization_id', $1, true)`, [alpha]);
      for (const table of READABLE_TENANT_TABLES) {
        const [expected] = await db.admin(`select count(*) from ${table} where organization_id = $1`, [alpha]);
        expect(await count(client, table), table).toBe(Number(expected.count));
      }
      expect(Number((await client.query('select count(*) from clients where organization_id = $1', [beta])).rows[0].count)).toBe(0);
      const updated = await client.query(`update clients set name = 'Hijacked' where organization_id = $1`, [beta]);
      expect(updated.rowCount).toBe(0);
      await expect(client.query(`insert into clients (organization_id, id, name) values ($1, ubos_uuid_v7(), 'Planted')`, [beta])).rejects.toThrow(/row-level security/);
      await client.query('rollback');
    });
  });

  it('forgets the tenant when the transaction ends, so a pooled connection cannot leak it', async () => {
    await asApp(async (client) => {
      await client.query('begin');
      await client.query(`select set_config('app.organization_id', $1, true)`, [tenants.alpha!.organizationId]);
      expect(await count(client, 'clients')).toBeGreaterThan(0);
      await client.query('commit');
      // The setting now reads '' rather than NULL; the policy's NULLIF turns that into "no tenant".
      expect((await client.query(`select current_setting('app.organization_id', true) as value`)).rows[0].value).toBe('');
      expect(await count(client, 'clients')).toBe(0);
    });
  });

  it('reaches users across tenants only through the narrow login functions', async () => {
    await asApp(async (client) => {
      await expect(client.query('select password_hash from users')).rejects.toThrow(/permission denied/);
      const { rows } = await client.query('select user_id from auth_find_user_by_email($1)', ['OWNER@beta.test']);
      expect(rows).toHaveLength(1);
      await expect(client.query('delete from clients')).rejects.toThrow(/permission denied/);
    });
  });
});

describe('ORM layer', () => {
  let appOrm: MikroORM;
  let adminOrm: MikroORM;
  beforeAll(async () => {
    appOrm = await createOrm({ clientUrl: db.appUrl, entities: [ClientSchema], poolMax: 2, name: 'test' });
    // The admin is a superuser: Row Level Security does not apply to it, so only the filter stands.
    adminOrm = await createOrm({ clientUrl: db.adminUrl, entities: [ClientSchema], poolMax: 2, name: 'test-admin' });
  });
  afterAll(async () => {
    await appOrm?.close(true);
    await adminOrm?.close(true);
  });

  function scopeFor(orm: MikroORM, organizationId: string | null) {
    const em = orm.em.fork({ clear: true, useContext: false }) as EntityManager;
    return new RequestScope(em, { requestId: 'test', organizationId, actor: { kind: 'anonymous' } });
  }

  it('filters by tenant on its own, with Row Level Security out of the way', async () => {
    const scope = scopeFor(adminOrm, tenants.alpha!.organizationId);
    const clients = await scope.em.find(ClientSchema, {});
    expect(clients.length).toBe(TEST_ORGANIZATIONS[0]!.clients);
    expect(new Set(clients.map((client) => client.organizationId))).toEqual(new Set([tenants.alpha!.organizationId]));
    expect(await scope.em.find(ClientSchema, { organizationId: tenants.beta!.organizationId })).toEqual([]);
  });

  it('refuses to query a tenant entity when no tenant is set', async () => {
    const scope = scopeFor(adminOrm, null);
    await expect(scope.em.find(ClientSchema, {})).rejects.toThrow(/tenant/);
  });

  it('still sees only the own tenant through Row Level Security with the filter disabled', async () => {
    const scope = scopeFor(appOrm, tenants.alpha!.organizationId);
    await scope.run(async () => {
      const unfiltered = await scope.em.find(ClientSchema, {}, { filters: false });
      expect(unfiltered.length).toBe(TEST_ORGANIZATIONS[0]!.clients);
      expect(await scope.em.find(ClientSchema, { organizationId: tenants.beta!.organizationId }, { filters: false })).toEqual([]);
      const raw = await scope.em.execute('select count(*)::int as count from clients');
      expect(raw[0]!.count).toBe(TEST_ORGANIZATIONS[0]!.clients);
    });
    await scope.end();
    const noTenant = scopeFor(appOrm, null);
    await noTenant.run(async () => {
      expect(await noTenant.em.find(ClientSchema, {}, { filters: false })).toEqual([]);
    });
    await noTenant.end();
  });
});

describe('reads outside a transaction', () => {
  // One connection, so that every statement below lands on the same PostgreSQL session.
  let appOrm: MikroORM;
  let otherOrm: MikroORM;
  beforeAll(async () => {
    appOrm = await createOrm({ clientUrl: db.appUrl, entities: [ClientSchema], poolMax: 1, name: 'test-reads' });
    otherOrm = await createOrm({ clientUrl: db.appUrl, entities: [ClientSchema], poolMax: 1, name: 'test-reads-other' });
  });
  afterAll(async () => {
    await appOrm?.close(true);
    await otherOrm?.close(true);
  });

  const SESSION = `select coalesce(current_setting('app.organization_id', true), '') as org, current_setting('app.actor', true) as actor,
    current_setting('transaction_read_only') as read_only, pg_backend_pid() as pid`;
  type Session = { org: string; actor: string | null; read_only: string; pid: number };
  const outsideAnyFetch = async (orm: MikroORM) => (await orm.em.getConnection().execute<Session[]>(SESSION))[0]!;

  function scopeFor(organizationId: string) {
    const em = appOrm.em.fork({ clear: true, useContext: false }) as EntityManager;
    return new RequestScope(em, { requestId: 'reads', organizationId, actor: { kind: 'user', userId: '00000000-0000-7000-8000-000000000001' } as any });
  }

  it('sends each statement with the tenant and read-only in one message, and leaves nothing on the pooled connection', async () => {
    const alpha = tenants.alpha!.organizationId;
    const scope = scopeFor(alpha);
    const before = sqlStatements.snapshot();
    const inside = await scope.run(async () => (await scope.em.execute<Session[]>(SESSION))[0]!);
    const after = sqlStatements.snapshot();
    await scope.end();
    expect(inside).toMatchObject({ org: alpha, read_only: 'on' });
    expect(inside.actor).toMatch(/^user:/);
    // One statement and no transaction control: no BEGIN, no separate set_config, no ROLLBACK.
    expect(after.application - before.application).toBe(1);
    expect(after.transactionControl - before.transactionControl).toBe(0);
    const next = await outsideAnyFetch(appOrm);
    expect(next.pid).toBe(inside.pid);
    expect(next).toMatchObject({ org: '', read_only: 'off' });
  });

  it('refuses a write sent outside a transaction, and the connection carries on clean', async () => {
    const scope = scopeFor(tenants.alpha!.organizationId);
    await expect(scope.run(() => scope.em.execute("update clients set name = name || '!'"))).rejects.toThrow(/read-only transaction/);
    await scope.end();
    expect(await db.admin('select id from clients where name like $1', ['%!'])).toEqual([]);
    expect(await outsideAnyFetch(appOrm)).toMatchObject({ org: '', read_only: 'off' });
  });

  it('reads the tenant through raw SQL with bound parameters too (inside a transaction of its own)', async () => {
    const alpha = tenants.alpha!.organizationId;
    const scope = scopeFor(alpha);
    const before = sqlStatements.snapshot();
    const rows = await scope.run(async () => (await scope.em.getConnection().getKnex().raw('select count(*)::int as count, current_setting(?) as org from clients', ['app.organization_id'])).rows);
    const after = sqlStatements.snapshot();
    await scope.end();
    expect(rows).toEqual([{ count: TEST_ORGANIZATIONS[0]!.clients, org: alpha }]);
    expect(after.transactionControl - before.transactionControl).toBe(2);
    expect(await outsideAnyFetch(appOrm)).toMatchObject({ org: '', read_only: 'off' });
  });

  it('gives nothing to another pool\'s statements, nor to work the fetch leaves behind once it has ended', async () => {
    const scope = scopeFor(tenants.alpha!.organizationId);
    let later: Promise<Session> | undefined;
    const other = await scope.run(async () => {
      later = new Promise<Session>((resolve, reject) => setTimeout(() => scope.em.execute<Session[]>(SESSION).then((rows) => resolve(rows[0]!), reject), 50));
      return outsideAnyFetch(otherOrm);
    });
    await scope.end();
    expect(other).toMatchObject({ org: '', read_only: 'off' });
    expect(await later).toMatchObject({ org: '', read_only: 'off' });
  });

  it('writes in a mutation\'s transaction with the tenant set, then reads what it committed outside it', async () => {
    const alpha = tenants.alpha!.organizationId;
    const [target] = await db.admin<{ id: string; name: string }>('select id, name from clients where organization_id = $1 order by id limit 1', [alpha]);
    const scope = scopeFor(alpha);
    const { written, readBack } = await scope.run(async () => {
      const written = await scope.runInTransaction(async () => (await scope.em.execute<Session[]>(`update clients set name = name || ' (renamed)' where id = '${target!.id}' returning ${SESSION.slice('select'.length)}`))[0]!);
      const readBack = (await scope.em.execute<Array<{ name: string; read_only: string }>>(`select name, current_setting('transaction_read_only') as read_only from clients where id = '${target!.id}'`))[0]!;
      return { written, readBack };
    });
    await scope.end();
    expect(written).toMatchObject({ org: alpha, read_only: 'off' });
    expect(readBack).toEqual({ name: `${target!.name} (renamed)`, read_only: 'on' });
    await db.admin('update clients set name = $2 where id = $1', [target!.id, target!.name]);
  });
});

describe('links within a client', () => {
  it('refuses, in the database, a thread, a file, an engagement link or an invoice that ties one client to another client\'s row', async () => {
    const alpha = tenants.alpha!.organizationId;
    const [a, b] = await db.admin<{ id: string }>('select id from clients where organization_id = $1 order by id limit 2', [alpha]);
    const [projectOfB] = await db.admin<{ id: string }>('select id from projects where organization_id = $1 and client_id = $2 limit 1', [alpha, b!.id]);
    const [engagementOfB] = await db.admin<{ id: string }>('select id from engagements where organization_id = $1 and client_id = $2 limit 1', [alpha, b!.id]);
    const [engagementOfA] = await db.admin<{ id: string }>('select id from engagements where organization_id = $1 and client_id = $2 limit 1', [alpha, a!.id]);
    const attempts: Array<[string, string, unknown[]]> = [
      ['thread', `insert into threads (organization_id, client_id, project_id, subject, created_by) values ($1, $2, $3, 'Cross', 'system')`, [alpha, a!.id, projectOfB!.id]],
      ['file', `insert into files (organization_id, client_id, project_id, name, content_type, size, storage_key, created_by) values ($1, $2, $3, 'x.pdf', 'application/pdf', 1, 'k', 'system')`, [alpha, a!.id, projectOfB!.id]],
      ['engagement link', `insert into engagement_projects (organization_id, engagement_id, client_id, project_id) values ($1, $2, $3, $4)`, [alpha, engagementOfA!.id, a!.id, projectOfB!.id]],
      ['invoice', `insert into invoices (organization_id, number, client_id, engagement_id, currency) values ($1, 1, $2, $3, 'USD')`, [alpha, a!.id, engagementOfB!.id]],
    ];
    for (const [what, sql, params] of attempts) {
      await expect(
        withAdminClient(db.adminUrl, async (client) => {
          await client.query('begin');
          await client.query(`select set_config('app.organization_id', $1, true)`, [alpha]);
          try {
            await client.query(sql, params);
          } finally {
            await client.query('rollback');
          }
        }),
        what,
      ).rejects.toThrow(/foreign key/);
    }
  });
});
