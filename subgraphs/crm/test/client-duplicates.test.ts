import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sqlStatements } from '@ubos/kernel';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// clientDuplicates: likely duplicates by similar normalised names (pg_trgm), a shared email
// domain or phone, found through indexes. 10,000 clients with distinct names, domains and
// phones, and a few planted pairs (the newest); the plan of the SQL the graph really sends, explained as the
// serving role with the tenant set, must use the three indexes (no time is asserted).
let t: TestStack;
let owner: GraphQLClient;
let organizationId: string;

const PLANTED = [
  { name: 'Northwind Traders Inc.', email: 'sales@northwind-traders.test' },
  { name: 'The Northwind Traders', email: 'jo@gmail.com' },
  { name: 'Contoso', phone: '+44 20 7946 0018' },
  { name: 'Fabrikam Studio', phone: '020 7946 0018' },
  { name: 'Tailspin Toys', email: 'billing@wingtip.test' },
  { name: 'Wingtip', email: 'ops@wingtip.test' },
];

beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
  organizationId = t.tenants.alpha!.organizationId;
  await t.db.admin(
    `insert into clients (organization_id, name, status, email, phone)
     select '${organizationId}'::uuid, initcap(substr(md5(n::text), 1, 12)), 'ACTIVE',
            'info@' || substr(md5(n::text), 9, 10) || '.test', '+1 555 ' || lpad(n::text, 7, '0')
       from generate_series(1, 10000) n;
     analyze clients;`,
  );
  for (const client of PLANTED) {
    const result = await owner.request('mutation($input: CreateClientInput!) { createClient(input: $input) { id } }', { input: client });
    expect(result.errors).toBeUndefined();
  }
}, 300_000);
afterAll(() => t?.close());

// first: 3, the planted pairs: the walk stops there. With no duplicates it would probe all
// 10,000 clients, the worst case the README measures by hand.
const QUERY = '{ clientDuplicates(first: 3) { client { name } duplicate { name } score reasons } }';

describe('clientDuplicates', () => {
  it('suggests the planted pairs with their reasons, newest first, and not the free mail domain', async () => {
    const result = await owner.request(QUERY);
    expect(result.errors).toBeUndefined();
    expect(result.data.clientDuplicates.map((pair: any) => [pair.client.name, pair.duplicate.name, pair.reasons])).toEqual([
      ['Wingtip', 'Tailspin Toys', ['SAME_EMAIL_DOMAIN']],
      ['Fabrikam Studio', 'Contoso', ['SAME_PHONE']],
      ['The Northwind Traders', 'Northwind Traders Inc.', ['SIMILAR_NAME']],
    ]);
    expect(result.data.clientDuplicates[2].score).toBe(1);
    const member = await t.anonymous.login('member@alpha.test');
    expect((await member.request(QUERY)).data.clientDuplicates).toHaveLength(3);
    expect((await owner.request('{ clientDuplicates(first: 101) { score } }')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('uses the trigram, email domain and phone indexes on 10,000 clients, in 3 statements', async () => {
    const { queries } = await sqlStatements.capture(() => owner.request(QUERY));
    // The similarity threshold, the pairs, then both sides of every pair in one batch.
    expect(queries).toHaveLength(3);
    const statement = queries.find((query) => query.sql.includes('ubos_client_name_key'))!;
    const client = new pg.Client({ connectionString: t.db.appUrl });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('app.organization_id', $1, true)`, [organizationId]);
      await client.query(queries[0]!.sql);
      const { rows } = await client.query(`explain ${statement.sql}`, [...statement.bindings]);
      await client.query('rollback');
      const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
      for (const index of ['clients_name_key_trgm_idx', 'clients_email_domain_idx', 'clients_phone_key_idx']) expect(plan, plan).toContain(index);
      expect(plan).toContain('BitmapOr');
      // The outer walk goes newest first along the primary key and stops at the limit.
      expect(plan).toMatch(/Index Scan Backward using clients_pkey/);
      expect(plan).not.toMatch(/Incremental Sort/);
      expect(plan).not.toMatch(/Seq Scan on clients/);
    } finally {
      await client.end();
    }
  });
});
