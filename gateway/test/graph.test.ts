import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type GraphQLClient, type TestStack } from '../../test/support/stack.js';

let t: TestStack;
let alpha: GraphQLClient;

beforeAll(async () => {
  t = await startTestStack();
  alpha = await t.as('alpha');
});
afterAll(() => t?.close());

describe('authentication', () => {
  it('logs in with email and password and answers me', async () => {
    const login = await t.anonymous.request('mutation { login(email: "OWNER@alpha.test", password: "ubos-demo") { token role user { email } organization { name slug } organizations { name role } } }');
    expect(login.errors).toBeUndefined();
    expect(login.data.login).toMatchObject({ role: 'OWNER', user: { email: 'owner@alpha.test' }, organization: { name: 'Tenant alpha', slug: 'alpha' } });
    const me = await t.anonymous.withToken(login.data.login.token).request('{ me { email membership { role } } organization { slug members { totalCount } } }');
    expect(me.data).toEqual({ me: { email: 'owner@alpha.test', membership: { role: 'OWNER' } }, organization: { slug: 'alpha', members: { totalCount: 2 } } });
  });

  it('answers UNAUTHENTICATED for a wrong password and for an unknown email alike', async () => {
    const wrong = await t.anonymous.request('mutation { login(email: "owner@alpha.test", password: "nope") { token } }');
    const unknown = await t.anonymous.request('mutation { login(email: "nobody@alpha.test", password: "nope") { token } }');
    for (const result of [wrong, unknown]) {
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.errors?.[0]?.message).toBe('Invalid email or password');
      expect(result.data).toBeNull();
    }
  });

  it('refuses every operation but login without a token, and any operation with a bad token', async () => {
    const noToken = await t.anonymous.request('{ clients { totalCount } }');
    expect(noToken.status).toBe(401);
    expect(noToken.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const sneaky = await t.anonymous.request('mutation { login(email: "owner@alpha.test", password: "ubos-demo") { token } } ');
    expect(sneaky.errors).toBeUndefined();
    const mixed = await t.anonymous.request('mutation { login(email: "owner@alpha.test", password: "ubos-demo") { token } createClient(input: { name: "X" }) { id } }');
    expect(mixed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const badToken = await t.anonymous.withToken('not-a-jwt').request('{ me { id } }');
    expect(badToken.status).toBe(401);
    expect(badToken.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = alpha.token!.slice(0, -4) + (alpha.token!.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await t.anonymous.withToken(forged).request('{ me { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets a user of several organizations choose one at login; the token carries exactly that one', async () => {
    const both = t.tenants.alpha!;
    await t.db.admin('insert into memberships (organization_id, id, user_id, role) values ($1, ubos_uuid_v7(), $2, $3)', [t.tenants.beta!.organizationId, both.userIds['owner@alpha.test'], 'MEMBER']);
    const login = await t.anonymous.request('mutation($org: ID) { login(email: "owner@alpha.test", password: "ubos-demo", organizationId: $org) { role organization { slug } organizations { name } } }', { org: t.tenants.beta!.organizationId });
    expect(login.data.login).toMatchObject({ role: 'MEMBER', organization: { slug: 'beta' } });
    expect(login.data.login.organizations).toHaveLength(2);
    const notMine = await t.anonymous.request('mutation($org: ID) { login(email: "owner@alpha.test", password: "ubos-demo", organizationId: $org) { token } }', { org: t.tenants.gamma!.organizationId });
    expect(notMine.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

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

  it('answers GRAPHQL_VALIDATION_FAILED and GRAPHQL_PARSE_FAILED for documents the schema rejects, never a 500', async () => {
    const invalid = await alpha.request('{ clients { nope } }');
    expect(invalid.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const parse = await alpha.request('{ clients { ');
    expect(parse.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const wrongEnum = await alpha.request('mutation { createClient(input: { name: "A", status: NOPE }) { id } }');
    expect(wrongEnum.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const result of [invalid, parse, wrongEnum]) {
      expect(result.status).toBeLessThan(500);
      expect(JSON.stringify(result)).not.toMatch(/stacktrace|at .*\.ts:/);
    }
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

describe('projects across subgraphs', () => {
  it('creates a project for a client and resolves Project.client through the gateway', async () => {
    const client = (await alpha.request('mutation { createClient(input: { name: "Pied Piper" }) { id } }')).data.createClient.id;
    const project = await alpha.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Compression", startDate: "2026-02-01", dueDate: "2026-03-01" }) { id status client { id name } } }', { c: client });
    expect(project.errors).toBeUndefined();
    expect(project.data.createProject).toMatchObject({ status: 'PLANNED', client: { id: client, name: 'Pied Piper' } });
    const projectId = project.data.createProject.id;
    const milestone = await alpha.request('mutation($p: ID!) { createMilestone(input: { projectId: $p, name: "Beta", dueDate: "2026-02-15" }) { id completed } }', { p: projectId });
    const task = await alpha.request('mutation($p: ID!, $m: ID) { createTask(input: { projectId: $p, milestoneId: $m, title: "Middle-out" }) { id status milestone { name } project { name } } }', { p: projectId, m: milestone.data.createMilestone.id });
    expect(task.data.createTask).toMatchObject({ status: 'TODO', milestone: { name: 'Beta' }, project: { name: 'Compression' } });
    const done = await alpha.request('mutation($id: ID!) { updateTask(id: $id, input: { status: DONE }) { status } updateMilestone(id: "' + milestone.data.createMilestone.id + '", input: { completed: true }) { completed completedAt } }', { id: task.data.createTask.id });
    expect(done.data.updateTask.status).toBe('DONE');
    expect(done.data.updateMilestone.completed).toBe(true);
    const tree = await alpha.request('query($c: ID!) { client(id: $c) { name projects { totalCount edges { node { name tasks { totalCount } milestones { name } } } } } }', { c: client });
    expect(tree.data.client).toEqual({ name: 'Pied Piper', projects: { totalCount: 1, edges: [{ node: { name: 'Compression', tasks: { totalCount: 1 }, milestones: [{ name: 'Beta' }] } }] } });
  });

  it('checks dates and that a task milestone belongs to the same project', async () => {
    const client = (await alpha.request('{ clients(first: 1) { edges { node { id projects(first: 2) { edges { node { id milestones { id } } } } } } } }')).data.clients.edges[0].node;
    const dates = await alpha.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Backwards", startDate: "2026-03-01", dueDate: "2026-02-01" }) { id } }', { c: client.id });
    expect(dates.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueDate' });
    const badDate = await alpha.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "X", startDate: "2026-13-45" }) { id } }', { c: client.id });
    expect(badDate.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    const other = await alpha.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Other" }) { id } }', { c: client.id });
    const foreignMilestone = client.projects.edges[0].node.milestones[0].id;
    const task = await alpha.request('mutation($p: ID!, $m: ID) { createTask(input: { projectId: $p, milestoneId: $m, title: "X" }) { id } }', { p: other.data.createProject.id, m: foreignMilestone });
    expect(task.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.milestoneId' });
  });

  it('runs each root mutation field in its own transaction', async () => {
    const before = (await alpha.request('{ clients { totalCount } }')).data.clients.totalCount;
    const result = await alpha.request('mutation { a: createClient(input: { name: "Kept" }) { id } b: createClient(input: { name: "" }) { id } }');
    // b's error nulls the whole (non-null) mutation result, but a had already committed.
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect((await alpha.request('{ clients { totalCount } }')).data.clients.totalCount).toBe(before + 1);
    expect((await alpha.request('{ clients(filter: { search: "Kept" }) { totalCount } }')).data.clients.totalCount).toBe(1);
  });
});

describe('offline', () => {
  it('serves no CDN landing page at /graphql', async () => {
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/https?:\/\/(?!localhost)/);
  });
});

describe('caller mistakes are the caller\'s', () => {
  it('answers an unknown operation name as a request error, not an internal one', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${alpha.token}` },
      body: JSON.stringify({ query: 'query A { me { id } } query B { organization { id } }', operationName: 'C' }),
    });
    const body = (await response.json()) as any;
    expect(response.status).toBeLessThan(500);
    expect(body.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(body.errors[0].message).toMatch(/C/);
  });
});
