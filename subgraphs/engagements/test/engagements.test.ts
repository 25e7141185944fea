import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStatements } from '@ubos/kernel';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// Engagements through the real gateway and PostgreSQL: links to crm's clients, agreements'
// contracts and projects' projects by composite foreign keys, statuses, soft deletes, audit,
// history and the Client and Contract extensions.
let t: TestStack;
let owner: GraphQLClient;
let member: GraphQLClient;
let clientId: string;
let otherClientId: string;
let projectIds: string[];
let contractId: string;
let otherClientContractId: string;
let foreign: { client: string; project: string; contract: string };

async function clientsWithWork(client: GraphQLClient) {
  const result = await client.request('{ clients(first: 2) { edges { node { id projects(first: 10) { edges { node { id } } } contracts(first: 10) { edges { node { id } } } } } } }');
  expect(result.errors).toBeUndefined();
  return result.data.clients.edges.map((edge: any) => ({
    id: edge.node.id as string,
    projects: edge.node.projects.edges.map((project: any) => project.node.id as string),
    contracts: edge.node.contracts.edges.map((contract: any) => contract.node.id as string),
  }));
}

beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
  member = await t.anonymous.login('member@alpha.test');
  const [first, second] = await clientsWithWork(owner);
  clientId = first.id;
  projectIds = first.projects;
  contractId = first.contracts[0];
  otherClientId = second.id;
  otherClientContractId = second.contracts[0];
  const [beta] = await clientsWithWork(await t.as('beta'));
  foreign = { client: beta.id, project: beta.projects[0], contract: beta.contracts[0] };
});
afterAll(() => t?.close());

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const ENGAGEMENT = `id name type status version startDate endDate deletedAt budget { amountMinor currency }
  client { id name } contract { id title } projects { id name client { id } }`;
const errorOf = (result: any) => ({ code: result.errors?.[0]?.extensions?.code, field: result.errors?.[0]?.extensions?.field });
const outbox = (aggregateId: string) => t.db.admin('select event_type, payload from outbox where aggregate_id = $1 order by id', [aggregateId]);

async function createEngagement(input: Record<string, unknown>) {
  return owner.request(`mutation($input: CreateEngagementInput!) { createEngagement(input: $input) { ${ENGAGEMENT} } }`, { input: { clientId, name: 'Care plan', type: 'RETAINER', ...input } });
}

describe('creating engagements', () => {
  it('links a client, one of its contracts and projects, resolved by their own subgraphs through the gateway', async () => {
    const result = await createEngagement({
      contractId,
      name: 'Ongoing care',
      startDate: day(0),
      endDate: day(365),
      budget: { amountMinor: 2_400_000, currency: 'USD' },
      projectIds: [...projectIds, projectIds[0]],
    });
    expect(result.errors).toBeUndefined();
    const engagement = result.data.createEngagement;
    expect(engagement).toMatchObject({ name: 'Ongoing care', type: 'RETAINER', status: 'ACTIVE', version: 1, budget: { amountMinor: 2_400_000, currency: 'USD' }, client: { id: clientId }, contract: { id: contractId } });
    expect(engagement.client.name).toBeTruthy();
    expect(engagement.contract.title).toBeTruthy();
    expect(engagement.projects.map((project: any) => project.id)).toEqual(projectIds);
    expect(engagement.projects.every((project: any) => project.name && project.client.id === clientId)).toBe(true);
    const [event] = await outbox(engagement.id);
    expect(event).toMatchObject({ event_type: 'EngagementCreated', payload: { clientId, contractId, type: 'RETAINER', projectIds } });
    const audit = await t.db.admin(
      `select entity_type, action, client_id from activity_events where entity_id = $1 or entity_id in (select id from engagement_projects where engagement_id = $1) order by seq`,
      [engagement.id],
    );
    expect(audit).toEqual([
      { entity_type: 'Engagement', action: 'created', client_id: clientId },
      ...projectIds.map(() => ({ entity_type: 'EngagementProject', action: 'created', client_id: clientId })),
    ]);
  });

  it('takes the workflow engine\'s shape: client, contract, name and type only', async () => {
    const result = await owner.request('mutation($c: ID!, $k: ID!) { createEngagement(input: { clientId: $c, contractId: $k, name: "From the workflow", type: FIXED_FEE }) { status type budget { amountMinor } projects { id } contract { id } } }', { c: clientId, k: contractId });
    expect(result.data.createEngagement).toEqual({ status: 'ACTIVE', type: 'FIXED_FEE', budget: null, projects: [], contract: { id: contractId } });
  });

  it('names the input at fault, and answers NOT_FOUND for another tenant\'s rows and for another client\'s contract, writing nothing', async () => {
    const [{ count: before }] = await t.db.admin('select count(*)::int as count from engagements');
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ name: ' ' }, 'BAD_USER_INPUT', 'input.name'],
      [{ startDate: day(10), endDate: day(9) }, 'BAD_USER_INPUT', 'input.endDate'],
      [{ budget: { amountMinor: -1, currency: 'USD' } }, 'BAD_USER_INPUT', 'input.budget.amountMinor'],
      [{ budget: { amountMinor: 1, currency: 'dollars' } }, 'BAD_USER_INPUT', 'input.budget.currency'],
      [{ clientId: 'nope' }, 'BAD_USER_INPUT', 'input.clientId'],
      [{ contractId: 'nope' }, 'BAD_USER_INPUT', 'input.contractId'],
      [{ projectIds: [projectIds[0], 'nope'] }, 'BAD_USER_INPUT', 'input.projectIds.1'],
      [{ clientId: foreign.client }, 'NOT_FOUND', 'input.clientId'],
      [{ contractId: foreign.contract }, 'NOT_FOUND', 'input.contractId'],
      [{ contractId: otherClientContractId }, 'NOT_FOUND', 'input.contractId'],
      [{ projectIds: [projectIds[0], foreign.project] }, 'NOT_FOUND', 'input.projectIds.1'],
      [{ projectIds: ['01890000-0000-7000-8000-000000000000'] }, 'NOT_FOUND', 'input.projectIds.0'],
    ];
    for (const [input, code, field] of cases) expect(errorOf(await createEngagement(input)), JSON.stringify(input)).toEqual({ code, field });
    const [{ count: after }] = await t.db.admin('select count(*)::int as count from engagements');
    expect(after).toBe(before);
  });
});

describe('changing engagements', () => {
  it('updates with optimistic concurrency, keeps COMPLETED and CANCELLED final, and checks the contract', async () => {
    const id = (await createEngagement({ name: 'Changing', startDate: day(0), budget: { amountMinor: 100, currency: 'EUR' } })).data.createEngagement.id;
    const update = (input: string, extra = '') => owner.request(`mutation($id: ID!) { updateEngagement(id: $id, input: ${input}${extra}) { ${ENGAGEMENT} } }`, { id });
    const renamed = await update('{ name: "Changed", type: TIME_AND_MATERIALS, budget: null }', ', expectedVersion: 1');
    expect(renamed.data.updateEngagement).toMatchObject({ name: 'Changed', type: 'TIME_AND_MATERIALS', budget: null, version: 2 });
    expect(errorOf(await update('{ name: "Lost" }', ', expectedVersion: 1')).code).toBe('CONFLICT');
    expect(errorOf(await update(`{ endDate: "${day(-1)}" }`))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.endDate' });
    expect(errorOf(await update(`{ contractId: "${foreign.contract}" }`))).toEqual({ code: 'NOT_FOUND', field: 'input.contractId' });
    expect(errorOf(await update(`{ contractId: "${otherClientContractId}" }`))).toEqual({ code: 'NOT_FOUND', field: 'input.contractId' });
    expect((await update(`{ contractId: "${contractId}" }`)).data.updateEngagement.contract.id).toBe(contractId);
    expect((await update('{ contractId: null }')).data.updateEngagement.contract).toBeNull();
    expect((await update('{ status: PAUSED }')).data.updateEngagement.status).toBe('PAUSED');
    expect((await update('{ status: ACTIVE }')).data.updateEngagement.status).toBe('ACTIVE');
    expect((await update('{ status: COMPLETED, endDate: "2030-01-01" }')).data.updateEngagement.status).toBe('COMPLETED');
    const reopen = await update('{ status: ACTIVE }');
    expect(errorOf(reopen).code).toBe('CONFLICT');
    expect(reopen.errors![0]!.message).toContain('COMPLETED');
    expect((await update('{ name: "Done and dusted", status: COMPLETED }')).data.updateEngagement).toMatchObject({ name: 'Done and dusted', status: 'COMPLETED' });
    const events = await outbox(id);
    expect(events.map((event) => event.event_type)).toEqual(['EngagementCreated', ...Array(7).fill('EngagementUpdated')]);
    expect(events[6].payload).toMatchObject({ status: 'COMPLETED' });
  });

  it('adds and removes projects, idempotently, auditing each link and unlink', async () => {
    const id = (await createEngagement({ name: 'Projects come and go' })).data.createEngagement.id;
    const add = (projectId: string, engagementId = id) => owner.request('mutation($id: ID!, $p: ID!) { addProjectToEngagement(id: $id, projectId: $p) { version projects { id } } }', { id: engagementId, p: projectId });
    const remove = (projectId: string) => owner.request('mutation($id: ID!, $p: ID!) { removeProjectFromEngagement(id: $id, projectId: $p) { projects { id } } }', { id, p: projectId });
    expect((await add(projectIds[0]!)).data.addProjectToEngagement).toEqual({ version: 1, projects: [{ id: projectIds[0] }] });
    expect((await add(projectIds[0]!)).data.addProjectToEngagement.projects).toEqual([{ id: projectIds[0] }]);
    expect(errorOf(await add(foreign.project))).toEqual({ code: 'NOT_FOUND', field: 'projectId' });
    // An engagement's projects are its client's: another client's project is as absent as a missing one.
    const otherClientProject = (await owner.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Not theirs" }) { id } }', { c: otherClientId })).data.createProject.id;
    expect(errorOf(await add(otherClientProject))).toEqual({ code: 'NOT_FOUND', field: 'projectId' });
    expect(errorOf(await createEngagement({ name: 'Mixed', projectIds: [projectIds[0], otherClientProject] }))).toEqual({ code: 'NOT_FOUND', field: 'input.projectIds.1' });
    expect(errorOf(await add(projectIds[0]!, '01890000-0000-7000-8000-000000000000'))).toEqual({ code: 'NOT_FOUND', field: 'id' });
    expect(errorOf(await add('nope'))).toEqual({ code: 'BAD_USER_INPUT', field: 'projectId' });
    expect((await remove(projectIds[0]!)).data.removeProjectFromEngagement.projects).toEqual([]);
    expect((await remove(projectIds[0]!)).data.removeProjectFromEngagement.projects).toEqual([]);
    expect(errorOf(await remove(foreign.project))).toEqual({ code: 'NOT_FOUND', field: 'projectId' });
    expect((await add(projectIds[0]!)).data.addProjectToEngagement.projects).toEqual([{ id: projectIds[0] }]);
    const links = await t.db.admin('select id from engagement_projects where engagement_id = $1', [id]);
    expect(links).toHaveLength(1);
    const audit = await t.db.admin('select action, client_id from activity_events where entity_id = $1 order by seq', [links[0].id]);
    expect(audit).toEqual([
      { action: 'created', client_id: clientId },
      { action: 'deleted', client_id: clientId },
      { action: 'restored', client_id: clientId },
    ]);
    expect((await outbox(id)).map((event) => event.event_type)).toEqual(['EngagementCreated', 'EngagementProjectAdded', 'EngagementProjectRemoved', 'EngagementProjectAdded']);
  });
});

describe('lists, soft deletes and history', () => {
  it('filters the organization\'s engagements and those under a client or a contract', async () => {
    const seeded = await owner.request('{ engagements(first: 100) { totalCount edges { node { type status projects { id } } } } }');
    const nodes = seeded.data.engagements.edges.map((edge: any) => edge.node);
    expect(new Set(nodes.map((node: any) => node.type))).toEqual(new Set(['RETAINER', 'FIXED_FEE', 'TIME_AND_MATERIALS']));
    expect(new Set(nodes.map((node: any) => node.status))).toEqual(new Set(['ACTIVE', 'PAUSED', 'COMPLETED', 'CANCELLED']));
    expect(nodes.some((node: any) => node.projects.length > 0)).toBe(true);
    const filtered = await owner.request('query($c: ID!) { engagements(first: 100, filter: { type: [RETAINER], status: [ACTIVE], clientId: $c }) { edges { node { type status client { id } } } } }', { c: clientId });
    expect(filtered.data.engagements.edges.length).toBeGreaterThan(0);
    expect(filtered.data.engagements.edges.every((edge: any) => edge.node.type === 'RETAINER' && edge.node.status === 'ACTIVE' && edge.node.client.id === clientId)).toBe(true);
    const nested = await owner.request('query($c: ID!, $k: ID!) { client(id: $c) { engagements(first: 100, filter: { type: [FIXED_FEE] }) { totalCount edges { node { type } } } } contract(id: $k) { title engagements(first: 100) { totalCount edges { node { contract { id } } } } } }', { c: clientId, k: contractId });
    expect(nested.errors).toBeUndefined();
    expect(nested.data.client.engagements.totalCount).toBeGreaterThan(0);
    expect(nested.data.client.engagements.edges.every((edge: any) => edge.node.type === 'FIXED_FEE')).toBe(true);
    expect(nested.data.contract.engagements.totalCount).toBeGreaterThan(0);
    expect(nested.data.contract.engagements.edges.every((edge: any) => edge.node.contract.id === contractId)).toBe(true);
  });

  it('hides a deleted engagement, shows it to owners on request, and restores it', async () => {
    const id = (await createEngagement({ name: 'Short-lived' })).data.createEngagement.id;
    const deleted = await owner.request('mutation($id: ID!) { deleteEngagement(id: $id, expectedVersion: 1) { deletedAt deletedBy } }', { id });
    expect(deleted.data.deleteEngagement.deletedBy).toBe(`user:${t.tenants.alpha!.userIds['owner@alpha.test']}`);
    expect((await owner.request('query($id: ID!) { engagement(id: $id) { id } }', { id })).data.engagement).toBeNull();
    const ids = async (query: string, client = owner) => {
      const result = await client.request(query, { c: clientId });
      return result.errors ? result.errors[0]!.extensions!.code : JSON.stringify(result.data).includes(id);
    };
    expect(await ids('{ engagements(first: 100) { edges { node { id } } } }')).toBe(false);
    expect(await ids('query($c: ID!) { client(id: $c) { engagements(first: 100) { edges { node { id } } } } }')).toBe(false);
    expect(await ids('query($c: ID!) { client(id: $c) { engagements(first: 100, includeDeleted: true) { edges { node { id } } } } }')).toBe(true);
    expect(await ids('{ engagements(first: 100, includeDeleted: true) { edges { node { id } } } }', member)).toBe('FORBIDDEN');
    expect(errorOf(await owner.request('mutation($id: ID!) { updateEngagement(id: $id, input: { name: "X" }) { id } }', { id })).code).toBe('NOT_FOUND');
    const restored = await owner.request('mutation($id: ID!) { restoreEngagement(id: $id) { deletedAt name } }', { id });
    expect(restored.data.restoreEngagement).toEqual({ deletedAt: null, name: 'Short-lived' });
    expect((await outbox(id)).map((event) => event.event_type)).toEqual(['EngagementCreated', 'EngagementDeleted', 'EngagementRestored']);
  });

  it('keeps every version and answers asOf with the engagement as it was', async () => {
    const id = (await createEngagement({ name: 'Version one' })).data.createEngagement.id;
    const [{ now: between }] = await t.db.admin('select clock_timestamp() as now');
    await owner.request('mutation($id: ID!) { updateEngagement(id: $id, input: { name: "Version two", status: PAUSED }) { id } }', { id });
    const result = await owner.request('query($id: ID!, $at: DateTime) { then: engagement(id: $id, asOf: $at) { name status version } now: engagement(id: $id) { history { totalCount edges { node { version snapshot { name status } } } } } }', { id, at: between.toISOString() });
    expect(result.data.then).toEqual({ name: 'Version one', status: 'ACTIVE', version: 1 });
    expect(result.data.now.history.edges.map((edge: any) => edge.node)).toEqual([
      { version: 1, snapshot: { name: 'Version one', status: 'ACTIVE' } },
      { version: 2, snapshot: { name: 'Version two', status: 'PAUSED' } },
    ]);
    const events = await t.db.admin('select action, changes from activity_events where entity_id = $1 order by seq', [id]);
    expect(events.map((event) => event.action)).toEqual(['created', 'updated']);
    expect(events[1].changes).toEqual({ name: { from: 'Version one', to: 'Version two' }, status: { from: 'ACTIVE', to: 'PAUSED' } });
  });

  it('pages the engagements of many clients, with their projects, in one statement per level', async () => {
    const { result, statements } = await sqlStatements.capture(() =>
      owner.request('{ clients(first: 4) { edges { node { engagements(first: 5) { totalCount edges { node { name projects { id } } } } } } } }'),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.clients.edges.filter((edge: any) => edge.node.engagements.totalCount > 0).length).toBeGreaterThan(1);
    // clients (crm), then the engagements of all four and their projects (engagements).
    expect(statements).toHaveLength(3);
  });
});
