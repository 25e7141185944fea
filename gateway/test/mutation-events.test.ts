import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQuickBooksStandIn, type QuickBooksStandIn } from '@ubos/quickbooks/standin';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// Every mutation of the public graph announces its change: found by introspection, each runs
// once on fresh data, and the outbox then holds the event of its type for the entity it
// answered, written in the transaction of the change. A mutation without a case below, or one
// that commits without its event, fails this test by itself.
let t: TestStack;
let owner: GraphQLClient;
// The QuickBooks connect flow runs the real client against the stand-in.
let quickBooks: QuickBooksStandIn;
beforeAll(async () => {
  quickBooks = await startQuickBooksStandIn();
  Object.assign(process.env, quickBooks.env(), { UBOS_INTEGRATION_KEY: randomBytes(32).toString('hex') });
  // Well over a hundred mutations from one owner in a few seconds: the rate limits (tested in
  // limits.test.ts) would refuse a walk that is about events.
  t = await startTestStack({ config: { rateLimits: { actor: null, tenant: null, login: null, account: null } } });
  owner = await t.as('alpha');
});
afterAll(async () => {
  await t?.close();
  await quickBooks?.close();
});

async function run(query: string, variables: Record<string, unknown> = {}, caller: GraphQLClient = owner) {
  const result = await caller.request(query, variables);
  expect(result.errors, query).toBeUndefined();
  return Object.values(result.data as Record<string, any>)[0];
}

const LINES = '[{ description: "Work", quantity: 1, unitPriceMinor: 1000 }]';
const ID = '{ id }';

/** One run of a mutation: the document (its field answers the changed entity), and the event it must leave. */
interface Case {
  query: string;
  variables?: Record<string, unknown>;
  event: string;
  /**
   * The id of the announced entity, from the field's answer (default: its id). A field that
   * answers no entity (a Boolean, a count, a session's tokens) finds it another way: from what
   * the case set up, or by a query after the run.
   */
  entity?: (answer: any) => string | Promise<string>;
  /** Who runs it (default: alpha's owner); anonymous mutations run as `t.anonymous`. */
  as?: GraphQLClient;
  /** The organization whose outbox must hold the event (default: alpha). */
  organizationId?: string;
}

/** A mutation that changes no row at all, and why; the test runs it and checks that it wrote nothing. */
interface Writes {
  writesNothing: string;
  query: string;
  variables?: Record<string, unknown>;
  as?: GraphQLClient;
}

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}`;

const newClient = async () => (await run('mutation($n: String!) { createClient(input: { name: $n }) { id } }', { n: unique('Client') })).id as string;
const newProject = async (clientId?: string) =>
  (await run('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Project" }) { id } }', { c: clientId ?? (await newClient()) })).id as string;
const newProposal = async () =>
  (await run(`mutation($c: ID!) { createProposal(input: { clientId: $c, title: "Offer", currency: "USD", lineItems: ${LINES} }) { id } }`, { c: await newClient() })).id as string;
const sentProposal = async () => {
  const id = await newProposal();
  await run('mutation($id: ID!) { sendProposal(id: $id) { id } }', { id });
  return id;
};
const newContract = async () =>
  (await run('mutation($c: ID!) { createContract(input: { clientId: $c, title: "Deal", value: { amountMinor: 100, currency: "USD" } }) { id } }', { c: await newClient() })).id as string;
const signedContract = async () => {
  const id = await newContract();
  await run('mutation($id: ID!) { signContract(id: $id, input: { signedBy: "Ada" }) { id } }', { id });
  return id;
};
const newEngagement = async (clientId?: string) =>
  (await run('mutation($c: ID!) { createEngagement(input: { clientId: $c, name: "Retainer", type: RETAINER }) { id clientId: client { id } } }', { c: clientId ?? (await newClient()) })).id as string;
const newThread = async () => (await run('mutation($c: ID!) { createThread(input: { clientId: $c, subject: "Hello" }) { id } }', { c: await newClient() })).id as string;
const newMessage = async () => (await run('mutation($t: ID!) { postMessage(input: { threadId: $t, body: "Hi" }) { id } }', { t: await newThread() })).id as string;
const newInvoice = async () =>
  (await run(`mutation($c: ID!) { createInvoice(input: { clientId: $c, currency: "USD", lineItems: ${LINES} }) { id } }`, { c: await newClient() })).id as string;
const sentInvoice = async () => {
  const id = await newInvoice();
  await run('mutation($id: ID!) { sendInvoice(id: $id) { id } }', { id });
  return id;
};
const newVendor = async () => (await run('mutation($n: String!) { createVendor(input: { name: $n }) { id } }', { n: unique('Vendor') })).id as string;
const newBill = async () => (await run(`mutation($v: ID!) { createBill(input: { vendorId: $v, currency: "USD", lineItems: ${LINES} }) { id } }`, { v: await newVendor() })).id as string;
const approvedBill = async () => {
  const id = await newBill();
  await run('mutation($id: ID!) { approveBill(id: $id) { id } }', { id });
  return id;
};
const WORKFLOW_INPUT =
  '{ name: "Notify", trigger: { eventType: "ClientCreated" }, steps: [{ key: "msg", name: "Hello", kind: POST_MESSAGE, input: { clientId: "{{event.payload.clientId}}", body: "Hello" } }] }';
const newWorkflow = async () => (await run(`mutation { createWorkflow(input: ${WORKFLOW_INPUT}) { id } }`)).id as string;
const newFile = async () =>
  (await run('mutation($c: ID!) { createUploadUrl(input: { clientId: $c, name: "a.txt", contentType: "text/plain", size: 3 }) { file { id } } }', { c: await newClient() })).file
    .id as string;
const newCustomField = async () =>
  (await run('mutation($k: String!) { defineCustomField(input: { entityType: CLIENT, key: $k, label: "Tier", type: TEXT }) { id } }', { k: `tier_${++counter}` })).id as string;
const newApiKey = async () => (await run('mutation($n: String!) { createApiKey(input: { name: $n, scopes: ["crm:read"] }) { apiKey { id } } }', { n: unique('Key') })).apiKey.id as string;

const PASSWORD = 'a fine long passphrase';
const SESSION = 'token refreshToken session { id } organization { id } user { id email }';
interface SignedUp {
  caller: GraphQLClient;
  refreshToken: string;
  sessionId: string;
  organizationId: string;
  userId: string;
  email: string;
}
/** A new organization and its owner, signed in with a session of their own (alpha's owner stays untouched). */
const signedUp = async (): Promise<SignedUp> => {
  const email = `owner.${++counter}@events.example`;
  const answer = await run(`mutation($input: SignUpInput!) { signUp(input: $input) { ${SESSION} } }`, { input: { organizationName: unique('Firm'), name: 'Nora', email, password: PASSWORD } }, t.anonymous);
  return { caller: t.anonymous.withToken(answer.token), refreshToken: answer.refreshToken, sessionId: answer.session.id, organizationId: answer.organization.id, userId: answer.user.id, email };
};
/** The token in the newest mail to the address: the mail is queued in the transaction of its change (the worker delivers it; reading the queue is enough here). */
const mailedToken = async (to: string, kind: string): Promise<string> => {
  const [mail] = await t.db.admin<{ body_text: string }>('select body_text from mail_outbox where to_address = $1 and kind = $2 order by id desc limit 1', [to, kind]);
  return /^Token: (\S+)$/m.exec(mail!.body_text)![1]!;
};
const INVITE = 'mutation($e: String!) { inviteMember(input: { email: $e, role: MEMBER }) { id } }';
const newInvitation = async (caller: GraphQLClient = owner) => (await run(INVITE, { e: `invited.${++counter}@events.example` }, caller)).id as string;
const membershipOf = async (organizationId: string, userId: string): Promise<string> =>
  (await t.db.admin<{ id: string }>('select id from memberships where organization_id = $1 and user_id = $2', [organizationId, userId]))[0]!.id;
/** A new member of the caller's organization (invited and accepted): its membership id. */
const newMember = async (caller: GraphQLClient = owner): Promise<string> => {
  const email = `member.${++counter}@events.example`;
  await run(INVITE, { e: email }, caller);
  const accepted = await run(`mutation($t: String!) { acceptInvitation(token: $t, name: "Mo", password: "${PASSWORD}") { ${SESSION} } }`, { t: await mailedToken(email, 'invitation') }, t.anonymous);
  return membershipOf(accepted.organization.id, accepted.user.id);
};
/**
 * A merge that every subgraph has applied (COMPLETED), so that it can be undone: its
 * ClientsMerged event handed to the gateway's POST /events as the worker's dispatch does.
 */
const completedMerge = async () => {
  const id = (await run('mutation($s: ID!, $d: ID!) { mergeClients(survivorId: $s, duplicateIds: [$d]) { id } }', { s: await newClient(), d: await newClient() })).id as string;
  const [event] = await t.db.admin<{ id: string; organization_id: string; event_type: string; aggregate_type: string; aggregate_id: string; payload: unknown; actor: string; request_id: string | null; occurred_at: Date }>(
    "select * from outbox where aggregate_id = $1 and event_type = 'ClientsMerged'",
    [id],
  );
  const token = await t.stack.tokens.signDelivery({ organizationId: event!.organization_id, eventId: event!.id });
  const delivered = await fetch(`${t.url}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      event: {
        id: event!.id,
        organizationId: event!.organization_id,
        type: event!.event_type,
        aggregateType: event!.aggregate_type,
        aggregateId: event!.aggregate_id,
        payload: event!.payload,
        actor: event!.actor,
        requestId: event!.request_id,
        occurredAt: new Date(event!.occurred_at).toISOString(),
      },
    }),
  });
  expect(delivered.status, await delivered.clone().text()).toBe(200);
  expect((await run('query($id: ID!) { clientMerge(id: $id) { status } }', { id })).status).toBe('COMPLETED');
  return id;
};

/** Deleted first, for purge and restore. */
async function deleted(kind: string, make: () => Promise<string>): Promise<string> {
  const id = await make();
  await run(`mutation($id: ID!) { delete${kind}(id: $id) { id } }`, { id });
  return id;
}
const byId = (name: string, event: string, make: () => Promise<string>, selection = ID) => async (): Promise<Case> => ({
  query: `mutation($id: ID!) { ${name}(id: $id) ${selection} }`,
  variables: { id: await make() },
  event,
});
const purged = (kind: string, make: () => Promise<string>) => async (): Promise<Case> => {
  const id = await deleted(kind, make);
  return { query: `mutation($id: ID!) { purge${kind}(id: $id) }`, variables: { id }, event: `${kind}Purged`, entity: () => id };
};
const newContact = async () => (await run('mutation($c: ID!) { createContact(input: { clientId: $c, firstName: "Ada" }) { id } }', { c: await newClient() })).id as string;
const newDeal = async () =>
  (await run('mutation($c: ID!) { createDeal(input: { clientId: $c, title: "Retainer", value: { amountMinor: 100, currency: "USD" } }) { id } }', { c: await newClient() })).id as string;
const newTask = async () => (await run('mutation($p: ID!) { createTask(input: { projectId: $p, title: "Ship" }) { id } }', { p: await newProject() })).id as string;
const newMilestone = async () => (await run('mutation($p: ID!) { createMilestone(input: { projectId: $p, name: "Launch" }) { id } }', { p: await newProject() })).id as string;

/** For each kind of main entity: its update input, and how to make a fresh one. */
const KINDS: Record<string, { make: () => Promise<string>; update?: string }> = {
  Client: { make: newClient, update: '{ name: "Renamed" }' },
  Contact: { make: newContact, update: '{ title: "CTO" }' },
  Deal: { make: newDeal, update: '{ title: "Bigger" }' },
  Project: { make: () => newProject(), update: '{ name: "Renamed" }' },
  Task: { make: newTask, update: '{ title: "Ship it" }' },
  Milestone: { make: newMilestone, update: '{ name: "Go live" }' },
  Proposal: { make: newProposal, update: '{ title: "Better offer" }' },
  Contract: { make: newContract, update: '{ title: "Renamed" }' },
  Engagement: { make: () => newEngagement(), update: '{ name: "Renamed" }' },
  Thread: { make: newThread, update: '{ subject: "Renamed" }' },
  Message: { make: newMessage },
  Invoice: { make: newInvoice, update: '{ notes: "Thanks" }' },
  Vendor: { make: newVendor, update: '{ name: "Renamed" }' },
  Bill: { make: newBill, update: '{ reference: "B-1" }' },
  Workflow: { make: newWorkflow, update: '{ name: "Renamed" }' },
  File: { make: newFile },
};

const CASES: Record<string, () => Promise<Case | Writes>> = {
  login: async () => ({
    query: `mutation { login(email: "owner@alpha.test", password: "ubos-demo") { ${SESSION} } }`,
    as: t.anonymous,
    event: 'SessionCreated',
    entity: (answer) => answer.session.id,
  }),
  signUp: async () => {
    const email = `signup.${++counter}@events.example`;
    let organizationId = '';
    return {
      query: `mutation($input: SignUpInput!) { signUp(input: $input) { ${SESSION} } }`,
      variables: { input: { organizationName: unique('Studio'), name: 'Sam', email, password: PASSWORD } },
      as: t.anonymous,
      event: 'OrganizationCreated',
      get organizationId() {
        return organizationId;
      },
      entity: (answer) => (organizationId = answer.organization.id),
    };
  },
  refreshSession: async () => {
    const account = await signedUp();
    return {
      query: `mutation($r: String!) { refreshSession(refreshToken: $r) { ${SESSION} } }`,
      variables: { r: account.refreshToken },
      as: t.anonymous,
      event: 'SessionUpdated',
      organizationId: account.organizationId,
      entity: (answer) => answer.session.id,
    };
  },
  logout: async () => {
    const account = await signedUp();
    return { query: 'mutation { logout }', as: account.caller, event: 'SessionUpdated', organizationId: account.organizationId, entity: () => account.sessionId };
  },
  logoutEverywhere: async () => {
    const account = await signedUp();
    return { query: 'mutation { logoutEverywhere }', as: account.caller, event: 'SessionUpdated', organizationId: account.organizationId, entity: () => account.sessionId };
  },
  revokeSession: async () => {
    const account = await signedUp();
    return { query: 'mutation($id: ID!) { revokeSession(id: $id) { id } }', variables: { id: account.sessionId }, as: account.caller, event: 'SessionUpdated', organizationId: account.organizationId };
  },
  changePassword: async () => {
    const account = await signedUp();
    return {
      query: `mutation { changePassword(currentPassword: "${PASSWORD}", newPassword: "another fine passphrase") }`,
      as: account.caller,
      event: 'UserPasswordChanged',
      organizationId: account.organizationId,
      entity: () => account.userId,
    };
  },
  requestPasswordReset: async () => {
    const account = await signedUp();
    return { query: 'mutation($e: String!) { requestPasswordReset(email: $e) }', variables: { e: account.email }, as: t.anonymous, event: 'UserPasswordResetRequested', organizationId: account.organizationId, entity: () => account.userId };
  },
  resetPassword: async () => {
    const account = await signedUp();
    await run('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: account.email }, t.anonymous);
    return {
      query: 'mutation($t: String!) { resetPassword(token: $t, newPassword: "a brand new passphrase") }',
      variables: { t: await mailedToken(account.email, 'password-reset') },
      as: t.anonymous,
      event: 'UserPasswordChanged',
      organizationId: account.organizationId,
      entity: () => account.userId,
    };
  },
  inviteMember: async () => ({ query: INVITE, variables: { e: `new.${++counter}@events.example` }, event: 'InvitationCreated' }),
  resendInvitation: byId('resendInvitation', 'InvitationUpdated', () => newInvitation()),
  revokeInvitation: byId('revokeInvitation', 'InvitationUpdated', () => newInvitation()),
  acceptInvitation: async () => {
    const email = `joining.${++counter}@events.example`;
    await run(INVITE, { e: email });
    return {
      query: `mutation($t: String!) { acceptInvitation(token: $t, name: "Jo", password: "${PASSWORD}") { ${SESSION} } }`,
      variables: { t: await mailedToken(email, 'invitation') },
      as: t.anonymous,
      event: 'MembershipCreated',
      entity: (answer) => membershipOf(answer.organization.id, answer.user.id),
    };
  },
  changeMemberRole: async () => ({ query: 'mutation($m: ID!) { changeMemberRole(membershipId: $m, role: ADMIN) { id } }', variables: { m: await newMember() }, event: 'MembershipUpdated' }),
  removeMember: async () => ({ query: 'mutation($m: ID!) { removeMember(membershipId: $m) { id } }', variables: { m: await newMember() }, event: 'MembershipDeleted' }),
  // In an organization of its own: the caller stops being an owner.
  transferOwnership: async () => {
    const account = await signedUp();
    return {
      query: 'mutation($m: ID!) { transferOwnership(membershipId: $m) { id } }',
      variables: { m: await newMember(account.caller) },
      as: account.caller,
      event: 'MembershipUpdated',
      organizationId: account.organizationId,
    };
  },
  // In an organization of its own: the run rewrites the organization's rows in the background.
  startTenantMigration: async () => {
    const account = await signedUp();
    return {
      query: 'mutation { startTenantMigration(targetVersion: 2) { status targetVersion } }',
      as: account.caller,
      event: 'TenantMigrationStarted',
      organizationId: account.organizationId,
      entity: async () => (await t.db.admin<{ id: string }>('select id from tenant_migration_runs where organization_id = $1', [account.organizationId]))[0]!.id,
    };
  },
  mergeClients: async () => ({
    query: 'mutation($s: ID!, $d: ID!) { mergeClients(survivorId: $s, duplicateIds: [$d]) { id } }',
    variables: { s: await newClient(), d: await newClient() },
    event: 'ClientsMerged',
  }),
  unmergeClient: async () => ({ query: 'mutation($id: ID!) { unmergeClient(mergeId: $id) { id } }', variables: { id: await completedMerge() }, event: 'ClientsUnmergeRequested' }),
  createClient: async () => ({ query: 'mutation { createClient(input: { name: "New" }) { id } }', event: 'ClientCreated' }),
  createContact: async () => ({ query: 'mutation($c: ID!) { createContact(input: { clientId: $c, firstName: "Ada" }) { id } }', variables: { c: await newClient() }, event: 'ContactCreated' }),
  createDeal: async () => ({
    query: 'mutation($c: ID!) { createDeal(input: { clientId: $c, title: "New", value: { amountMinor: 1, currency: "USD" } }) { id } }',
    variables: { c: await newClient() },
    event: 'DealCreated',
  }),
  createProject: async () => ({ query: 'mutation($c: ID!) { createProject(input: { clientId: $c, name: "New" }) { id } }', variables: { c: await newClient() }, event: 'ProjectCreated' }),
  createTask: async () => ({ query: 'mutation($p: ID!) { createTask(input: { projectId: $p, title: "New" }) { id } }', variables: { p: await newProject() }, event: 'TaskCreated' }),
  createMilestone: async () => ({ query: 'mutation($p: ID!) { createMilestone(input: { projectId: $p, name: "New" }) { id } }', variables: { p: await newProject() }, event: 'MilestoneCreated' }),
  createProposal: async () => ({
    query: `mutation($c: ID!) { createProposal(input: { clientId: $c, title: "New", currency: "USD", lineItems: ${LINES} }) { id } }`,
    variables: { c: await newClient() },
    event: 'ProposalCreated',
  }),
  sendProposal: byId('sendProposal', 'ProposalSent', newProposal),
  acceptProposal: byId('acceptProposal', 'ProposalAccepted', sentProposal),
  declineProposal: byId('declineProposal', 'ProposalDeclined', sentProposal),
  createContract: async () => ({
    query: 'mutation($c: ID!) { createContract(input: { clientId: $c, title: "New", value: { amountMinor: 1, currency: "USD" } }) { id } }',
    variables: { c: await newClient() },
    event: 'ContractCreated',
  }),
  signContract: async () => ({ query: 'mutation($id: ID!) { signContract(id: $id, input: { signedBy: "Ada" }) { id } }', variables: { id: await newContract() }, event: 'ContractSigned' }),
  completeContract: byId('completeContract', 'ContractCompleted', signedContract),
  terminateContract: byId('terminateContract', 'ContractTerminated', signedContract),
  createEngagement: async () => ({ query: 'mutation($c: ID!) { createEngagement(input: { clientId: $c, name: "New", type: RETAINER }) { id } }', variables: { c: await newClient() }, event: 'EngagementCreated' }),
  addProjectToEngagement: async () => {
    const client = await newClient();
    return { query: 'mutation($id: ID!, $p: ID!) { addProjectToEngagement(id: $id, projectId: $p) { id } }', variables: { id: await newEngagement(client), p: await newProject(client) }, event: 'EngagementProjectAdded' };
  },
  removeProjectFromEngagement: async () => {
    const client = await newClient();
    const [id, p] = [await newEngagement(client), await newProject(client)];
    await run('mutation($id: ID!, $p: ID!) { addProjectToEngagement(id: $id, projectId: $p) { id } }', { id, p });
    return { query: 'mutation($id: ID!, $p: ID!) { removeProjectFromEngagement(id: $id, projectId: $p) { id } }', variables: { id, p }, event: 'EngagementProjectRemoved' };
  },
  createThread: async () => ({ query: 'mutation($c: ID!) { createThread(input: { clientId: $c, subject: "New" }) { id } }', variables: { c: await newClient() }, event: 'ThreadCreated' }),
  postMessage: async () => ({ query: 'mutation($t: ID!) { postMessage(input: { threadId: $t, body: "New" }) { id } }', variables: { t: await newThread() }, event: 'MessagePosted' }),
  editMessage: async () => ({ query: 'mutation($id: ID!) { editMessage(id: $id, input: { body: "Edited" }) { id } }', variables: { id: await newMessage() }, event: 'MessageUpdated' }),
  defineCustomField: async () => ({
    query: 'mutation($k: String!) { defineCustomField(input: { entityType: DEAL, key: $k, label: "Size", type: TEXT }) { id } }',
    variables: { k: `size_${++counter}` },
    event: 'CustomFieldDefined',
  }),
  updateCustomField: async () => ({ query: 'mutation($id: ID!) { updateCustomField(id: $id, input: { label: "Level" }) { id } }', variables: { id: await newCustomField() }, event: 'CustomFieldUpdated' }),
  archiveCustomField: byId('archiveCustomField', 'CustomFieldArchived', newCustomField),
  eraseClient: byId('eraseClient', 'ClientErased', newClient),
  createUploadUrl: async () => ({
    query: 'mutation($c: ID!) { createUploadUrl(input: { clientId: $c, name: "b.txt", contentType: "text/plain", size: 3 }) { file { id } } }',
    variables: { c: await newClient() },
    event: 'FileObjectCreated',
    entity: (answer) => answer.file.id,
  }),
  completeUpload: async () => {
    const client = await newClient();
    const ticket = await run('mutation($c: ID!) { createUploadUrl(input: { clientId: $c, name: "c.txt", contentType: "text/plain", size: 3 }) { url method headers { name value } file { id } } }', { c: client });
    const response = await fetch(ticket.url, { method: ticket.method, headers: Object.fromEntries(ticket.headers.map((header: { name: string; value: string }) => [header.name, header.value])), body: 'abc' });
    expect(response.status).toBeLessThan(300);
    return { query: 'mutation($id: ID!) { completeUpload(fileId: $id) { id } }', variables: { id: ticket.file.id }, event: 'FileUploaded' };
  },
  createApiKey: async () => ({ query: 'mutation { createApiKey(input: { name: "Partner", scopes: ["crm:read"] }) { apiKey { id } } }', event: 'ApiKeyCreated', entity: (answer) => answer.apiKey.id }),
  revokeApiKey: byId('revokeApiKey', 'ApiKeyUpdated', newApiKey),
  registerPersistedOperations: async () => ({
    query: 'mutation($q: String!) { registerPersistedOperations(operations: [{ query: $q, name: "Clients" }]) { id } }',
    variables: { q: `query Clients${++counter} { clients(first: 1) { totalCount } }` },
    event: 'PersistedOperationRegistered',
    entity: (answer) => answer[0].id,
  }),
  createInvoice: async () => ({
    query: `mutation($c: ID!) { createInvoice(input: { clientId: $c, currency: "USD", lineItems: ${LINES} }) { id } }`,
    variables: { c: await newClient() },
    event: 'InvoiceCreated',
  }),
  sendInvoice: byId('sendInvoice', 'InvoiceSent', newInvoice),
  voidInvoice: byId('voidInvoice', 'InvoiceVoided', sentInvoice),
  recordPayment: async () => ({
    query: 'mutation($id: ID!) { recordPayment(input: { invoiceId: $id, amountMinor: 100 }) { payment { id } } }',
    variables: { id: await sentInvoice() },
    event: 'PaymentRecorded',
    entity: (answer) => answer.payment.id,
  }),
  createVendor: async () => ({ query: 'mutation { createVendor(input: { name: "New vendor" }) { id } }', event: 'VendorCreated' }),
  createBill: async () => ({
    query: `mutation($v: ID!) { createBill(input: { vendorId: $v, currency: "USD", lineItems: ${LINES} }) { id } }`,
    variables: { v: await newVendor() },
    event: 'BillCreated',
  }),
  approveBill: byId('approveBill', 'BillApproved', newBill),
  voidBill: byId('voidBill', 'BillVoided', approvedBill),
  recordBillPayment: async () => ({
    query: 'mutation($id: ID!) { recordBillPayment(input: { billId: $id, amountMinor: 100 }) { payment { id } } }',
    variables: { id: await approvedBill() },
    event: 'BillPaymentRecorded',
    entity: (answer) => answer.payment.id,
  }),
  createWorkflow: async () => ({ query: `mutation { createWorkflow(input: ${WORKFLOW_INPUT}) { id } }`, event: 'WorkflowCreated' }),
  enableWorkflow: async () => {
    const id = await newWorkflow();
    await run('mutation($id: ID!) { disableWorkflow(id: $id) { id } }', { id });
    return { query: 'mutation($id: ID!) { enableWorkflow(id: $id) { id } }', variables: { id }, event: 'WorkflowUpdated' };
  },
  disableWorkflow: byId('disableWorkflow', 'WorkflowUpdated', newWorkflow),
  retryWorkflowRun: async () => {
    const [run] = await t.db.admin<{ id: string }>("select r.id from workflow_runs r join organizations o on o.id = r.organization_id where o.slug = 'alpha' and r.status = 'FAILED' limit 1");
    return { query: 'mutation($id: ID!) { retryWorkflowRun(id: $id) { id } }', variables: { id: run!.id }, event: 'WorkflowRunRetryRequested' };
  },
  replayDeadLetterEvent: async () => {
    const [letter] = await t.db.admin<{ id: string }>(
      "select d.id from event_dead_letters d join organizations o on o.id = d.organization_id where o.slug = 'alpha' and d.replayed_at is null limit 1",
    );
    return { query: 'mutation($id: ID!) { replayDeadLetterEvent(id: $id) { id } }', variables: { id: letter!.id }, event: 'DeadLetterReplayRequested' };
  },
};
// Integrations: an Integration answers by provider, so its event is found on the connection's row.
const QUICKBOOKS_CONNECTION = async () =>
  (await t.db.admin<{ id: string }>("select c.id from integration_connections c join organizations o on o.id = c.organization_id where o.slug = 'alpha' and c.provider = 'QUICKBOOKS'"))[0]!.id;
/** Through Intuit's consent page (the stand-in's): the callback's code, state and realm. */
async function quickBooksCallback() {
  quickBooks.approveAs('mutation-events');
  const started = await run('mutation { connectQuickBooks(redirectUri: "https://app.example.com/cb") { authorizationUrl } }');
  const location = new URL((await fetch(started.authorizationUrl, { redirect: 'manual' })).headers.get('location')!);
  return { code: location.searchParams.get('code')!, state: location.searchParams.get('state')!, realmId: location.searchParams.get('realmId')! };
}
const COMPLETE_QUICKBOOKS = 'mutation($code: String!, $state: String!, $realmId: String!) { completeQuickBooksConnection(code: $code, state: $state, realmId: $realmId) { status } }';
async function quickBooksConnected(): Promise<void> {
  const [connection] = await t.db.admin<{ status: string }>("select c.status from integration_connections c join organizations o on o.id = c.organization_id where o.slug = 'alpha' and c.provider = 'QUICKBOOKS'");
  if (connection?.status !== 'CONNECTED') await run(COMPLETE_QUICKBOOKS, await quickBooksCallback());
}
Object.assign(CASES, {
  connectQuickBooks: async () => ({
    writesNothing: 'it signs a state and answers the consent URL; the connection is made by completeQuickBooksConnection',
    query: 'mutation { connectQuickBooks(redirectUri: "https://app.example.com/cb") { authorizationUrl state } }',
  }),
  completeQuickBooksConnection: async () => ({ query: COMPLETE_QUICKBOOKS, variables: await quickBooksCallback(), event: 'IntegrationConnectionUpdated', entity: QUICKBOOKS_CONNECTION }),
  disconnectIntegration: async () => {
    await quickBooksConnected();
    return { query: 'mutation { disconnectIntegration(provider: QUICKBOOKS) { status } }', event: 'IntegrationConnectionUpdated', entity: QUICKBOOKS_CONNECTION };
  },
  resyncIntegration: async () => {
    await quickBooksConnected();
    return { query: 'mutation { resyncIntegration(provider: QUICKBOOKS) { syncing } }', event: 'IntegrationSyncRequested', entity: QUICKBOOKS_CONNECTION };
  },
  resolveQuickBooksConflict: async () => {
    const [mapping] = await t.db.admin<{ id: string }>(
      `insert into integration_quickbooks_customers (organization_id, client_id, qb_customer_id, sync_state, conflict_ubos, conflict_remote)
       select c.organization_id, c.id, $2, 'CONFLICT', '{"PrimaryPhone": null}', '{"PrimaryPhone": "+1 555 0100"}' from clients c where c.id = $1 returning id`,
      [await newClient(), `qb-${++counter}`],
    );
    return { query: 'mutation($id: ID!) { resolveQuickBooksConflict(id: $id, keep: UBOS) { id } }', variables: { id: mapping!.id }, event: 'QuickBooksConflictResolved' };
  },
} satisfies Record<string, () => Promise<Case | Writes>>);

// The update, delete, restore and purge mutations of every main entity follow one pattern.
for (const [kind, { make, update }] of Object.entries(KINDS)) {
  const type = kind === 'File' ? 'FileObject' : kind;
  if (update) {
    CASES[`update${kind}`] = async () => ({ query: `mutation($id: ID!) { update${kind}(id: $id, input: ${update}) { id } }`, variables: { id: await make() }, event: `${type}Updated` });
  }
  CASES[`delete${kind}`] = byId(`delete${kind}`, `${type}Deleted`, make);
  CASES[`restore${kind}`] = byId(`restore${kind}`, `${type}Restored`, () => deleted(kind, make));
  CASES[`purge${kind}`] = purged(kind, make);
}

describe('every mutation', () => {
  it('puts the event of its change in the outbox, in the transaction of the change', async () => {
    const introspection = await owner.request('{ __schema { mutationType { fields { name } } } }');
    const mutations: string[] = introspection.data.__schema.mutationType.fields.map((field: { name: string }) => field.name);
    expect(mutations.length).toBeGreaterThan(90);
    expect(mutations.filter((name) => !CASES[name]), 'mutations without a case').toEqual([]);

    const [alpha] = await t.db.admin<{ id: string }>("select id from organizations where slug = 'alpha'");
    const silent: string[] = [];
    for (const name of mutations) {
      const prepared = await CASES[name]!();
      if ('writesNothing' in prepared) {
        const before = await t.db.admin<{ n: number }>('select (select count(*) from outbox)::int + (select count(*) from activity_events)::int as n');
        await run(prepared.query, prepared.variables, prepared.as);
        const after = await t.db.admin<{ n: number }>('select (select count(*) from outbox)::int + (select count(*) from activity_events)::int as n');
        expect(after, `${name}: ${prepared.writesNothing}`).toEqual(before);
        continue;
      }
      const answer = await run(prepared.query, prepared.variables, prepared.as);
      const entityId = prepared.entity ? await prepared.entity(answer) : answer.id;
      expect(entityId, `${name} answers the entity it changed`).toMatch(/^[0-9a-f-]{36}$/);
      const events = await t.db.admin<{ organization_id: string; with_change: boolean | null }>(
        // The audit trigger writes in the transaction of the change: the event's row must carry
        // the same transaction id (xmin) as the audit event of its entity in that request.
        `select o.organization_id,
                (select bool_or(a.xmin::text = o.xmin::text) from activity_events a where a.entity_id = o.aggregate_id and a.request_id = o.request_id) as with_change
           from outbox o where o.aggregate_id = $1 and o.event_type = $2`,
        [entityId, prepared.event],
      );
      if (events.length === 0) {
        silent.push(`${name} (${prepared.event})`);
        continue;
      }
      const organizationId = prepared.organizationId ?? alpha!.id;
      expect(events.map((event) => event.organization_id), name).toEqual(events.map(() => organizationId));
      if (events.at(-1)!.with_change !== null) expect(events.at(-1)!.with_change, `${name}: the event is written with its change`).toBe(true);
    }
    expect(silent, 'mutations that committed without their event').toEqual([]);
  });
});
