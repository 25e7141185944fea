import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAdminClient } from '@ubos/db';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// The right to be forgotten: personal values leave every table, and the audit chain still verifies.
let t: TestStack;
let owner: GraphQLClient;

beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
});
afterAll(() => t?.close());

const PERSONAL = ['Zoltan Quimby Holdings', 'zq@quimby-holdings.example', '+1 555 987 6543', 'Private note about Zoltan', 'Wilhelmina', 'Fairweather-Quimby', 'wf@quimby-holdings.example'];

async function traces(value: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of ['clients', 'contacts', 'threads', 'messages', 'files', 'entity_history', 'activity_events', 'outbox', 'idempotency_keys', 'workflow_runs']) {
    const [row] = await t.db.admin<{ count: number }>(`select count(*)::int as count from ${table} t where t::text ilike '%' || $1 || '%'`, [value]);
    if (row!.count > 0) found.push(`${table} (${row!.count})`);
  }
  return found;
}

/** The verification runs for the caller's own tenant only, so it sets the tenant first. */
async function verifyChain(organizationId: string) {
  return withAdminClient(t.db.adminUrl, async (client) => {
    await client.query('begin');
    await client.query(`select set_config('app.organization_id', $1, true)`, [organizationId]);
    const { rows } = await client.query('select * from ubos_verify_audit_chain($1)', [organizationId]);
    await client.query('rollback');
    return rows[0];
  });
}

describe('eraseClient', () => {
  it('removes the personal values of a client and its contacts from rows, history, audit and outbox, and the chain still verifies', async () => {
    const created = await owner.request(`mutation { createClient(input: { name: "${PERSONAL[0]}", email: "${PERSONAL[1]}", phone: "${PERSONAL[2]}", notes: "${PERSONAL[3]}", industry: "Finance" }) { id } }`);
    const id = created.data.createClient.id;
    await owner.request('mutation($id: ID!) { updateClient(id: $id, input: { notes: "Private note about Zoltan, v2" }) { id } }', { id });
    await owner.request(`mutation($id: ID!) { createContact(input: { clientId: $id, firstName: "${PERSONAL[4]}", lastName: "${PERSONAL[5]}", email: "${PERSONAL[6]}" }) { id } }`, { id });
    const project = await owner.request('mutation($id: ID!) { createProject(input: { clientId: $id, name: "Kept work" }) { id } }', { id });
    for (const value of PERSONAL) expect((await traces(value)).length, value).toBeGreaterThan(0);
    expect((await verifyChain(t.tenants.alpha!.organizationId)).ok).toBe(true);

    const erased = await owner.request('mutation($id: ID!) { eraseClient(id: $id) { id name email phone notes industry version contacts { edges { node { firstName lastName email } } } } }', { id });
    expect(erased.errors).toBeUndefined();
    expect(erased.data.eraseClient.name).toMatch(/^erased:[0-9a-f]{64}$/);
    expect(erased.data.eraseClient.industry).toBe('Finance');
    expect(erased.data.eraseClient.contacts.edges[0].node.firstName).toMatch(/^erased:/);

    for (const value of PERSONAL) expect(await traces(value), value).toEqual([]);
    const events = await t.db.admin('select action, entity_type from activity_events where entity_id in (select id from clients where id = $1 union select id from contacts where client_id = $1) and action = $2', [id, 'erased']);
    expect(events.map((event) => event.entity_type).sort()).toEqual(['Client', 'Contact']);
    const chain = await verifyChain(t.tenants.alpha!.organizationId);
    expect(chain.ok).toBe(true);
    expect(Number(chain.events_checked)).toBeGreaterThan(5);
    // What was not personal stays: the project and its link to the client.
    const link = await owner.request('query($p: ID!) { project(id: $p) { name client { id } } }', { p: project.data.createProject.id });
    expect(link.data.project).toEqual({ name: 'Kept work', client: { id } });
  });

  it('also erases the client\'s thread subjects, message bodies and file names, keeping the chain', async () => {
    const id = (await owner.request('mutation { createClient(input: { name: "Erasable Conversations Ltd" }) { id } }')).data.createClient.id;
    const said = ['Divorce settlement for Ophelia Wrenfield', 'Ophelia says her new address is 12 Lark Lane', 'Corrected: 14 Lark Lane', 'ophelia-wrenfield-passport.pdf'];
    const thread = (await owner.request('mutation($c: ID!, $s: String!) { createThread(input: { clientId: $c, subject: $s }) { id } }', { c: id, s: said[0] })).data.createThread.id;
    const message = (await owner.request('mutation($t: ID!, $b: String!) { postMessage(input: { threadId: $t, body: $b }) { id } }', { t: thread, b: said[1] })).data.postMessage.id;
    expect((await owner.request('mutation($m: ID!, $b: String!) { editMessage(id: $m, input: { body: $b }) { id } }', { m: message, b: said[2] })).errors).toBeUndefined();
    const upload = await owner.request('mutation($c: ID!, $n: String!) { createUploadUrl(input: { clientId: $c, name: $n, contentType: "application/pdf", size: 10 }) { file { id } } }', { c: id, n: said[3] });
    expect(upload.errors).toBeUndefined();
    for (const value of said) expect((await traces(value)).length, value).toBeGreaterThan(0);

    expect((await owner.request('mutation($id: ID!) { eraseClient(id: $id) { id } }', { id })).errors).toBeUndefined();
    for (const value of said) expect(await traces(value), value).toEqual([]);
    const read = await owner.request('query($t: ID!) { thread(id: $t) { subject messages { edges { node { body } } } } }', { t: thread });
    expect(read.data.thread.subject).toMatch(/^erased:/);
    expect(read.data.thread.messages.edges[0].node.body).toMatch(/^erased:/);
    expect((await verifyChain(t.tenants.alpha!.organizationId)).ok).toBe(true);
  });

  it('also erases what idempotency keys and workflow runs kept of the client, and a replayed key answers CONFLICT', async () => {
    const secretName = 'Bartholomew Quince-Ashdown';
    const created = await owner.request('mutation($n: String!) { createClient(input: { name: $n }, idempotencyKey: "erase-me-1") { id } }', { n: secretName });
    const id = created.data.createClient.id;
    const posted = await owner.request('mutation($c: ID!) { postMessage(input: { clientId: $c, body: "Bartholomew prefers calls after 6" }, idempotencyKey: "erase-me-2") { id } }', { c: id });
    expect(posted.errors).toBeUndefined();
    // A run of the default workflow that a ProposalAccepted of this client started, as the worker records it.
    const organizationId = t.tenants.alpha!.organizationId;
    const [workflow] = await t.db.admin<{ id: string; version: number }>(`select id, version from workflows where organization_id = $1 and system_key = 'proposal-accepted'`, [organizationId]);
    await withAdminClient(t.db.adminUrl, async (client) => {
      await client.query('begin');
      await client.query(`select set_config('app.organization_id', $1, true)`, [organizationId]);
      await client.query(
        `insert into workflow_runs (organization_id, workflow_id, workflow_version, workflow_name, event_id, event_type, event_aggregate_type, event_aggregate_id, event_payload, event_occurred_at, client_id, status, steps)
         values ($1, $2, $3, 'Proposal accepted', ubos_uuid_v7(), 'ProposalAccepted', 'Proposal', ubos_uuid_v7(), $4, now(), $5, 'SUCCEEDED', $6)`,
        [organizationId, workflow!.id, workflow!.version, JSON.stringify({ clientId: id, title: `Website for ${secretName}` }), id, JSON.stringify([{ key: 'welcome', name: 'Welcome', kind: 'POST_MESSAGE', status: 'SUCCEEDED', attempts: 1, input: { clientId: id, body: `Welcome aboard, ${secretName}` }, output: { id: 'x' } }])],
      );
      await client.query('commit');
    });
    for (const value of [secretName, 'Bartholomew prefers calls']) expect((await traces(value)).length, value).toBeGreaterThan(0);

    expect((await owner.request('mutation($id: ID!) { eraseClient(id: $id) { id } }', { id })).errors).toBeUndefined();
    for (const value of [secretName, 'Bartholomew prefers calls', 'Bartholomew']) expect(await traces(value), value).toEqual([]);
    const replay = await owner.request('mutation($n: String!) { createClient(input: { name: $n }, idempotencyKey: "erase-me-1") { id name } }', { n: secretName });
    expect(replay.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    expect((await verifyChain(organizationId)).ok).toBe(true);
  });

  it('is for owners only', async () => {
    const id = (await owner.request('mutation { createClient(input: { name: "Not yours to erase" }) { id } }')).data.createClient.id;
    const member = await t.anonymous.login('member@alpha.test');
    const refused = await member.request('mutation($id: ID!) { eraseClient(id: $id) { id } }', { id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await traces('Not yours to erase')).not.toEqual([]);
  });
});
