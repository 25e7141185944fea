import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStatements } from '@ubos/kernel';
import { GraphQLClient, startTestStack, TEST_ORGANIZATIONS, type TestStack } from '@ubos/test-support/stack';

// alpha: reading and mutating; beta: an edited event; gamma: a chain rewritten as a whole;
// delta: events outside the chain; big: enough clients to count statements at 10 and 50.
let t: TestStack;
let alpha: GraphQLClient;

const tenant = (slug: string, clients: number) => ({
  name: `Tenant ${slug}`,
  slug,
  clients,
  users: [
    { email: `owner@${slug}.test`, name: `Owner ${slug}`, role: 'OWNER' as const },
    { email: `admin@${slug}.test`, name: `Admin ${slug}`, role: 'ADMIN' as const },
    { email: `member@${slug}.test`, name: `Member ${slug}`, role: 'MEMBER' as const },
  ],
});

beforeAll(async () => {
  t = await startTestStack({ organizations: [...TEST_ORGANIZATIONS, tenant('delta', 2), tenant('big', 55)] });
  alpha = await t.as('alpha');
});
afterAll(() => t?.close());

const EVENT = 'id seq occurredAt actor entityType entityId clientId action changes ipAddress userAgent requestId';

/** A request through the gateway that also answers the request id the gateway gave it. */
async function requestWithId(client: GraphQLClient, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${client.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${client.token}`, 'user-agent': 'timeline-test/1.0' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return { data: body.data, requestId: response.headers.get('x-request-id')! };
}

async function dbNow(): Promise<Date> {
  const [row] = await t.db.admin<{ now: Date }>('select clock_timestamp() as now');
  await new Promise((resolve) => setTimeout(resolve, 20));
  return row!.now;
}

async function countOf(sql: string, params: unknown[]): Promise<number> {
  const [row] = await t.db.admin<{ count: string }>(sql, params);
  return Number(row!.count);
}

function ownerId(slug: string): string {
  return t.tenants[slug]!.userIds[`owner@${slug}.test`]!;
}

async function activity(client: GraphQLClient, args: string) {
  const result = await client.request(`{ activity(${args}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${EVENT} } } } }`);
  expect(result.errors).toBeUndefined();
  return result.data.activity as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: any }> };
}

describe('activity', () => {
  it('lists the organization\'s events newest first in commit order, and pages with cursors', async () => {
    const count = await countOf('select count(*) from activity_events where organization_id = $1', [t.tenants.alpha!.organizationId]);
    const first = await activity(alpha, 'first: 5');
    expect(first.totalCount).toBe(count);
    expect(first.edges).toHaveLength(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await activity(alpha, `first: 5, after: "${first.pageInfo.endCursor}"`);
    const seqs = [...first.edges, ...second.edges].map((edge) => edge.node.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(10);
    expect(seqs[0]).toBe(count);
    // The seed wrote everything as the system, in one transaction per tenant.
    expect(first.edges[0]!.node).toMatchObject({ actor: 'system', requestId: null });
  });

  it('records a mutation through the gateway as one UPDATED event: its changes, actor and request id', async () => {
    const client = (await alpha.request('{ clients(first: 1) { edges { node { id name } } } }')).data.clients.edges[0].node;
    const { requestId } = await requestWithId(alpha, 'mutation($id: ID!) { updateClient(id: $id, input: { name: "Renamed Ltd" }) { id } }', { id: client.id });
    expect(requestId).toBeTruthy();
    const events = await activity(alpha, `filter: { entityId: "${client.id}", action: UPDATED }`);
    expect(events.totalCount).toBe(1);
    expect(events.edges[0]!.node).toMatchObject({
      entityType: 'Client',
      entityId: client.id,
      clientId: client.id,
      action: 'UPDATED',
      actor: `user:${ownerId('alpha')}`,
      requestId,
      userAgent: 'timeline-test/1.0',
      changes: { name: { from: client.name, to: 'Renamed Ltd' } },
    });
    expect(events.edges[0]!.node.ipAddress).toMatch(/127\.0\.0\.1/);
    expect(Object.keys(events.edges[0]!.node.changes)).toEqual(['name']);
    // The newest event of the organization.
    expect((await activity(alpha, 'first: 1')).edges[0]!.node.id).toBe(events.edges[0]!.node.id);
  });

  it('filters by entity type, entity id, action, actor and time', async () => {
    const clientId = (await alpha.request('{ clients(first: 1) { edges { node { id } } } }')).data.clients.edges[0].node.id;
    const t0 = await dbNow();
    const contact = (await alpha.request('mutation($c: ID!) { createContact(input: { clientId: $c, firstName: "Fil", lastName: "Ter" }) { id } }', { c: clientId })).data.createContact;
    const t1 = await dbNow();
    const deal = (await alpha.request('mutation($c: ID!) { createDeal(input: { clientId: $c, title: "Filtered", value: { amountMinor: 100, currency: "EUR" } }) { id } }', { c: clientId })).data.createDeal;
    const t2 = await dbNow();

    const deals = await activity(alpha, 'first: 100, filter: { entityType: "Deal" }');
    const dealEvents = await countOf("select count(*) from activity_events where organization_id = $1 and entity_type = 'Deal'", [t.tenants.alpha!.organizationId]);
    expect(deals.totalCount).toBe(dealEvents);
    expect(new Set(deals.edges.map((edge) => edge.node.entityType))).toEqual(new Set(['Deal']));

    const ofContact = await activity(alpha, `filter: { entityId: "${contact.id}" }`);
    expect(ofContact.edges.map((edge) => [edge.node.entityType, edge.node.action])).toEqual([['Contact', 'CREATED']]);
    expect(ofContact.edges[0]!.node.changes.first_name).toEqual({ from: null, to: 'Fil' });

    const created = await activity(alpha, 'first: 100, filter: { action: CREATED }');
    expect(created.edges.every((edge) => edge.node.action === 'CREATED')).toBe(true);

    const byOwner = await activity(alpha, `first: 100, filter: { actor: "user:${ownerId('alpha')}" }`);
    expect(byOwner.edges.map((edge) => edge.node.entityId)).toEqual(expect.arrayContaining([contact.id, deal.id]));
    expect(byOwner.edges.every((edge) => edge.node.actor === `user:${ownerId('alpha')}`)).toBe(true);
    expect((await activity(alpha, 'filter: { actor: "system", entityId: "' + deal.id + '" }')).totalCount).toBe(0);

    const window = await activity(alpha, `filter: { from: "${t0.toISOString()}", to: "${t1.toISOString()}" }`);
    expect(window.edges.map((edge) => edge.node.entityId)).toEqual([contact.id]);
    const later = await activity(alpha, `filter: { from: "${t1.toISOString()}", to: "${t2.toISOString()}" }`);
    expect(later.edges.map((edge) => edge.node.entityId)).toEqual([deal.id]);
    const since = await activity(alpha, `filter: { from: "${t0.toISOString()}", entityType: "Deal" }`);
    expect(since.edges.map((edge) => edge.node.entityId)).toEqual([deal.id]);

    const reversed = await alpha.request(`{ activity(filter: { from: "${t1.toISOString()}", to: "${t0.toISOString()}" }) { totalCount } }`);
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
    const badId = await alpha.request('{ activity(filter: { entityId: "nope" }) { totalCount } }');
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.entityId' });
    const forged = Buffer.from(JSON.stringify([1, 'not-a-uuid'])).toString('base64url');
    const badCursor = await alpha.request(`{ activity(after: "${forged}") { totalCount } }`);
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('Client.timeline', () => {
  it('merges the client\'s own events with those of its contacts, deals, projects, milestones and tasks, newest first', async () => {
    const client = (await alpha.request('mutation { createClient(input: { name: "Timeline Co" }) { id } }')).data.createClient;
    const steps: Array<[string, Record<string, unknown>]> = [
      ['mutation($c: ID!) { createContact(input: { clientId: $c, firstName: "Tina" }) { id } }', { c: client.id }],
      ['mutation($c: ID!) { createDeal(input: { clientId: $c, title: "First", value: { amountMinor: 500, currency: "USD" } }) { id } }', { c: client.id }],
    ];
    for (const [query, variables] of steps) expect((await alpha.request(query, variables)).errors).toBeUndefined();
    const project = (await alpha.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Launch" }) { id } }', { c: client.id })).data.createProject;
    expect((await alpha.request('mutation($p: ID!) { createMilestone(input: { projectId: $p, name: "Go live" }) { id } }', { p: project.id })).errors).toBeUndefined();
    expect((await alpha.request('mutation($p: ID!) { createTask(input: { projectId: $p, title: "Ship" }) { id } }', { p: project.id })).errors).toBeUndefined();
    expect((await alpha.request('mutation($c: ID!) { updateClient(id: $c, input: { status: INACTIVE }) { id } }', { c: client.id })).errors).toBeUndefined();

    const expected = [
      ['Client', 'UPDATED'],
      ['Task', 'CREATED'],
      ['Milestone', 'CREATED'],
      ['Project', 'CREATED'],
      ['Deal', 'CREATED'],
      ['Contact', 'CREATED'],
      ['Client', 'CREATED'],
    ];
    const full = await alpha.request('query($id: ID!) { client(id: $id) { timeline { totalCount edges { node { seq entityType action clientId } } } } }', { id: client.id });
    expect(full.errors).toBeUndefined();
    const timeline = full.data.client.timeline;
    expect(timeline.totalCount).toBe(expected.length);
    expect(timeline.edges.map((edge: any) => [edge.node.entityType, edge.node.action])).toEqual(expected);
    expect(timeline.edges.every((edge: any) => edge.node.clientId === client.id)).toBe(true);
    const seqs = timeline.edges.map((edge: any) => edge.node.seq);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => b - a));

    const page = (after?: string) =>
      alpha.request('query($id: ID!, $after: String) { client(id: $id) { timeline(first: 4, after: $after) { pageInfo { hasNextPage endCursor } edges { node { entityType action } } } } }', { id: client.id, after });
    const one = (await page()).data.client.timeline;
    const two = (await page(one.pageInfo.endCursor)).data.client.timeline;
    expect([one.pageInfo.hasNextPage, two.pageInfo.hasNextPage]).toEqual([true, false]);
    expect([...one.edges, ...two.edges].map((edge: any) => [edge.node.entityType, edge.node.action])).toEqual(expected);
  });

  it('gathers the seeded history of every client of a list, each with its own events only', async () => {
    const result = await alpha.request('{ clients(first: 4) { edges { node { id timeline(first: 100) { totalCount edges { node { entityType clientId } } } } } } }');
    expect(result.errors).toBeUndefined();
    for (const { node } of result.data.clients.edges) {
      const count = await countOf('select count(*) from activity_events where organization_id = $1 and client_id = $2', [t.tenants.alpha!.organizationId, node.id]);
      expect(node.timeline.totalCount).toBe(count);
      expect(node.timeline.edges.every((edge: any) => edge.node.clientId === node.id)).toBe(true);
      const types = new Set(node.timeline.edges.map((edge: any) => edge.node.entityType));
      for (const type of ['Client', 'Contact', 'Deal', 'Project', 'Milestone', 'Task']) expect(types.has(type), type).toBe(true);
    }
  });

  it('costs the same statements for 10 and for 50 clients: one for the clients, one for all their timelines', async () => {
    const big = await t.as('big');
    const query = (first: number) => `{ clients(first: ${first}) { edges { node { id timeline(first: 5) { edges { node { id action entityType } } } } } } }`;
    const ten = await sqlStatements.capture(() => big.request(query(10)));
    const fifty = await sqlStatements.capture(() => big.request(query(50)));
    expect(ten.result.errors).toBeUndefined();
    expect(fifty.result.errors).toBeUndefined();
    expect(fifty.result.data.clients.edges).toHaveLength(50);
    expect(fifty.result.data.clients.edges.every((edge: any) => edge.node.timeline.edges.length === 5)).toBe(true);
    expect(fifty.statements).toHaveLength(ten.statements.length);
    expect(fifty.statements.filter((sql) => /activity_events/.test(sql))).toHaveLength(1);
    expect(fifty.statements).toHaveLength(2);
    // A totalCount is counted in the same statement as the pages, for all the clients at once.
    const counted = await sqlStatements.capture(() => big.request('{ clients(first: 50) { edges { node { timeline(first: 5) { totalCount } } } } }'));
    expect(counted.statements).toHaveLength(2);
    expect(counted.result.data.clients.edges.every((edge: any) => edge.node.timeline.totalCount >= 5)).toBe(true);
  });
});

describe('the audit chain', () => {
  const verify = (client: GraphQLClient, slug: string, checkpoint?: Record<string, unknown>) =>
    client.request('query($org: ID!, $cp: AuditCheckpointInput) { verifyAuditChain(organizationId: $org, checkpoint: $cp) { ok eventsChecked firstBrokenEventId checkpointMatches } }', {
      org: t.tenants[slug]!.organizationId,
      cp: checkpoint,
    });
  const exportCheckpoint = (client: GraphQLClient) => client.request('{ exportAuditCheckpoint { organizationId seq hash issuedAt signature } }');

  it('is for owners and admins only', async () => {
    const member = await t.anonymous.login('member@alpha.test');
    for (const result of [await verify(member, 'alpha'), await exportCheckpoint(member)]) {
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.data).toBeNull();
    }
    // Members read the trail itself.
    expect((await member.request('{ activity(first: 1) { totalCount } }')).errors).toBeUndefined();
    const admin = await t.anonymous.login('admin@delta.test');
    expect((await verify(admin, 'delta')).data.verifyAuditChain.ok).toBe(true);
  });

  it('answers NOT_FOUND on organizationId for another tenant', async () => {
    const result = await verify(alpha, 'beta');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });
  });

  it('verifies a clean chain, and a checkpoint of it', async () => {
    const count = await countOf('select count(*) from activity_events where organization_id = $1', [t.tenants.alpha!.organizationId]);
    const clean = await verify(alpha, 'alpha');
    expect(clean.data.verifyAuditChain).toEqual({ ok: true, eventsChecked: count, firstBrokenEventId: null, checkpointMatches: null });

    const exported = await exportCheckpoint(alpha);
    expect(exported.errors).toBeUndefined();
    const checkpoint = exported.data.exportAuditCheckpoint;
    expect(checkpoint).toMatchObject({ organizationId: t.tenants.alpha!.organizationId, seq: count });
    const [head] = await t.db.admin<{ hash: string }>('select hash from activity_events where organization_id = $1 and seq = $2', [t.tenants.alpha!.organizationId, checkpoint.seq]);
    expect(checkpoint.hash).toBe(head!.hash);
    expect(checkpoint.signature.split('.')).toHaveLength(3);
    expect(JSON.parse(Buffer.from(checkpoint.signature.split('.')[0], 'base64url').toString())).toMatchObject({ alg: 'EdDSA' });

    // Later events do not invalidate an earlier checkpoint.
    expect((await alpha.request('mutation { createClient(input: { name: "After the checkpoint" }) { id } }')).errors).toBeUndefined();
    expect((await verify(alpha, 'alpha', checkpoint)).data.verifyAuditChain).toMatchObject({ ok: true, checkpointMatches: true });
    expect((await verify(alpha, 'alpha', { signature: checkpoint.signature })).data.verifyAuditChain).toMatchObject({ ok: true, checkpointMatches: true });
  });

  it('refuses a checkpoint that is forged, altered, of another tenant, or not a checkpoint at all', async () => {
    const checkpoint = (await exportCheckpoint(alpha)).data.exportAuditCheckpoint;
    const [header, payload] = checkpoint.signature.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, seq: claims.seq - 1 })).toString('base64url');
    const betaCheckpoint = (await exportCheckpoint(await t.as('gamma'))).data.exportAuditCheckpoint;
    const cases: Array<Record<string, unknown>> = [
      { ...checkpoint, seq: checkpoint.seq - 1 },
      { ...checkpoint, hash: 'f'.repeat(64) },
      { ...checkpoint, issuedAt: new Date(Date.parse(checkpoint.issuedAt) + 1000).toISOString() },
      { signature: `${header}.${forgedPayload}.${checkpoint.signature.split('.')[2]}` },
      { signature: 'not a jws' },
      { signature: betaCheckpoint.signature },
      // A user token is signed with the same key, but it is not a checkpoint.
      { signature: alpha.token },
    ];
    for (const candidate of cases) {
      const result = await verify(alpha, 'alpha', candidate);
      expect(result.errors).toBeUndefined();
      expect(result.data.verifyAuditChain, JSON.stringify(candidate)).toMatchObject({ ok: false, checkpointMatches: false, firstBrokenEventId: null });
    }
    // Nor is a checkpoint a user token.
    const asToken = await alpha.withToken(checkpoint.signature).request('{ activity { totalCount } }');
    expect(asToken.status).toBe(401);
  });

  it('catches an event edited by a superuser with the triggers off, and then signs no checkpoint', async () => {
    const beta = await t.as('beta');
    const [victim] = await t.db.admin<{ id: string; seq: string }>(
      "select id, seq from activity_events where organization_id = $1 and entity_type = 'Client' order by seq limit 1 offset 1",
      [t.tenants.beta!.organizationId],
    );
    await t.db.admin(`set session_replication_role = replica; update activity_events set changes = '{"name": {"from": null, "to": "Forged"}}' where id = '${victim!.id}'; reset session_replication_role`);
    const result = await verify(beta, 'beta');
    expect(result.data.verifyAuditChain).toEqual({ ok: false, eventsChecked: Number(victim!.seq) - 1, firstBrokenEventId: victim!.id, checkpointMatches: null });
    const refused = await exportCheckpoint(beta);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('catches events outside the chain: a head whose hash was cleared, and an event inserted with the triggers off', async () => {
    const delta = await t.as('delta');
    const organizationId = t.tenants.delta!.organizationId;
    expect((await verify(delta, 'delta')).data.verifyAuditChain.ok).toBe(true);
    const [head] = await t.db.admin<{ id: string; hash: string }>('select id, hash from activity_events where organization_id = $1 order by seq desc limit 1', [organizationId]);
    // A NULL hash compares as unknown, so the link-by-link check alone lets it pass.
    await t.db.admin(`set session_replication_role = replica; update activity_events set hash = null where id = '${head!.id}'; reset session_replication_role`);
    expect((await verify(delta, 'delta')).data.verifyAuditChain).toMatchObject({ ok: false, firstBrokenEventId: head!.id });
    await t.db.admin(`set session_replication_role = replica; update activity_events set hash = '${head!.hash}' where id = '${head!.id}'; reset session_replication_role`);
    expect((await verify(delta, 'delta')).data.verifyAuditChain.ok).toBe(true);

    const clientId = (await delta.request('{ clients(first: 1) { edges { node { id } } } }')).data.clients.edges[0].node.id;
    await t.db.admin(`
      set session_replication_role = replica;
      insert into activity_events (organization_id, actor, entity_type, entity_id, client_id, action, changes)
      values ('${organizationId}', 'system', 'Client', '${clientId}', '${clientId}', 'deleted', '{}');
      reset session_replication_role;`);
    const [planted] = await t.db.admin<{ id: string }>('select id from activity_events where organization_id = $1 and seq is null', [organizationId]);
    expect(planted).toBeDefined();
    expect((await verify(delta, 'delta')).data.verifyAuditChain).toMatchObject({ ok: false, firstBrokenEventId: planted!.id });
    // Never sealed, so never listed.
    const listed = await delta.request('query($c: ID!) { activity(first: 100) { edges { node { id } } } client(id: $c) { timeline(first: 100) { edges { node { id } } } } }', { c: clientId });
    expect(JSON.stringify(listed.data)).not.toContain(planted!.id);
  });

  it('catches a chain rewritten as a whole against a checkpoint taken before', async () => {
    const gamma = await t.as('gamma');
    const organizationId = t.tenants.gamma!.organizationId;
    const before = (await exportCheckpoint(gamma)).data.exportAuditCheckpoint;
    const [victim] = await t.db.admin<{ id: string }>('select id from activity_events where organization_id = $1 and seq = 2', [organizationId]);
    // A superuser edits an event and recomputes every hash after it, exactly as sealing does.
    await t.db.admin(`
      set session_replication_role = replica;
      update activity_events set changes = '{"name": {"from": null, "to": "Rewritten"}}' where id = '${victim!.id}';
      do $$
      declare
        e activity_events;
        previous text := '';
      begin
        for e in select * from activity_events where organization_id = '${organizationId}' and seq is not null order by seq loop
          e.hash := ubos_event_hash(previous, e);
          update activity_events set prev_hash = previous, hash = e.hash where organization_id = e.organization_id and id = e.id;
          previous := e.hash;
        end loop;
        update audit_chain_heads set hash = previous where organization_id = '${organizationId}';
      end $$;
      reset session_replication_role;`);
    const [{ changed }] = (await t.db.admin<{ changed: boolean }>('select hash <> $2 as changed from activity_events where organization_id = $1 and seq = $3', [organizationId, before.hash, before.seq])) as [{ changed: boolean }];
    expect(changed).toBe(true);
    // New writes chain onto the rewritten head.
    expect((await gamma.request('mutation { createClient(input: { name: "After the rewrite" }) { id } }')).errors).toBeUndefined();

    expect((await verify(gamma, 'gamma')).data.verifyAuditChain).toMatchObject({ ok: true, firstBrokenEventId: null, checkpointMatches: null });
    expect((await verify(gamma, 'gamma', before)).data.verifyAuditChain).toMatchObject({ ok: false, firstBrokenEventId: null, checkpointMatches: false });
    // A checkpoint taken after the rewrite matches the rewritten chain: it is only as good as its date.
    const after = (await exportCheckpoint(gamma)).data.exportAuditCheckpoint;
    expect((await verify(gamma, 'gamma', after)).data.verifyAuditChain).toMatchObject({ ok: true, checkpointMatches: true });
  });
});
