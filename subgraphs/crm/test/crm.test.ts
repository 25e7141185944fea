import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// The crm subgraph through the gateway: clients, their contacts and deals.
let t: TestStack;
let alpha: GraphQLClient;

beforeAll(async () => {
  t = await startTestStack();
  alpha = await t.as('alpha');
});
afterAll(() => t?.close());

describe('clients', () => {
  it('pages through clients with cursors and totalCount', async () => {
    const page1 = await alpha.request('{ clients(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }');
    expect(page1.data.clients.totalCount).toBe(4);
    expect(page1.data.clients.edges).toHaveLength(3);
    expect(page1.data.clients.pageInfo.hasNextPage).toBe(true);
    const page2 = await alpha.request('query($after: String) { clients(first: 3, after: $after) { pageInfo { hasNextPage hasPreviousPage } edges { node { name } } } }', { after: page1.data.clients.pageInfo.endCursor });
    expect(page2.data.clients.edges).toHaveLength(1);
    expect(page2.data.clients.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    const names = [...page1.data.clients.edges, ...page2.data.clients.edges].map((edge: any) => edge.node.name);
    expect(names).toEqual([...names].sort());
  });

  it('orders by name descending and filters by search and status', async () => {
    const created = await alpha.request('mutation { createClient(input: { name: "Zebra 100% Studios", status: LEAD }) { id } }');
    expect(created.errors).toBeUndefined();
    const desc = await alpha.request('{ clients(first: 1, orderBy: NAME_DESC) { edges { node { name } } } }');
    expect(desc.data.clients.edges[0].node.name).toBe('Zebra 100% Studios');
    const search = await alpha.request('{ clients(filter: { search: "100%" }) { totalCount } }');
    expect(search.data.clients.totalCount).toBe(1);
    const leads = await alpha.request('{ clients(filter: { status: [LEAD] }) { edges { node { status } } } }');
    expect(leads.data.clients.edges.every((edge: any) => edge.node.status === 'LEAD')).toBe(true);
  });

  it('creates and updates a client, validating the input', async () => {
    const created = await alpha.request('mutation { createClient(input: { name: "  Initech  ", email: "Hi@Initech.example", website: "https://initech.example" }) { id name status email website } }');
    expect(created.data.createClient).toMatchObject({ name: 'Initech', status: 'ACTIVE', email: 'hi@initech.example' });
    const id = created.data.createClient.id;
    const updated = await alpha.request('mutation($id: ID!) { updateClient(id: $id, input: { status: INACTIVE, website: null }) { name status website } }', { id });
    expect(updated.data.updateClient).toEqual({ name: 'Initech', status: 'INACTIVE', website: null });
    const read = await alpha.request('query($id: ID!) { client(id: $id) { status } }', { id });
    expect(read.data.client.status).toBe('INACTIVE');
  });

  it.each([
    ['an empty name', '{ name: "  " }', 'input.name'],
    ['a bad email', '{ name: "A", email: "not-an-email" }', 'input.email'],
    ['a bad website', '{ name: "A", website: "ftp://x" }', 'input.website'],
    ['a name too long', `{ name: "${'x'.repeat(201)}" }`, 'input.name'],
  ])('answers BAD_USER_INPUT with the field for %s, writing nothing', async (_case, input, field) => {
    const before = await alpha.request('{ clients { totalCount } }');
    const result = await alpha.request(`mutation { createClient(input: ${input}) { id } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.extensions?.requestId).toBeTypeOf('string');
    const after = await alpha.request('{ clients { totalCount } }');
    expect(after.data.clients.totalCount).toBe(before.data.clients.totalCount);
  });

  it('answers BAD_USER_INPUT for a malformed id, a bad cursor and an out-of-range page size', async () => {
    expect((await alpha.request('{ client(id: "42") { id } }')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect((await alpha.request('{ clients(after: "garbage") { totalCount } }')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect((await alpha.request('{ clients(first: 1000) { totalCount } }')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    // A well-formed cursor whose values are not what the list stores (a forged id) is refused too.
    const forged = Buffer.from(JSON.stringify(['Acme', 'not-a-uuid'])).toString('base64url');
    expect((await alpha.request('query($after: String) { clients(after: $after) { totalCount } }', { after: forged })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const forgedChild = Buffer.from(JSON.stringify(['not-a-uuid'])).toString('base64url');
    expect((await alpha.request('query($after: String) { clients(first: 1) { edges { node { projects(after: $after) { totalCount } } } } }', { after: forgedChild })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const nested = await alpha.request('{ clients(first: 1) { edges { node { projects(after: "garbage") { totalCount } } } } }');
    expect(nested.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('answers null for a missing client and NOT_FOUND for it in a mutation', async () => {
    const missing = '019b0000-0000-7000-8000-000000000000';
    expect((await alpha.request('query($id: ID!) { client(id: $id) { id } }', { id: missing })).data).toEqual({ client: null });
    const update = await alpha.request('mutation($id: ID!) { updateClient(id: $id, input: { name: "X" }) { id } }', { id: missing });
    expect(update.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });
});

describe('contacts and deals', () => {
  it('keeps one primary contact per client', async () => {
    const client = (await alpha.request('mutation { createClient(input: { name: "Hooli" }) { id } }')).data.createClient.id;
    const first = await alpha.request('mutation($c: ID!) { createContact(input: { clientId: $c, firstName: "Gavin", lastName: "Belson", isPrimary: true }) { id isPrimary fullName client { name } } }', { c: client });
    expect(first.data.createContact).toMatchObject({ isPrimary: true, fullName: 'Gavin Belson', client: { name: 'Hooli' } });
    await alpha.request('mutation($c: ID!) { createContact(input: { clientId: $c, firstName: "Jared", isPrimary: true }) { id } }', { c: client });
    const contacts = await alpha.request('query($c: ID!) { client(id: $c) { contacts { totalCount edges { node { firstName isPrimary } } } } }', { c: client });
    expect(contacts.data.client.contacts.totalCount).toBe(2);
    expect(contacts.data.client.contacts.edges.filter((edge: any) => edge.node.isPrimary).map((edge: any) => edge.node.firstName)).toEqual(['Jared']);
  });

  it('stores deal values as integer minor units with a currency, and rejects bad money', async () => {
    const client = (await alpha.request('{ clients(first: 1) { edges { node { id } } } }')).data.clients.edges[0].node.id;
    const big = 9_007_199_254_740_991;
    const deal = await alpha.request('mutation($c: ID!, $v: SafeInt!) { createDeal(input: { clientId: $c, title: "Retainer", value: { amountMinor: $v, currency: "EUR" }, stage: PROPOSAL }) { id stage value { amountMinor currency } } }', { c: client, v: big });
    expect(deal.data.createDeal).toMatchObject({ stage: 'PROPOSAL', value: { amountMinor: big, currency: 'EUR' } });
    const bad = await alpha.request('mutation($c: ID!) { createDeal(input: { clientId: $c, title: "X", value: { amountMinor: 100, currency: "euro" } }) { id } }', { c: client });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.value.currency' });
    const negative = await alpha.request('mutation($c: ID!) { createDeal(input: { clientId: $c, title: "X", value: { amountMinor: -1, currency: "USD" } }) { id } }', { c: client });
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.value.amountMinor' });
    const moved = await alpha.request('mutation($id: ID!) { updateDeal(id: $id, input: { stage: WON }) { stage value { amountMinor } } }', { id: deal.data.createDeal.id });
    expect(moved.data.updateDeal).toEqual({ stage: 'WON', value: { amountMinor: big } });
    const pipeline = await alpha.request('{ deals(filter: { stage: [WON] }) { edges { node { id } } } }');
    expect(pipeline.data.deals.edges.map((edge: any) => edge.node.id)).toContain(deal.data.createDeal.id);
  });
});
