import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStatements } from '@ubos/kernel';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// The main list of every subgraph, on a tenant with many rows beside a larger one: the SQL the graph really
// sends, explained as the serving role with the tenant set, reads the table through an index
// that starts with organization_id, and scans no tenant table sequentially.
let t: TestStack;
let owner: GraphQLClient;
beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
  await t.db.admin(BULK);
}, 120_000);
afterAll(() => t?.close());

/** Per subgraph: its main list, and the table that list reads. */
const LISTS: Record<string, { query: string; table: string }> = {
  identity: { query: '{ organization { members(first: 20) { totalCount edges { node { role } } } } }', table: 'memberships' },
  crm: { query: '{ clients(first: 20) { totalCount edges { node { id } } } }', table: 'clients' },
  agreements: { query: '{ proposals(first: 20) { totalCount edges { node { id } } } }', table: 'proposals' },
  engagements: { query: '{ engagements(first: 20) { totalCount edges { node { id } } } }', table: 'engagements' },
  projects: { query: '{ projects(first: 20) { totalCount edges { node { id } } } }', table: 'projects' },
  revenue: { query: '{ invoices(first: 20) { totalCount edges { node { id } } } }', table: 'invoices' },
  communication: { query: '{ threads(first: 20) { totalCount edges { node { id } } } }', table: 'threads' },
  files: { query: '{ files(first: 20) { totalCount edges { node { id } } } }', table: 'files' },
  workflow: { query: '{ workflowRuns(first: 20) { totalCount edges { node { id } } } }', table: 'workflow_runs' },
  timeline: { query: '{ activity(first: 20) { totalCount edges { node { id } } } }', table: 'activity_events' },
};

// A thousand rows for alpha in each listed table, and 24 times as many for beta, so that alpha
// is one tenant among others as in a real installation (at half of a table, reading it whole is
// rightly cheaper for a count). Alpha's and beta's rows are copied with new ids, with triggers
// off: the point is the planner's view, not the audit trail.
const COPIES = 1000;
const OTHERS = 24;
const copy = (table: string, overrides: Record<string, string>, where = '') => `
  do $$
  declare cols text; vals text; per_tenant int;
  begin
    select string_agg(quote_ident(column_name), ', ' order by ordinal_position),
           string_agg(coalesce(${overridesCase(overrides)}, 's.' || quote_ident(column_name)), ', ' order by ordinal_position)
      into cols, vals
      from information_schema.columns
     where table_schema = 'public' and table_name = '${table}' and is_generated = 'NEVER' and column_name <> 'insert_order';
    select greatest(1, count(*)) into per_tenant from ${table} s where s.organization_id = (select id from organizations where slug = 'alpha') ${where};
    execute format('insert into ${table} (%s) select %s from ${table} s
                      cross join lateral generate_series(1, %s * case when s.organization_id = (select id from organizations where slug = ''alpha'') then 1 else ${OTHERS} end) g
                     where s.organization_id in (select id from organizations where slug in (''alpha'', ''beta'')) ${where.replace(/'/g, "''")}',
                   cols, vals, ceil(${COPIES}.0 / per_tenant));
  end $$;`;
function overridesCase(overrides: Record<string, string>): string {
  const branches = Object.entries({ id: 'ubos_uuid_v7()', ...overrides }).map(([column, value]) => `when '${column}' then '${value.replace(/'/g, "''")}'`);
  return `case column_name ${branches.join(' ')} end`;
}
const BULK = `
  set session_replication_role = replica;
  insert into users (id, email, name, password_hash, created_at, updated_at)
    select md5('bulk-member-' || g)::uuid, 'bulk' || g || '@bulk.test', 'Bulk ' || g, u.password_hash, now(), now()
      from users u, generate_series(1, ${COPIES * OTHERS}) g where u.email = 'member@alpha.test';
  insert into memberships (organization_id, id, user_id, role, created_at, updated_at)
    select o.id, ubos_uuid_v7(), md5('bulk-member-' || g)::uuid, 'MEMBER', now(), now()
      from organizations o cross join lateral generate_series(1, case when o.slug = 'alpha' then ${COPIES} else ${COPIES * OTHERS} end) g where o.slug in ('alpha', 'beta');
  ${copy('clients', {})}
  ${copy('proposals', {})}
  ${copy('engagements', {})}
  ${copy('projects', {})}
  ${copy('invoices', { number: 's.number + g * 100000' })}
  ${copy('threads', { is_main: 'false' })}
  ${copy('files', {})}
  ${copy('workflow_runs', { event_id: 'ubos_uuid_v7()' })}
  ${copy('activity_events', { seq: 's.seq + g * 1000000' }, 'and s.seq is not null')}
  set session_replication_role = origin;
  analyze users; analyze memberships; analyze clients; analyze proposals; analyze engagements; analyze projects;
  analyze invoices; analyze threads; analyze files; analyze workflow_runs; analyze activity_events;`;

async function explain(statement: { sql: string; bindings: readonly unknown[] }): Promise<string> {
  const client = new pg.Client({ connectionString: t.db.appUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.organization_id', $1, true)`, [t.tenants.alpha!.organizationId]);
    const { rows } = await client.query(`explain ${statement.sql}`, [...statement.bindings]);
    await client.query('rollback');
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}

describe('the main list of every subgraph', () => {
  it('reads through an index that starts with organization_id, with no sequential scan of a tenant table', async () => {
    const [{ tables }] = (await t.db.admin<{ tables: string[] }>(
      "select array_agg(distinct table_name::text) as tables from information_schema.columns where table_schema = 'public' and column_name = 'organization_id'",
    )) as [{ tables: string[] }];
    const [{ rows: alphaRows }] = (await t.db.admin<{ rows: number }>("select count(*)::int as rows from clients where organization_id = (select id from organizations where slug = 'alpha')")) as [{ rows: number }];
    expect(alphaRows).toBeGreaterThan(COPIES);
    const failures: string[] = [];
    for (const [subgraph, { query, table }] of Object.entries(LISTS)) {
      const { result, queries } = await sqlStatements.capture(() => owner.request(query));
      expect(result.errors, subgraph).toBeUndefined();
      // The page and its count (one statement for a child page, two for a root list): every statement that reads the table.
      const statements = queries.filter((candidate) => new RegExp(`from "?${table}"?\\b`).test(candidate.sql));
      expect(statements.length, `${subgraph}: statements reading ${table} in ${JSON.stringify(queries.map((candidate) => candidate.sql))}`).toBeGreaterThanOrEqual(1);
      for (const statement of statements) {
        const plan = await explain(statement);
        const scanned = [...plan.matchAll(/Seq Scan on (\w+)/g)].map((match) => match[1]!).filter((name) => tables.includes(name));
        const indexes = [...plan.matchAll(/(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)/g)].map((match) => match[1]!);
        const definitions = await t.db.admin<{ definition: string; tablename: string }>('select indexdef as definition, tablename from pg_indexes where indexname = any($1)', [indexes]);
        const tenantIndex = definitions.some((index) => index.tablename === table && /\(organization_id[,)]/.test(index.definition));
        if (scanned.length > 0 || !tenantIndex) failures.push(`${subgraph} (${table}): ${scanned.length ? `sequential scan of ${scanned.join(', ')}` : 'no index on organization_id'}\n${statement.sql}\n${plan}`);
      }
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
  });
});
