import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sqlStatements } from '@ubos/kernel';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';
import { deliverSubgraphEvents } from '@ubos/test-support/events';

// clientDuplicates reads client_duplicate_candidates (migration 0060), which crm keeps from its
// own client events, off the write path. Alpha: 10,000 clients with distinct names, domains
// and phones, inserted by SQL and given their candidates by the tenant-wide refresh (as the
// seeds do), then a few planted pairs created through the graph, whose events this test
// delivers itself (deliverSubgraphEvents: what the worker does, done now). Beta: 1,000
// clients that all look alike, for the bound of K = 5 candidates per client. The plan of the
// SQL the graph really sends, explained as the serving role with the tenant set, must read the
// candidates by index and never scan clients (no time is asserted; the README has the figures).
let t: TestStack;
let owner: GraphQLClient;
let organizationId: string;
let betaId: string;

const K = 5;

const PLANTED = [
  { name: 'Northwind Traders Inc.', email: 'sales@northwind-traders.test' },
  { name: 'The Northwind Traders', email: 'jo@gmail.com' },
  { name: 'Contoso', phone: '+44 20 7946 0018' },
  { name: 'Fabrikam Studio', phone: '020 7946 0018' },
  { name: 'Tailspin Toys', email: 'billing@wingtip.test' },
  { name: 'Wingtip', email: 'ops@wingtip.test' },
];
const ids: Record<string, string> = {};

const QUERY = '{ clientDuplicates(first: 3) { client { name } duplicate { name } score reasons } }';
const pairsOf = async (as: GraphQLClient = owner, first = 100) => {
  const result = await as.request(`{ clientDuplicates(first: ${first}) { client { id name } duplicate { id name } score reasons } }`);
  expect(result.errors).toBeUndefined();
  return result.data.clientDuplicates as Array<{ client: { id: string; name: string }; duplicate: { id: string; name: string }; score: number; reasons: string[] }>;
};
const names = (pairs: Awaited<ReturnType<typeof pairsOf>>) => pairs.map((pair) => [pair.client.name, pair.duplicate.name]);

/** The plan of the statement that reads the candidates, as the serving role with the tenant set. */
async function explain(queries: Array<{ sql: string; bindings: readonly unknown[] }>, tenant: string): Promise<string> {
  const statement = queries.find((query) => query.sql.includes('client_duplicate_candidates'))!;
  const client = new pg.Client({ connectionString: t.db.appUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.organization_id', $1, true)`, [tenant]);
    const { rows } = await client.query(`explain ${statement.sql}`, [...statement.bindings]);
    await client.query('rollback');
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}

async function gql(query: string, variables?: Record<string, unknown>) {
  const result = await owner.request(query, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data;
}

beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
  organizationId = t.tenants.alpha!.organizationId;
  betaId = t.tenants.beta!.organizationId;
  await t.db.admin(
    `insert into clients (organization_id, name, status, email, phone)
     select '${organizationId}'::uuid, initcap(substr(md5(n::text), 1, 12)), 'ACTIVE',
            'info@' || substr(md5(n::text), 9, 10) || '.test', '+1 555 ' || lpad(n::text, 7, '0')
       from generate_series(1, 10000) n;
     analyze clients;
     select ubos_refresh_client_duplicates('${organizationId}'::uuid);
     analyze client_duplicate_candidates;`,
  );
  // Every earlier event handled (the seed's), so that each test delivers only its own.
  await deliverSubgraphEvents(t);
  for (const client of PLANTED) ids[client.name] = (await gql('mutation($input: CreateClientInput!) { createClient(input: $input) { id } }', { input: client })).createClient.id;
}, 300_000);
afterAll(() => t?.close());

describe('clientDuplicates', () => {
  it('suggests the planted pairs once crm has handled their events, the most likely first, and not the free mail domain', async () => {
    // Eventual: the pairs exist once the ClientCreated events are handled, not in the write's transaction.
    expect(names(await pairsOf())).toEqual([]);
    expect(await deliverSubgraphEvents(t, organizationId)).toBe(PLANTED.length);
    const result = await owner.request(QUERY);
    expect(result.errors).toBeUndefined();
    expect(result.data.clientDuplicates.map((pair: any) => [pair.client.name, pair.duplicate.name, pair.reasons])).toEqual([
      ['The Northwind Traders', 'Northwind Traders Inc.', ['SIMILAR_NAME']],
      ['Fabrikam Studio', 'Contoso', ['SAME_PHONE']],
      ['Wingtip', 'Tailspin Toys', ['SAME_EMAIL_DOMAIN']],
    ]);
    const scores = result.data.clientDuplicates.map((pair: any) => pair.score);
    expect(scores[0]).toBe(1);
    expect(scores[1]).toBeGreaterThanOrEqual(0.35);
    expect(scores[2]).toBeGreaterThanOrEqual(0.25);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // Both clients of a pair found each other: one row, held by both.
    expect(await pairsOf()).toHaveLength(3);
    const stored = await t.db.admin('select held_by_client, held_by_duplicate from client_duplicate_candidates where organization_id = $1', [organizationId]);
    expect(stored).toEqual(Array(3).fill({ held_by_client: true, held_by_duplicate: true }));
    const member = await t.anonymous.login('member@alpha.test');
    expect((await member.request(QUERY)).data.clientDuplicates).toHaveLength(3);
    expect((await owner.request('{ clientDuplicates(first: 0) { score } }')).data.clientDuplicates).toEqual([]);
    for (const first of [101, -1]) {
      expect((await owner.request(`{ clientDuplicates(first: ${first}) { score } }`)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
    // Another tenant's look-alikes are not alpha's, and alpha's pairs are not beta's.
    const beta = await t.as('beta');
    const betaPairs = await pairsOf(beta);
    expect(betaPairs.map((pair) => pair.client.id).filter((id) => Object.values(ids).includes(id))).toEqual([]);
  });

  it('reads the candidates on 10,000 clients in 2 statements, probing clients by primary key, never scanning them', async () => {
    const { queries } = await sqlStatements.capture(() => owner.request(QUERY));
    // The pairs, then both sides of every pair in one batch.
    expect(queries).toHaveLength(2);
    // Alpha holds 6 candidates: reading them whole is rightly cheaper than an index (the
    // look-alikes below check the index walk); the clients are probed, never scanned.
    const plan = await explain(queries, organizationId);
    expect(plan, plan).toMatch(/Index Scan using clients_pkey on clients/);
    expect(plan, plan).not.toMatch(/Seq Scan on clients/);
  });

  it('recomputes one client with one probe of each of the trigram, email domain and phone indexes', async () => {
    const client = new pg.Client({ connectionString: t.db.appUrl });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('app.organization_id', $1, true)`, [organizationId]);
      const { rows } = await client.query(
        `explain select * from clients a cross join lateral ubos_client_duplicate_matches(a.organization_id, a.id, ubos_client_name_key(a.name),
                  ubos_client_email_domain(a.email), ubos_client_phone_key(a.phone), ubos_client_duplicates_per_client()) m
          where a.organization_id = $1 and a.id = any($2::uuid[])`,
        [organizationId, [ids['Wingtip']]],
      );
      await client.query('rollback');
      const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
      for (const index of ['clients_pkey', 'clients_name_key_trgm_idx', 'clients_email_domain_idx', 'clients_phone_key_idx']) expect(plan, plan).toContain(index);
      expect(plan, plan).not.toMatch(/Seq Scan/);
    } finally {
      await client.end();
    }
  });

  it('follows changes: a renamed, deleted, restored or merged client changes its pairs once the event is handled', async () => {
    const wingtip = ids['Wingtip']!;
    const tailspin = ids['Tailspin Toys']!;
    // An update of other fields is no reason to recompute (the handler skips it).
    await gql('mutation($id: ID!) { updateClient(id: $id, input: { notes: "Met at a fair" }) { id } }', { id: wingtip });
    // A new address on another domain: the pair goes, once handled.
    await gql('mutation($id: ID!) { updateClient(id: $id, input: { email: "ops@wingtip-air.test" }) { id } }', { id: wingtip });
    expect(names(await pairsOf())).toContainEqual(['Wingtip', 'Tailspin Toys']);
    await deliverSubgraphEvents(t, organizationId);
    expect(names(await pairsOf())).not.toContainEqual(['Wingtip', 'Tailspin Toys']);
    // ...and comes back with a name like the other's.
    await gql('mutation($id: ID!) { updateClient(id: $id, input: { name: "Tailspin Toys Ltd" }) { id } }', { id: wingtip });
    await deliverSubgraphEvents(t, organizationId);
    expect((await pairsOf()).find((pair) => pair.client.id === wingtip)).toMatchObject({ duplicate: { id: tailspin }, score: 1, reasons: ['SIMILAR_NAME'] });

    // A deleted client is left out at once (the read filters it), and its rows go once handled.
    const contoso = ids['Contoso']!;
    await gql('mutation($id: ID!) { deleteClient(id: $id) { id } }', { id: contoso });
    expect(names(await pairsOf())).not.toContainEqual(['Fabrikam Studio', 'Contoso']);
    await deliverSubgraphEvents(t, organizationId);
    const [left] = await t.db.admin<{ count: number }>('select count(*)::int as count from client_duplicate_candidates where $1 in (client_id, duplicate_id)', [contoso]);
    expect(left!.count).toBe(0);
    await gql('mutation($id: ID!) { restoreClient(id: $id) { id } }', { id: contoso });
    await deliverSubgraphEvents(t, organizationId);
    expect(names(await pairsOf())).toContainEqual(['Fabrikam Studio', 'Contoso']);

    // Merged: the duplicate is no candidate any more (crm's handler of ClientsMerged).
    const older = ids['Northwind Traders Inc.']!;
    const newer = ids['The Northwind Traders']!;
    await gql('mutation($s: ID!, $d: ID!) { mergeClients(survivorId: $s, duplicateIds: [$d]) { id } }', { s: older, d: newer });
    expect(names(await pairsOf())).not.toContainEqual(['The Northwind Traders', 'Northwind Traders Inc.']);
    await deliverSubgraphEvents(t, organizationId);
    const [merged] = await t.db.admin<{ count: number }>('select count(*)::int as count from client_duplicate_candidates where $1 in (client_id, duplicate_id)', [newer]);
    expect(merged!.count).toBe(0);
    // Purged before its deletion was handled: its pairs go with it, and the late event finds nothing to do.
    const fabrikam = ids['Fabrikam Studio']!;
    await gql('mutation($id: ID!) { deleteClient(id: $id) { id } }', { id: fabrikam });
    expect((await gql('mutation($id: ID!) { purgeClient(id: $id) }', { id: fabrikam })).purgeClient).toBe(fabrikam);
    const [purged] = await t.db.admin<{ count: number }>('select count(*)::int as count from client_duplicate_candidates where $1 in (client_id, duplicate_id)', [fabrikam]);
    expect(purged!.count).toBe(0);
    await deliverSubgraphEvents(t, organizationId);
    // A second delivery of everything repeats nothing (each handler claimed its event).
    expect(await deliverSubgraphEvents(t, organizationId)).toBe(0);
  });

  it('keeps at most 5 candidates per client: 1,000 look-alike clients hold at most 5,000 rows, read as fast', async () => {
    await t.db.admin(
      `insert into clients (organization_id, name, status, email)
       select $1::uuid, 'Acme Studio ' || n, 'ACTIVE', 'team' || n || '@acme-studio.test' from generate_series(1, 1000) n`,
      [betaId],
    );
    await t.db.admin('analyze clients');
    await t.db.admin('select ubos_refresh_client_duplicates($1)', [betaId]);
    await t.db.admin('analyze client_duplicate_candidates');
    const clients = async () => (await t.db.admin<{ count: number }>('select count(*)::int as count from clients where organization_id = $1 and deleted_at is null', [betaId]))[0]!.count;
    // The pairs, and the most any client holds.
    const rows = async () => (await t.db.admin<{ rows: number; most: number }>(
      `select (select count(*) from client_duplicate_candidates where organization_id = $1)::int as rows,
              (select coalesce(max(n), 0) from (select holder, count(*) as n from (
                 select client_id as holder from client_duplicate_candidates where organization_id = $1 and held_by_client
                 union all select duplicate_id from client_duplicate_candidates where organization_id = $1 and held_by_duplicate) h group by holder) c)::int as most`,
      [betaId],
    ))[0]!;
    const before = await rows();
    expect(before.most).toBe(K);
    expect(before.rows).toBeLessThanOrEqual(K * (await clients()));
    // Most pairs are held by both of their clients (each is among the other's 5 best).
    expect(before.rows).toBeGreaterThan(1000);

    // One more look-alike, through the graph: its event refreshes it and whoever lost a pair; still bounded.
    const beta = await t.as('beta');
    expect((await beta.request('mutation { createClient(input: { name: "Acme Studio", email: "hello@acme-studio.test" }) { id } }')).errors).toBeUndefined();
    await deliverSubgraphEvents(t, betaId);
    const after = await rows();
    expect(after.most).toBe(K);
    expect(after.rows).toBeLessThanOrEqual(K * (await clients()));

    const pairs = await pairsOf(beta);
    expect(pairs).toHaveLength(100);
    expect(new Set(pairs.map((pair) => [pair.client.id, pair.duplicate.id].sort().join())).size).toBe(100);
    expect(pairs.every((pair) => pair.client.id > pair.duplicate.id)).toBe(true);
    const scores = pairs.map((pair) => pair.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const { queries } = await sqlStatements.capture(() => beta.request('{ clientDuplicates(first: 100) { client { id } duplicate { id } score } }'));
    expect(queries).toHaveLength(2);
    // Thousands of candidates: walked by their index, each client probed by primary key.
    const plan = await explain(queries, betaId);
    expect(plan, plan).toMatch(/Index Scan using client_duplicate_candidates_read_idx/);
    expect(plan, plan).not.toMatch(/Seq Scan/);
    expect(plan, plan).not.toMatch(/Sort/);
  });
});
