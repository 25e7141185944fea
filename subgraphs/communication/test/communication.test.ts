import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLClient, startTestStack, type TestStack } from '@ubos/test-support/stack';

// Threads and messages through the real gateway and PostgreSQL.
let t: TestStack;
let owner: GraphQLClient;
let member: GraphQLClient;
let ownerId: string;
let memberId: string;

beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
  member = await t.anonymous.login('member@alpha.test');
  ownerId = t.tenants.alpha!.userIds['owner@alpha.test']!;
  memberId = t.tenants.alpha!.userIds['member@alpha.test']!;
});
afterAll(() => t?.close());

async function newClient(name: string): Promise<string> {
  return (await owner.request('mutation($name: String!) { createClient(input: { name: $name }) { id } }', { name })).data.createClient.id;
}

async function newProject(clientId: string): Promise<string> {
  return (await owner.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Site" }) { id } }', { c: clientId })).data.createProject.id;
}

const POST = 'mutation($input: PostMessageInput!) { postMessage(input: $input) { id body author authorUser { id } thread { id subject main lastMessageAt } version } }';

function errorOf(result: { errors?: Array<{ extensions?: Record<string, any> }> }) {
  return { code: result.errors?.[0]?.extensions?.code, field: result.errors?.[0]?.extensions?.field };
}

describe('threads and messages', () => {
  it('lists a thread\'s messages newest first with totalCount and pages through them', async () => {
    const clientId = await newClient('Chatty');
    const thread = await owner.request('mutation($c: ID!) { createThread(input: { clientId: $c, subject: "  Launch  " }) { id subject main createdBy lastMessageAt lastActivityAt version client { id name } project { id } } }', { c: clientId });
    expect(thread.errors).toBeUndefined();
    expect(thread.data.createThread).toMatchObject({ subject: 'Launch', main: false, createdBy: `user:${ownerId}`, lastMessageAt: null, version: 1, client: { id: clientId, name: 'Chatty' }, project: null });
    const threadId = thread.data.createThread.id;
    const bodies = ['first', 'second', 'third'];
    const posted: string[] = [];
    for (const body of bodies) {
      const result = await owner.request(POST, { input: { threadId, body } });
      expect(result.errors).toBeUndefined();
      posted.push(result.data.postMessage.id);
    }
    const page = await owner.request('query($id: ID!) { thread(id: $id) { lastMessageAt messages(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id body } } } } }', { id: threadId });
    expect(page.data.thread.messages.totalCount).toBe(3);
    expect(page.data.thread.messages.edges.map((edge: any) => edge.node.body)).toEqual(['third', 'second']);
    expect(page.data.thread.messages.pageInfo.hasNextPage).toBe(true);
    expect(page.data.thread.lastMessageAt).toBeTruthy();
    const rest = await owner.request('query($id: ID!, $after: String) { thread(id: $id) { messages(first: 2, after: $after) { pageInfo { hasNextPage } edges { node { id body } } } } }', {
      id: threadId,
      after: page.data.thread.messages.pageInfo.endCursor,
    });
    expect(rest.data.thread.messages.edges.map((edge: any) => edge.node.body)).toEqual(['first']);
    expect(rest.data.thread.messages.pageInfo.hasNextPage).toBe(false);
    // Posting bumped the thread (its lastMessageAt, so its version) once per message, and wrote a MessagePosted event each.
    const bumped = await owner.request('query($id: ID!) { thread(id: $id) { version history { totalCount } } }', { id: threadId });
    expect(bumped.data.thread).toEqual({ version: 4, history: { totalCount: 4 } });
    const events = await t.db.admin('select aggregate_id, payload from outbox where event_type = $1 and aggregate_id = any($2::uuid[]) order by aggregate_id', ['MessagePosted', posted]);
    expect(events).toHaveLength(3);
    expect(events[0].payload).toMatchObject({ threadId, clientId, author: `user:${ownerId}` });
  });

  it('orders a client\'s threads by their latest activity, and filters by project', async () => {
    const clientId = await newClient('Busy');
    const projectId = await newProject(clientId);
    const older = (await owner.request('mutation($c: ID!) { createThread(input: { clientId: $c, subject: "Older" }) { id } }', { c: clientId })).data.createThread.id;
    const newer = (await owner.request('mutation($c: ID!, $p: ID!) { createThread(input: { clientId: $c, projectId: $p, subject: "Newer" }) { id project { id } } }', { c: clientId, p: projectId })).data.createThread;
    expect(newer.project).toEqual({ id: projectId });
    const subjects = async () =>
      (await owner.request('query($c: ID!) { client(id: $c) { name threads { totalCount edges { node { subject } } } } }', { c: clientId })).data.client.threads.edges.map((edge: any) => edge.node.subject);
    expect(await subjects()).toEqual(['Newer', 'Older']);
    await owner.request(POST, { input: { threadId: older, body: 'Bump' } });
    expect(await subjects()).toEqual(['Older', 'Newer']);
    const filtered = await owner.request('query($c: ID!, $p: ID!) { client(id: $c) { threads(filter: { projectId: $p }) { totalCount edges { node { subject } } } } }', { c: clientId, p: projectId });
    expect(filtered.data.client.threads).toEqual({ totalCount: 1, edges: [{ node: { subject: 'Newer' } }] });
    const root = await owner.request('query($c: ID!) { threads(filter: { clientId: $c }, first: 1) { totalCount pageInfo { endCursor } edges { node { subject } } } }', { c: clientId });
    expect(root.data.threads.totalCount).toBe(2);
    expect(root.data.threads.edges[0].node.subject).toBe('Older');
    const second = await owner.request('query($c: ID!, $a: String) { threads(filter: { clientId: $c }, first: 1, after: $a) { edges { node { subject } } } }', { c: clientId, a: root.data.threads.pageInfo.endCursor });
    expect(second.data.threads.edges[0].node.subject).toBe('Newer');
    const byProject = await owner.request('query($p: ID!) { threads(filter: { projectId: $p }) { totalCount } }', { p: projectId });
    expect(byProject.data.threads.totalCount).toBe(1);
  });

  it('posts on the client\'s main thread by clientId, opening "General" once', async () => {
    const clientId = await newClient('Welcomed');
    const first = await owner.request(POST, { input: { clientId, body: 'Welcome aboard' } });
    expect(first.errors).toBeUndefined();
    expect(first.data.postMessage.thread).toMatchObject({ subject: 'General', main: true });
    const again = await member.request(POST, { input: { clientId, body: 'Hello' } });
    expect(again.data.postMessage.thread.id).toBe(first.data.postMessage.thread.id);
    // Concurrent first posts on another client still open exactly one main thread.
    const other = await newClient('Raced');
    const raced = await Promise.all([1, 2, 3].map((n) => owner.request(POST, { input: { clientId: other, body: `Race ${n}` } })));
    expect(raced.every((result) => !result.errors)).toBe(true);
    expect(new Set(raced.map((result) => result.data.postMessage.thread.id)).size).toBe(1);
    const listed = await owner.request('query($c: ID!) { client(id: $c) { threads { totalCount edges { node { main messages { totalCount } } } } } }', { c: other });
    expect(listed.data.client.threads).toEqual({ totalCount: 1, edges: [{ node: { main: true, messages: { totalCount: 3 } } }] });
    // A deleted main thread gives up the role: the next post opens a new General thread.
    const mainId = first.data.postMessage.thread.id;
    expect((await owner.request('mutation($id: ID!) { deleteThread(id: $id) { main deletedAt } }', { id: mainId })).data.deleteThread.main).toBe(false);
    const reopened = await owner.request(POST, { input: { clientId, body: 'Still here' } });
    expect(reopened.data.postMessage.thread.id).not.toBe(mainId);
    expect(reopened.data.postMessage.thread.main).toBe(true);
    const restored = await owner.request('mutation($id: ID!) { restoreThread(id: $id) { main deletedAt } }', { id: mainId });
    expect(restored.data.restoreThread).toEqual({ main: false, deletedAt: null });
  });

  it('takes the author from the caller: a user, or an API key', async () => {
    const clientId = await newClient('Authored');
    const byMember = await member.request(POST, { input: { clientId, body: 'From a member' } });
    expect(byMember.data.postMessage).toMatchObject({ author: `user:${memberId}`, authorUser: { id: memberId } });
    const withName = await owner.request('query($id: ID!) { message(id: $id) { authorUser { id name } } }', { id: byMember.data.postMessage.id });
    expect(withName.data.message.authorUser).toEqual({ id: memberId, name: 'Member alpha' });
    const key = await owner.request('mutation { createApiKey(input: { name: "Poster", scopes: ["communication:read", "communication:write", "identity:read"] }) { secret apiKey { id } } }');
    expect(key.errors).toBeUndefined();
    const partner = owner.withToken(key.data.createApiKey.secret);
    const byKey = await partner.request('mutation($c: ID!) { postMessage(input: { clientId: $c, body: "From a partner" }) { author authorUser { id } } }', { c: clientId });
    expect(byKey.errors).toBeUndefined();
    expect(byKey.data.postMessage).toEqual({ author: `apikey:${key.data.createApiKey.apiKey.id}`, authorUser: null });
  });

  it('answers every invalid input with BAD_USER_INPUT on the field at fault', async () => {
    const clientId = await newClient('Validated');
    const thread = (await owner.request('mutation($c: ID!) { createThread(input: { clientId: $c, subject: "Checks" }) { id } }', { c: clientId })).data.createThread.id;
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['mutation($c: ID!) { createThread(input: { clientId: $c, subject: "   " }) { id } }', { c: clientId }, 'input.subject'],
      ['mutation($c: ID!, $s: String!) { createThread(input: { clientId: $c, subject: $s }) { id } }', { c: clientId, s: 'x'.repeat(201) }, 'input.subject'],
      ['mutation { createThread(input: { clientId: "not-a-uuid", subject: "X" }) { id } }', {}, 'input.clientId'],
      ['mutation { postMessage(input: { body: "Nowhere" }) { id } }', {}, 'input.threadId'],
      ['mutation($c: ID!, $t: ID!) { postMessage(input: { clientId: $c, threadId: $t, body: "Both" }) { id } }', { c: clientId, t: thread }, 'input.clientId'],
      ['mutation($t: ID!) { postMessage(input: { threadId: $t, body: "" }) { id } }', { t: thread }, 'input.body'],
      ['mutation($t: ID!, $b: String!) { postMessage(input: { threadId: $t, body: $b }) { id } }', { t: thread, b: 'x'.repeat(20_001) }, 'input.body'],
      ['mutation($t: ID!) { updateThread(id: $t, input: { subject: "" }) { id } }', { t: thread }, 'input.subject'],
    ];
    for (const [query, variables, field] of cases) {
      expect(errorOf(await owner.request(query, variables)), query).toEqual({ code: 'BAD_USER_INPUT', field });
    }
    const longest = await owner.request('mutation($t: ID!, $b: String!) { postMessage(input: { threadId: $t, body: $b }) { id } }', { t: thread, b: 'x'.repeat(20_000) });
    expect(longest.errors).toBeUndefined();
    // A project of another client of the same tenant is refused; a missing one is NOT_FOUND.
    const elsewhere = await newProject(await newClient('Elsewhere'));
    expect(errorOf(await owner.request('mutation($c: ID!, $p: ID!) { createThread(input: { clientId: $c, projectId: $p, subject: "X" }) { id } }', { c: clientId, p: elsewhere }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.projectId',
    });
    expect(errorOf(await owner.request('mutation($t: ID!, $p: ID!) { updateThread(id: $t, input: { projectId: $p }) { id } }', { t: thread, p: elsewhere }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.projectId',
    });
    const missing = '019b0000-0000-7000-8000-000000000000';
    expect(errorOf(await owner.request('mutation($c: ID!) { createThread(input: { clientId: $c, subject: "X" }) { id } }', { c: missing }))).toEqual({ code: 'NOT_FOUND', field: 'input.clientId' });
    expect(errorOf(await owner.request(POST, { input: { clientId: missing, body: 'X' } }))).toEqual({ code: 'NOT_FOUND', field: 'input.clientId' });
    expect(errorOf(await owner.request(POST, { input: { threadId: missing, body: 'X' } }))).toEqual({ code: 'NOT_FOUND', field: 'input.threadId' });
    expect((await owner.request('query($id: ID!) { thread(id: $id) { id } message(id: $id) { id } }', { id: missing })).data).toEqual({ thread: null, message: null });
  });

  it('refuses another tenant\'s thread, client and messages as NOT_FOUND, and lists none of them', async () => {
    const beta = await t.as('beta');
    const [betaThread] = await t.db.admin('select id, client_id from threads where organization_id = $1 limit 1', [t.tenants.beta!.organizationId]);
    const [betaMessage] = await t.db.admin('select id from messages where organization_id = $1 limit 1', [t.tenants.beta!.organizationId]);
    expect(errorOf(await owner.request(POST, { input: { threadId: betaThread.id, body: 'X' } }))).toEqual({ code: 'NOT_FOUND', field: 'input.threadId' });
    expect(errorOf(await owner.request(POST, { input: { clientId: betaThread.client_id, body: 'X' } }))).toEqual({ code: 'NOT_FOUND', field: 'input.clientId' });
    expect(errorOf(await owner.request('mutation($id: ID!) { editMessage(id: $id, input: { body: "X" }) { id } }', { id: betaMessage.id }))).toEqual({ code: 'NOT_FOUND', field: 'id' });
    expect((await owner.request('query($id: ID!) { thread(id: $id) { id } }', { id: betaThread.id })).data.thread).toBeNull();
    const betaSees = await beta.request('query($id: ID!) { thread(id: $id) { id } }', { id: betaThread.id });
    expect(betaSees.data.thread.id).toBe(betaThread.id);
    const [{ count }] = await t.db.admin('select count(*)::int as count from threads where organization_id = $1 and deleted_at is null', [t.tenants.alpha!.organizationId]);
    expect((await owner.request('{ threads(first: 0) { totalCount } }')).data.threads.totalCount).toBe(count);
  });
});

describe('editing and deleting messages', () => {
  it('lets only the author edit, with versions, history and asOf, and the author or an admin delete and restore', async () => {
    const clientId = await newClient('Edited');
    const posted = (await member.request(POST, { input: { clientId, body: 'Draft' } })).data.postMessage;
    const edited = await member.request('mutation($id: ID!) { editMessage(id: $id, input: { body: "Final" }, expectedVersion: 1) { body editedAt version } }', { id: posted.id });
    expect(edited.data.editMessage).toMatchObject({ body: 'Final', version: 2 });
    expect(edited.data.editMessage.editedAt).toBeTruthy();
    const stale = await member.request('mutation($id: ID!) { editMessage(id: $id, input: { body: "Lost" }, expectedVersion: 1) { body } }', { id: posted.id });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await owner.request('mutation($id: ID!) { editMessage(id: $id, input: { body: "Owner rewrite" }) { body } }', { id: posted.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const history = await owner.request('query($id: ID!) { message(id: $id) { history { totalCount edges { node { version actor validFrom snapshot { body } } } } } }', { id: posted.id });
    expect(history.data.message.history.edges.map((edge: any) => [edge.node.version, edge.node.snapshot.body, edge.node.actor])).toEqual([
      [1, 'Draft', `user:${memberId}`],
      [2, 'Final', `user:${memberId}`],
    ]);
    // validFrom has microseconds the DateTime scalar drops: a millisecond later is still version 1.
    const firstVersionAt = new Date(Date.parse(history.data.message.history.edges[0].node.validFrom) + 1).toISOString();
    expect((await owner.request('query($id: ID!, $at: DateTime) { message(id: $id, asOf: $at) { body } }', { id: posted.id, at: firstVersionAt })).data.message.body).toBe('Draft');
    const events = await t.db.admin('select action, actor from activity_events where entity_id = $1 order by seq', [posted.id]);
    expect(events.map((event: any) => event.action)).toEqual(['created', 'updated']);
    const [event] = await t.db.admin('select client_id from activity_events where entity_id = $1 limit 1', [posted.id]);
    expect(event.client_id).toBe(clientId);

    // The owner moderates: deletes and restores someone else's message.
    const deleted = await owner.request('mutation($id: ID!) { deleteMessage(id: $id) { deletedAt deletedBy } }', { id: posted.id });
    expect(deleted.data.deleteMessage.deletedBy).toBe(`user:${ownerId}`);
    const thread = posted.thread.id;
    const listed = await owner.request('query($t: ID!) { thread(id: $t) { messages { totalCount } all: messages(includeDeleted: true) { totalCount } } }', { t: thread });
    expect(listed.data.thread).toEqual({ messages: { totalCount: 0 }, all: { totalCount: 1 } });
    expect((await member.request('query($t: ID!) { thread(id: $t) { messages(includeDeleted: true) { totalCount } } }', { t: thread })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await owner.request('query($id: ID!) { message(id: $id) { id } }', { id: posted.id })).data.message).toBeNull();
    const restored = await member.request('mutation($id: ID!) { restoreMessage(id: $id) { body deletedAt } }', { id: posted.id });
    expect(restored.data.restoreMessage).toEqual({ body: 'Final', deletedAt: null });
    // A member cannot delete another member's (here: the owner's) message.
    const ownersMessage = (await owner.request(POST, { input: { threadId: thread, body: 'Owner says' } })).data.postMessage.id;
    expect((await member.request('mutation($id: ID!) { deleteMessage(id: $id) { id } }', { id: ownersMessage })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The edit, delete and restore are announced in the outbox; the refused ones announced nothing.
    const announced = await t.db.admin('select event_type, aggregate_type, payload from outbox where aggregate_id = $1 order by id', [posted.id]);
    expect(announced.map((row: any) => row.event_type)).toEqual(['MessagePosted', 'MessageUpdated', 'MessageDeleted', 'MessageRestored']);
    expect(announced[1]).toMatchObject({ aggregate_type: 'Message', payload: { version: 2, changed: ['body', 'editedAt'], threadId: thread, clientId } });
    expect(announced[2]).toMatchObject({ aggregate_type: 'Message', payload: { version: 3, threadId: thread, clientId } });
    expect(announced[3]).toMatchObject({ aggregate_type: 'Message', payload: { version: 4, threadId: thread, clientId } });
    expect((await t.db.admin('select event_type from outbox where aggregate_id = $1 order by id', [ownersMessage])).map((row: any) => row.event_type)).toEqual(['MessagePosted']);
  });

  it('soft-deletes and restores threads, and keeps a deleted thread reachable from its messages', async () => {
    const clientId = await newClient('Archived');
    const thread = (await owner.request('mutation($c: ID!) { createThread(input: { clientId: $c, subject: "Old" }) { id } }', { c: clientId })).data.createThread.id;
    const message = (await owner.request(POST, { input: { threadId: thread, body: 'Kept' } })).data.postMessage.id;
    const deleted = await owner.request('mutation($id: ID!) { deleteThread(id: $id, expectedVersion: 2) { deletedAt version } }', { id: thread });
    expect(deleted.data.deleteThread.version).toBe(3);
    expect((await owner.request('query($id: ID!) { thread(id: $id) { id } }', { id: thread })).data.thread).toBeNull();
    expect((await owner.request('query($c: ID!) { client(id: $c) { threads { totalCount } } }', { c: clientId })).data.client.threads.totalCount).toBe(0);
    const viaMessage = await owner.request('query($id: ID!) { message(id: $id) { thread { id deletedAt } } }', { id: message });
    expect(viaMessage.data.message.thread.id).toBe(thread);
    expect(viaMessage.data.message.thread.deletedAt).toBeTruthy();
    expect(errorOf(await owner.request(POST, { input: { threadId: thread, body: 'Into the void' } }))).toEqual({ code: 'NOT_FOUND', field: 'input.threadId' });
    await owner.request('mutation($id: ID!) { restoreThread(id: $id) { id } }', { id: thread });
    expect((await owner.request('query($c: ID!) { client(id: $c) { threads { totalCount } } }', { c: clientId })).data.client.threads.totalCount).toBe(1);
    const actions = await t.db.admin('select action from activity_events where entity_id = $1 order by seq', [thread]);
    expect(actions.map((row: any) => row.action)).toEqual(['created', 'updated', 'deleted', 'restored']);
    const announced = await t.db.admin('select event_type, aggregate_type, payload from outbox where aggregate_id = $1 order by id', [thread]);
    expect(announced.map((row: any) => row.event_type)).toEqual(['ThreadCreated', 'ThreadDeleted', 'ThreadRestored']);
    expect(announced[0]).toMatchObject({ aggregate_type: 'Thread', payload: { version: 1, clientId } });
    expect(announced[1]).toMatchObject({ aggregate_type: 'Thread', payload: { version: 3, clientId } });
    expect(announced[2]).toMatchObject({ aggregate_type: 'Thread', payload: { version: 4, clientId } });
  });

  it('serves the seeded threads through Client.threads via the gateway', async () => {
    const [seeded] = await t.db.admin('select client_id from threads where organization_id = $1 and is_main order by id limit 1', [t.tenants.alpha!.organizationId]);
    const result = await owner.request('query($c: ID!) { client(id: $c) { name threads { edges { node { subject main messages { totalCount edges { node { body author } } } } } } } }', { c: seeded.client_id });
    expect(result.errors).toBeUndefined();
    const main = result.data.client.threads.edges.find((edge: any) => edge.node.main).node;
    expect(main.subject).toBe('General');
    expect(main.messages.totalCount).toBe(3);
    expect(main.messages.edges[0].node.author).toBe('system');
  });
});
