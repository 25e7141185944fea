import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// The write path through the graph: versions and optimistic concurrency, soft deletes,
// history and time travel, and the outbox.
let t: TestStack;
let owner: GraphQLClient;
let member: GraphQLClient;

beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
  member = await t.anonymous.login('member@alpha.test');
});
afterAll(() => t?.close());

async function newClient(name: string): Promise<string> {
  const result = await owner.request('mutation($name: String!) { createClient(input: { name: $name }) { id version } }', { name });
  expect(result.data.createClient.version).toBe(1);
  return result.data.createClient.id;
}

async function dbNow(): Promise<string> {
  const [row] = await t.db.admin<{ now: Date }>('select clock_timestamp() as now');
  return row!.now.toISOString();
}

describe('versions and optimistic concurrency', () => {
  it('bumps the version once per change and refuses a stale expectedVersion with CONFLICT, changing nothing', async () => {
    const id = await newClient('Versioned');
    const first = await owner.request('mutation($id: ID!) { updateClient(id: $id, input: { name: "Versioned 2" }, expectedVersion: 1) { name version } }', { id });
    expect(first.data.updateClient).toEqual({ name: 'Versioned 2', version: 2 });
    const stale = await owner.request('mutation($id: ID!) { updateClient(id: $id, input: { name: "Lost update" }, expectedVersion: 1) { version } }', { id });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const noChange = await owner.request('mutation($id: ID!) { updateClient(id: $id, input: { name: "Versioned 2" }) { version } }', { id });
    expect(noChange.data.updateClient.version).toBe(2);
    const read = await owner.request('query($id: ID!) { client(id: $id) { name version } }', { id });
    expect(read.data.client).toEqual({ name: 'Versioned 2', version: 2 });
  });
});

describe('soft deletes', () => {
  it('hides a deleted client from lists and lookups, shows it to admins on request, and restores it', async () => {
    const id = await newClient('Deletable');
    const project = (await owner.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Orphan-to-be" }) { id } }', { c: id })).data.createProject.id;
    const deleted = await owner.request('mutation($id: ID!) { deleteClient(id: $id) { deletedAt deletedBy version } }', { id });
    expect(deleted.data.deleteClient.deletedAt).toBeTruthy();
    expect(deleted.data.deleteClient.deletedBy).toBe(`user:${t.tenants.alpha!.userIds['owner@alpha.test']}`);
    expect((await owner.request('query($id: ID!) { client(id: $id) { id } }', { id })).data.client).toBeNull();
    const listed = await owner.request('{ clients(first: 100) { totalCount edges { node { id } } } }');
    expect(listed.data.clients.edges.map((edge: any) => edge.node.id)).not.toContain(id);
    const withDeleted = await owner.request('{ clients(first: 100, includeDeleted: true) { totalCount edges { node { id deletedAt } } } }');
    expect(withDeleted.data.clients.totalCount).toBe(listed.data.clients.totalCount + 1);
    expect((await member.request('{ clients(includeDeleted: true) { totalCount } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A reference to the deleted client still resolves, with deletedAt set.
    const link = await owner.request('query($p: ID!) { project(id: $p) { client { id name deletedAt } } }', { p: project });
    expect(link.data.project.client).toMatchObject({ id, name: 'Deletable' });
    expect(link.data.project.client.deletedAt).toBeTruthy();
    // Changing a deleted row answers NOT_FOUND, like a missing one.
    expect((await owner.request('mutation($id: ID!) { updateClient(id: $id, input: { name: "X" }) { id } }', { id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const restored = await owner.request('mutation($id: ID!) { restoreClient(id: $id) { deletedAt deletedBy } }', { id });
    expect(restored.data.restoreClient).toEqual({ deletedAt: null, deletedBy: null });
    expect((await owner.request('query($id: ID!) { client(id: $id) { name } }', { id })).data.client.name).toBe('Deletable');
  });

  it('hides deleted projects and tasks from the lists under a client and a project', async () => {
    const id = await newClient('With projects');
    const kept = (await owner.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Kept" }) { id } }', { c: id })).data.createProject.id;
    const gone = (await owner.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Gone" }) { id } }', { c: id })).data.createProject.id;
    const task = (await owner.request('mutation($p: ID!) { createTask(input: { projectId: $p, title: "Gone too" }) { id } }', { p: kept })).data.createTask.id;
    await owner.request('mutation($p: ID!, $t: ID!) { deleteProject(id: $p) { id } deleteTask(id: $t) { id } }', { p: gone, t: task });
    const tree = await owner.request('query($c: ID!) { client(id: $c) { projects { totalCount edges { node { name tasks { totalCount } } } } } }', { c: id });
    expect(tree.data.client.projects).toEqual({ totalCount: 1, edges: [{ node: { name: 'Kept', tasks: { totalCount: 0 } } }] });
    const admin = await owner.request('query($c: ID!) { client(id: $c) { projects(includeDeleted: true) { totalCount } } }', { c: id });
    expect(admin.data.client.projects.totalCount).toBe(2);
  });
});

describe('hard purge', () => {
  it('deletes a soft-deleted row for good, for admins only, keeping its audit events', async () => {
    const id = await newClient('Purgeable');
    const contact = (await owner.request('mutation($c: ID!) { createContact(input: { clientId: $c, firstName: "Pat" }) { id } }', { c: id })).data.createContact.id;
    const notDeleted = await owner.request('mutation($id: ID!) { purgeClient(id: $id) }', { id });
    expect(notDeleted.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await owner.request('mutation($id: ID!) { deleteClient(id: $id) { id } }', { id });
    const referenced = await owner.request('mutation($id: ID!) { purgeClient(id: $id) }', { id });
    expect(referenced.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await member.request('mutation($id: ID!) { purgeClient(id: $id) }', { id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await owner.request('mutation($id: ID!) { deleteContact(id: $id) { id } }', { id: contact });
    const purged = await owner.request('mutation($c: ID!, $id: ID!) { purgeContact(id: $c) purgeClient(id: $id) }', { c: contact, id });
    expect(purged.data).toEqual({ purgeContact: contact, purgeClient: id });
    expect(await t.db.admin('select id from clients where id = $1', [id])).toEqual([]);
    expect((await owner.request('{ clients(includeDeleted: true, first: 100) { edges { node { id } } } }')).data.clients.edges.map((edge: any) => edge.node.id)).not.toContain(id);
    const events = await t.db.admin('select action from activity_events where entity_id = $1 order by seq', [id]);
    expect(events.map((event) => event.action)).toEqual(['created', 'deleted', 'purged']);
    expect((await owner.request('mutation($id: ID!) { purgeClient(id: $id) }', { id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('history and time travel', () => {
  it('keeps every version with its actor, and answers asOf with the state at that instant', async () => {
    const beforeCreation = await dbNow();
    const id = await newClient('Time traveller');
    const afterCreation = await dbNow();
    await owner.request('mutation($id: ID!) { updateClient(id: $id, input: { name: "Time traveller II", status: INACTIVE }) { id } }', { id });
    const afterRename = await dbNow();
    await member.request('mutation($id: ID!) { updateClient(id: $id, input: { notes: "met at a fair" }) { id } }', { id });

    const history = await owner.request('query($id: ID!) { client(id: $id) { version history { totalCount edges { node { version validFrom validTo actor snapshot { name status notes version } } } } } }', { id });
    const versions = history.data.client.history.edges.map((edge: any) => edge.node);
    expect(history.data.client.history.totalCount).toBe(3);
    expect(versions.map((version: any) => version.version)).toEqual([1, 2, 3]);
    expect(versions.map((version: any) => version.snapshot.name)).toEqual(['Time traveller', 'Time traveller II', 'Time traveller II']);
    expect(versions[2].snapshot.notes).toBe('met at a fair');
    expect(versions[2].actor).toBe(`user:${t.tenants.alpha!.userIds['member@alpha.test']}`);
    expect(versions[0].validTo).toBe(versions[1].validFrom);
    expect(versions[2].validTo).toBeNull();

    const at = async (asOf: string) => (await owner.request('query($id: ID!, $at: DateTime) { client(id: $id, asOf: $at) { name status version } }', { id, at: asOf })).data.client;
    expect(await at(beforeCreation)).toBeNull();
    expect(await at(afterCreation)).toEqual({ name: 'Time traveller', status: 'ACTIVE', version: 1 });
    expect(await at(afterRename)).toEqual({ name: 'Time traveller II', status: 'INACTIVE', version: 2 });
    expect((await owner.request('query($at: DateTime) { client(id: "not-an-id", asOf: $at) { id } }', { at: afterRename })).errors?.[0]?.extensions?.field).toBe('id');
  });

  it('lists the projects a client had at an instant, as they were then', async () => {
    const id = await newClient('Project history');
    const first = (await owner.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Alpha" }) { id } }', { c: id })).data.createProject.id;
    const moment = await dbNow();
    await owner.request('mutation($p: ID!) { updateProject(id: $p, input: { name: "Alpha renamed" }) { id } }', { p: first });
    await owner.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Beta" }) { id } }', { c: id });
    const then = await owner.request('query($c: ID!, $at: DateTime) { client(id: $c) { projects(asOf: $at) { totalCount edges { node { name } } } } }', { c: id, at: moment });
    expect(then.data.client.projects).toEqual({ totalCount: 1, edges: [{ node: { name: 'Alpha' } }] });
    const now = await owner.request('query($c: ID!) { client(id: $c) { projects { edges { node { name } } } } }', { c: id });
    expect(now.data.client.projects.edges.map((edge: any) => edge.node.name)).toEqual(['Alpha renamed', 'Beta']);
  });
});

describe('outbox', () => {
  it('writes a domain event with the change, and none when the mutation fails', async () => {
    const countEvents = async (type: string) => (await t.db.admin<{ count: number }>('select count(*)::int as count from outbox where event_type = $1', [type]))[0]!.count;
    const before = await countEvents('ClientCreated');
    const id = await newClient('Announced');
    const [event] = await t.db.admin('select * from outbox where aggregate_id = $1', [id]);
    expect(event).toMatchObject({ event_type: 'ClientCreated', aggregate_type: 'Client', organization_id: t.tenants.alpha!.organizationId, actor: `user:${t.tenants.alpha!.userIds['owner@alpha.test']}` });
    expect(event.payload).toMatchObject({ name: 'Announced' });
    await owner.request('mutation { createClient(input: { name: "" }) { id } }');
    expect(await countEvents('ClientCreated')).toBe(before + 1);
    await owner.request('mutation($id: ID!) { deleteClient(id: $id) { id } }', { id });
    expect((await t.db.admin('select event_type from outbox where aggregate_id = $1 order by id', [id])).map((row) => row.event_type)).toEqual(['ClientCreated', 'ClientDeleted']);
  });

  it('audits deletes and restores as their own actions', async () => {
    const id = await newClient('Audited');
    await owner.request('mutation($id: ID!) { deleteClient(id: $id) { id } }', { id });
    await owner.request('mutation($id: ID!) { restoreClient(id: $id) { id } }', { id });
    const events = await t.db.admin('select action, changes from activity_events where entity_id = $1 order by seq', [id]);
    expect(events.map((event) => event.action)).toEqual(['created', 'deleted', 'restored']);
    expect(Object.keys(events[1].changes).sort()).toEqual(['deleted_at', 'deleted_by']);
  });
});

describe('idempotency keys and presigned URLs', () => {
  it('does not keep an upload ticket\'s URL: a replayed key answers CONFLICT and makes no second file', async () => {
    const clientId = await newClient('Uploads once');
    const upload = () =>
      owner.request('mutation($c: ID!) { createUploadUrl(input: { clientId: $c, name: "a.pdf", contentType: "application/pdf", size: 5 }, idempotencyKey: "upload-1") { url file { id } } }', { c: clientId });
    const first = await upload();
    expect(first.errors).toBeUndefined();
    expect(first.data.createUploadUrl.url).toMatch(/^http/);
    const replay = await upload();
    expect(replay.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    const [row] = await t.db.admin<{ count: string; stored: string }>(
      `select (select count(*) from files where client_id = $1) as count, (select result::text from idempotency_keys where key = 'upload-1') as stored`,
      [clientId],
    );
    expect(Number(row!.count)).toBe(1);
    expect(row!.stored).not.toContain(first.data.createUploadUrl.url.split('?')[0]);
  });
});
