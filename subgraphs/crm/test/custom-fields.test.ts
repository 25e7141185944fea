import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sqlStatements } from '@ubos/kernel';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// Custom fields (ARCHITECTURE 3.5): tenant-defined fields, validated on every write, audited
// and versioned with their entity, and filterable through indexes. The definitions are the crm
// subgraph's; the projects and revenue subgraphs test their own values against them.
let t: TestStack;
let owner: GraphQLClient;
let member: GraphQLClient;

beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
  member = await t.anonymous.login('member@alpha.test');
});
afterAll(() => t?.close());

function errorOf(result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) {
  return { code: result.errors?.[0]?.extensions?.code, field: result.errors?.[0]?.extensions?.field };
}

async function createClient(customFields: unknown): Promise<any> {
  return owner.request('mutation($cf: JSON) { createClient(input: { name: "Custom Co", customFields: $cf }) { id version customFields } }', { cf: customFields });
}

describe('definitions', () => {
  it('lists the seeded definitions per entity type, in position order', async () => {
    const result = await owner.request('{ customFieldDefinitions(entityType: CLIENT) { key label type required options position archived } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.customFieldDefinitions.map((field: any) => field.key)).toEqual(['tier', 'annual_revenue', 'renewal_date', 'nda_signed', 'services']);
    expect(result.data.customFieldDefinitions[0]).toMatchObject({ type: 'SELECT', options: ['Gold', 'Silver', 'Bronze'], archived: false });
    const all = await owner.request('{ customFieldDefinitions { entityType key } }');
    expect(new Set(all.data.customFieldDefinitions.map((field: any) => field.entityType))).toEqual(new Set(['CLIENT', 'CONTACT', 'DEAL', 'PROJECT', 'INVOICE']));
  });

  it('defines, updates and archives a field, and refuses bad definitions with the field at fault', async () => {
    const defined = await owner.request(
      'mutation { defineCustomField(input: { entityType: CLIENT, key: "account_manager", label: "Account manager", type: TEXT }) { id key type required position version } }',
    );
    expect(defined.errors).toBeUndefined();
    expect(defined.data.defineCustomField).toMatchObject({ key: 'account_manager', type: 'TEXT', required: false, version: 1 });
    const id = defined.data.defineCustomField.id;
    expect(errorOf(await owner.request('mutation { defineCustomField(input: { entityType: CLIENT, key: "account_manager", label: "Again", type: TEXT }) { id } }')).code).toBe('CONFLICT');
    expect(errorOf(await owner.request('mutation { defineCustomField(input: { entityType: CLIENT, key: "Bad Key", label: "X", type: TEXT }) { id } }'))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.key' });
    expect(errorOf(await owner.request('mutation { defineCustomField(input: { entityType: CLIENT, key: "size", label: "Size", type: SELECT }) { id } }'))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.options' });
    expect(errorOf(await owner.request('mutation { defineCustomField(input: { entityType: CLIENT, key: "size", label: "Size", type: TEXT, options: ["S"] }) { id } }'))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.options' });
    expect(errorOf(await owner.request('mutation { defineCustomField(input: { entityType: CLIENT, key: "size", label: "Size", type: SELECT, options: ["S", "S"] }) { id } }'))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.options.1' });
    expect(errorOf(await member.request('mutation { defineCustomField(input: { entityType: CLIENT, key: "size", label: "Size", type: TEXT }) { id } }')).code).toBe('FORBIDDEN');

    const updated = await owner.request('mutation($id: ID!) { updateCustomField(id: $id, input: { label: "Owner at the firm" }, expectedVersion: 1) { label version } }', { id });
    expect(updated.data.updateCustomField).toEqual({ label: 'Owner at the firm', version: 2 });
    expect(errorOf(await owner.request('mutation($id: ID!) { updateCustomField(id: $id, input: { label: "Stale" }, expectedVersion: 1) { label } }', { id })).code).toBe('CONFLICT');

    const client = await createClient({ account_manager: 'Ada' });
    expect(client.errors).toBeUndefined();
    // Another tenant's definitions do not apply: the key is unknown there.
    const beta = await t.as('beta');
    expect(errorOf(await beta.request('mutation { createClient(input: { name: "B", customFields: { account_manager: "Eve" } }) { id } }'))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.customFields.account_manager' });
    expect((await beta.request('{ customFieldDefinitions(includeArchived: true) { key } }')).data.customFieldDefinitions.map((field: any) => field.key)).not.toContain('account_manager');
    const archived = await owner.request('mutation($id: ID!) { archiveCustomField(id: $id) { archived archivedAt } }', { id });
    expect(archived.data.archiveCustomField.archived).toBe(true);
    // Archived: no new values, but stored ones stay, and lists skip it unless asked.
    expect(errorOf(await createClient({ account_manager: 'Max' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.customFields.account_manager' });
    const read = await owner.request('query($id: ID!) { client(id: $id) { customFields } }', { id: client.data.createClient.id });
    expect(read.data.client.customFields).toEqual({ account_manager: 'Ada' });
    const listed = await owner.request('{ active: customFieldDefinitions(entityType: CLIENT) { key } all: customFieldDefinitions(entityType: CLIENT, includeArchived: true) { key } }');
    expect(listed.data.active.map((field: any) => field.key)).not.toContain('account_manager');
    expect(listed.data.all.map((field: any) => field.key)).toContain('account_manager');
    const audit = await t.db.admin<{ action: string }>(`select action from activity_events where entity_type = 'CustomFieldDefinition' and entity_id = $1 order by seq`, [id]);
    expect(audit.map((row) => row.action)).toEqual(['created', 'updated', 'updated']);
  });
});

describe('values', () => {
  it('validates every type on write and names the key at fault', async () => {
    const good = await createClient({ tier: 'Gold', annual_revenue: 1250000.5, renewal_date: '2027-03-31', nda_signed: true, services: ['Engineering', 'Strategy', 'Strategy'] });
    expect(good.errors).toBeUndefined();
    // Multi-select values are kept in the definition's order, without repeats.
    expect(good.data.createClient.customFields).toEqual({ tier: 'Gold', annual_revenue: 1250000.5, renewal_date: '2027-03-31', nda_signed: true, services: ['Strategy', 'Engineering'] });
    const bad: Array<[unknown, string]> = [
      [{ tier: 'Platinum' }, 'input.customFields.tier'],
      [{ annual_revenue: '12' }, 'input.customFields.annual_revenue'],
      [{ renewal_date: '2027-02-30' }, 'input.customFields.renewal_date'],
      [{ nda_signed: 'yes' }, 'input.customFields.nda_signed'],
      [{ services: ['Catering'] }, 'input.customFields.services'],
      [{ unknown_key: 1 }, 'input.customFields.unknown_key'],
      [['not', 'an', 'object'], 'input.customFields'],
    ];
    for (const [customFields, field] of bad) expect(errorOf(await createClient(customFields)), JSON.stringify(customFields)).toEqual({ code: 'BAD_USER_INPUT', field });
    const [row] = await t.db.admin<{ count: string }>(`select count(*) from clients where name = 'Custom Co' and custom_fields ? 'tier' and custom_fields->>'tier' <> 'Gold'`);
    expect(Number(row!.count)).toBe(0);
  });

  it('serves the typed accessor with exactly the member of the field type', async () => {
    const id = (await createClient({ tier: 'Silver', annual_revenue: 42, renewal_date: '2027-01-15', nda_signed: false, services: ['Design'] })).data.createClient.id;
    const result = await owner.request(
      `query($id: ID!) { client(id: $id) {
        tier: customField(key: "tier") { key label type text number date boolean options }
        revenue: customField(key: "annual_revenue") { type text number }
        renewal: customField(key: "renewal_date") { type date }
        nda: customField(key: "nda_signed") { type boolean }
        services: customField(key: "services") { type options text }
        missing: customField(key: "nope") { key }
      } }`,
      { id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.client.tier).toEqual({ key: 'tier', label: 'Tier', type: 'SELECT', text: 'Silver', number: null, date: null, boolean: null, options: null });
    expect(result.data.client.revenue).toEqual({ type: 'NUMBER', text: null, number: 42 });
    expect(result.data.client.renewal).toEqual({ type: 'DATE', date: '2027-01-15' });
    expect(result.data.client.nda).toEqual({ type: 'BOOLEAN', boolean: false });
    expect(result.data.client.services).toEqual({ type: 'MULTI_SELECT', options: ['Design'], text: null });
    expect(result.data.client.missing).toBeNull();
  });

  it('patches values on update, audits and versions them, and enforces required fields', async () => {
    const id = (await createClient({ tier: 'Gold', nda_signed: true })).data.createClient.id;
    const patched = await owner.request('mutation($id: ID!) { updateClient(id: $id, input: { customFields: { tier: "Bronze", nda_signed: null } }) { version customFields } }', { id });
    expect(patched.data.updateClient).toEqual({ version: 2, customFields: { tier: 'Bronze' } });
    const same = await owner.request('mutation($id: ID!) { updateClient(id: $id, input: { customFields: { tier: "Bronze" } }) { version } }', { id });
    expect(same.data.updateClient.version).toBe(2);
    const [event] = await t.db.admin<{ changes: any }>(`select changes from activity_events where entity_id = $1 and action = 'updated'`, [id]);
    expect(event!.changes.custom_fields).toEqual({ from: { tier: 'Gold', nda_signed: true }, to: { tier: 'Bronze' } });
    const history = await owner.request('query($id: ID!) { client(id: $id) { history { edges { node { version snapshot { customFields } } } } } }', { id });
    expect(history.data.client.history.edges.map((edge: any) => edge.node.snapshot.customFields)).toEqual([{ tier: 'Gold', nda_signed: true }, { tier: 'Bronze' }]);

    const required = await owner.request('mutation { defineCustomField(input: { entityType: DEAL, key: "region", label: "Region", type: SELECT, options: ["EMEA", "AMER"], required: true }) { id } }');
    expect(required.errors).toBeUndefined();
    const missing = await owner.request('mutation($c: ID!) { createDeal(input: { clientId: $c, title: "D", value: { amountMinor: 100, currency: "USD" } }) { id } }', { c: id });
    expect(errorOf(missing)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.customFields.region' });
    const deal = await owner.request('mutation($c: ID!) { createDeal(input: { clientId: $c, title: "D", value: { amountMinor: 100, currency: "USD" }, customFields: { region: "EMEA" } }) { id customFields } }', { c: id });
    expect(deal.data.createDeal.customFields).toEqual({ region: 'EMEA' });
    const cleared = await owner.request('mutation($id: ID!) { updateDeal(id: $id, input: { customFields: { region: null } }) { id } }', { id: deal.data.createDeal.id });
    expect(errorOf(cleared)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.customFields.region' });
    // Older deals without a region can still change their other fields.
    const older = (await t.db.admin<{ id: string }>(`select id from deals where organization_id = $1 and not (custom_fields ? 'region') limit 1`, [t.tenants.alpha!.organizationId]))[0]!.id;
    expect((await owner.request('mutation($id: ID!) { updateDeal(id: $id, input: { title: "Renamed" }) { title } }', { id: older })).errors).toBeUndefined();
    await owner.request('mutation($id: ID!) { archiveCustomField(id: $id) { id } }', { id: required.data.defineCustomField.id });
  });
});

describe('filters', () => {
  async function ids(query: string, variables?: Record<string, unknown>): Promise<string[]> {
    const result = await owner.request(query, variables);
    expect(result.errors).toBeUndefined();
    return (Object.values(result.data)[0] as any).edges.map((edge: any) => edge.node.id).sort();
  }

  async function sqlIds(where: string, params: unknown[] = []): Promise<string[]> {
    const rows = await t.db.admin<{ id: string }>(`select id from clients where organization_id = $1 and deleted_at is null and ${where}`, [t.tenants.alpha!.organizationId, ...params]);
    return rows.map((row) => row.id).sort();
  }

  it('filters by equality, membership, multi-select options and ranges, matching the rows', async () => {
    const query = 'query($f: [CustomFieldFilter!]) { clients(first: 100, filter: { customFields: $f }) { edges { node { id } } } }';
    const gold = await ids(query, { f: [{ key: 'tier', equals: 'Gold' }] });
    expect(gold.length).toBeGreaterThan(0);
    expect(gold).toEqual(await sqlIds(`custom_fields->>'tier' = 'Gold'`));
    expect(await ids(query, { f: [{ key: 'tier', anyOf: ['Gold', 'Bronze'] }] })).toEqual(await sqlIds(`custom_fields->>'tier' in ('Gold', 'Bronze')`));
    expect(await ids(query, { f: [{ key: 'services', equals: 'Design' }] })).toEqual(await sqlIds(`custom_fields->'services' ? 'Design'`));
    expect(await ids(query, { f: [{ key: 'annual_revenue', gte: 1000000, lt: 3000000 }] })).toEqual(
      await sqlIds(`(custom_fields->>'annual_revenue')::numeric >= 1000000 and (custom_fields->>'annual_revenue')::numeric < 3000000`),
    );
    expect(await ids(query, { f: [{ key: 'renewal_date', gt: '2026-06-30' }, { key: 'nda_signed', equals: true }] })).toEqual(
      await sqlIds(`(custom_fields->>'renewal_date')::date > '2026-06-30' and custom_fields->'nda_signed' = 'true'`),
    );
    const projects = await owner.request('{ projects(first: 5, filter: { customFields: [{ key: "billing_code", equals: "PRJ-001-1" }] }) { totalCount edges { node { customFields } } } }');
    expect(projects.errors).toBeUndefined();
    expect(projects.data.projects.totalCount).toBe(1);
  });

  it('refuses filters that do not fit the field, naming the condition', async () => {
    const run = (filter: unknown) => owner.request('query($f: [CustomFieldFilter!]) { clients(filter: { customFields: $f }) { totalCount } }', { f: filter });
    expect(errorOf(await run([{ key: 'nope', equals: 1 }]))).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.customFields.0.key' });
    expect(errorOf(await run([{ key: 'tier', gt: 'Gold' }]))).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.customFields.0.gt' });
    expect(errorOf(await run([{ key: 'annual_revenue', lt: 'lots' }]))).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.customFields.0.lt' });
    expect(errorOf(await run([{ key: 'tier', anyOf: ['Gold', 'Nope'] }]))).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.customFields.0.anyOf.1' });
    const nested = await owner.request('{ clients(first: 1) { edges { node { projects(filter: { customFields: [{ key: "billing_code", equals: "x" }] }) { totalCount } } } } }');
    expect(errorOf(nested)).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.customFields' });
  });

  it('uses the GIN index for equality and the typed index for ranges on realistically sized data', async () => {
    const organizationId = t.tenants.alpha!.organizationId;
    // 20,000 more clients for the tenant, with values spread like real ones.
    await t.db.admin(
      `select set_config('app.organization_id', $1, false);
       insert into clients (organization_id, name, status, custom_fields)
       select $1::uuid, 'Bulk ' || n, 'ACTIVE', jsonb_build_object('tier', (array['Gold','Silver','Bronze'])[1 + n % 3],
              'annual_revenue', n * 10, 'renewal_date', to_char(date '2026-01-01' + (n % 700), 'YYYY-MM-DD'))
       from generate_series(1, 20000) n;
       analyze clients; analyze custom_field_values;`.replace('$1::uuid', `'${organizationId}'::uuid`).replace('$1', `'${organizationId}'`),
    );
    // The SQL the graph really sends, explained as the serving role with the tenant set.
    const capture = async (filter: string) => {
      // The count walks every match, so it is where a missing index would hurt; the page query
      // may rightly prefer walking the sort index when its LIMIT is reached early.
      const { queries } = await sqlStatements.capture(() => owner.request(`{ clients(first: 10, filter: { customFields: [${filter}] }) { totalCount } }`));
      const statement = queries.find((query) => query.sql.includes('custom_field') && query.sql.includes('count('));
      expect(statement, `${filter}: ${JSON.stringify(queries.map((query) => query.sql))}`).toBeTruthy();
      return statement!;
    };
    const explain = async (statement: { sql: string; bindings: readonly unknown[] }) => {
      const client = new pg.Client({ connectionString: t.db.appUrl });
      await client.connect();
      try {
        await client.query('begin');
        await client.query(`select set_config('app.organization_id', $1, true)`, [organizationId]);
        const { rows } = await client.query(`explain ${statement.sql}`, [...statement.bindings]);
        await client.query('rollback');
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      } finally {
        await client.end();
      }
    };
    // An exact amount is selective, like a customer number would be.
    expect(await explain(await capture('{ key: "annual_revenue", equals: 123450 }'))).toContain('clients_custom_fields_gin');
    expect(await explain(await capture('{ key: "annual_revenue", gte: 100, lt: 500 }'))).toContain('custom_field_values_number_idx');
    expect(await explain(await capture('{ key: "renewal_date", gte: "2026-02-01", lte: "2026-02-02" }'))).toContain('custom_field_values_date_idx');
  });
});
