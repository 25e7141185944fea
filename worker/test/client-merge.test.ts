import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@ubos/kernel';
import type { GraphQLClient } from '@ubos/test-support/stack';
import { acceptProposal, sentProposal } from './proposals.js';
import { startWorkflowStack, waitUntil, type WorkflowStack } from './support.js';

// Client merge end to end, through the gateway: crm marks the duplicates MERGED at once, the
// worker hands ClientsMerged to the gateway's /events, and every subgraph re-points its own
// rows; then unmergeClient moves everything back the same way. Checked subgraph by subgraph
// in the graph and in the database, with the audit chain verified after each.

let stack: WorkflowStack;
let owner: GraphQLClient;
let ownerId: string;
let organizationId: string;
let workerStarted = false;

/** The worker runs from the first test that needs it (the second test first checks a merge with none running). */
async function ensureWorker(): Promise<void> {
  if (workerStarted) return;
  workerStarted = true;
  await stack.startWorker();
}

/** Every table that names a client, by the subgraph that owns it. */
const CLIENT_TABLES: Record<string, string[]> = {
  crm: ['contacts', 'deals'],
  agreements: ['proposals', 'contracts'],
  engagements: ['engagements', 'engagement_projects'],
  projects: ['projects'],
  revenue: ['invoices', 'payments'],
  communication: ['threads', 'messages'],
  files: ['files'],
  workflow: ['workflow_runs'],
};

const CLIENT_LISTS = `
  id name email status
  contacts(first: 50) { totalCount edges { node { id isPrimary } } }
  deals(first: 50) { totalCount }
  proposals(first: 50) { totalCount }
  contracts(first: 50) { totalCount }
  engagements(first: 50) { totalCount edges { node { id projects { id } contract { id } } } }
  projects(first: 50) { totalCount }
  invoices(first: 50) { totalCount edges { node { id payments { id } } } }
  threads(first: 50) { totalCount edges { node { id main } } }
  files(first: 50) { totalCount }
  workflowRuns(first: 50) { edges { node { id } } }
`;

async function gql(query: string, variables?: Record<string, unknown>, as: GraphQLClient = owner) {
  const result = await as.request(query, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data;
}

/** Rows per table that name each client, straight from the database. */
async function rowsByClient(clientIds: string[]): Promise<Record<string, Record<string, number>>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const table of Object.values(CLIENT_TABLES).flat()) {
    const rows = await stack.db.admin<{ client_id: string; count: string }>(`select client_id, count(*) from ${table} where client_id = any($1::uuid[]) group by client_id`, [clientIds]);
    counts[table] = Object.fromEntries(clientIds.map((id) => [id, Number(rows.find((row) => row.client_id === id)?.count ?? 0)]));
  }
  return counts;
}

/** A client with rows in every subgraph: an accepted proposal (the default workflow adds a contract, an engagement with a project, a welcome message on the main thread and a run), a primary contact, a deal, an invoice under the engagement with a payment, a project thread and two files. */
async function clientWithEverything(title: string, email: string): Promise<string> {
  const proposal = await sentProposal(owner, title);
  await gql('mutation($id: ID!, $email: String!) { updateClient(id: $id, input: { email: $email, phone: "+44 20 7946 0018" }) { id } }', { id: proposal.clientId, email });
  await acceptProposal(owner, proposal.proposalId);
  await gql('mutation($c: ID!) { createContact(input: { clientId: $c, firstName: "Pat", lastName: "Primary", isPrimary: true }) { id } }', { c: proposal.clientId });
  await gql('mutation($c: ID!) { createDeal(input: { clientId: $c, title: "Upsell", value: { amountMinor: 5000, currency: "USD" } }) { id } }', { c: proposal.clientId });
  return proposal.clientId;
}

async function finishSetup(clientId: string): Promise<void> {
  const made = await waitUntil(async () => {
    const data = await gql(`query($id: ID!) { client(id: $id) { workflowRuns { edges { node { status } } } engagements { edges { node { id projects { id } } } } } }`, { id: clientId });
    const runs = data.client.workflowRuns.edges;
    return runs.length === 1 && runs[0].node.status === 'SUCCEEDED' && data.client.engagements.edges[0]?.node.projects[0] ? data.client : undefined;
  }, 'the default workflow');
  const engagement = made.engagements.edges[0].node;
  const invoice = await gql(
    'mutation($c: ID!, $e: ID!) { createInvoice(input: { clientId: $c, engagementId: $e, currency: "USD", lineItems: [{ description: "Retainer", quantity: 1, unitPriceMinor: 100000, taxRate: 0 }] }) { id } }',
    { c: clientId, e: engagement.id },
  );
  await gql('mutation($id: ID!) { sendInvoice(id: $id) { id } }', { id: invoice.createInvoice.id });
  await gql('mutation($id: ID!) { recordPayment(input: { invoiceId: $id, amountMinor: 40000 }) { payment { id } } }', { id: invoice.createInvoice.id });
  const projectId = engagement.projects[0].id;
  await gql('mutation($c: ID!, $p: ID!) { createThread(input: { clientId: $c, projectId: $p, subject: "Delivery" }) { id } }', { c: clientId, p: projectId });
  const checksum = createHash('sha256').update('brief').digest('hex');
  await gql('mutation($c: ID!, $s: String!) { createUploadUrl(input: { clientId: $c, name: "brief.txt", contentType: "text/plain", size: 5, checksumSha256: $s }) { url } }', { c: clientId, s: checksum });
  await gql('mutation($p: ID!, $s: String!) { createUploadUrl(input: { projectId: $p, name: "plan.txt", contentType: "text/plain", size: 5, checksumSha256: $s }) { url } }', { p: projectId, s: checksum });
}

const mergeStatus = (mergeId: string) => gql('query($id: ID!) { clientMerge(id: $id) { status } }', { id: mergeId }).then((data) => data.clientMerge.status as string);

const verifyChain = async () => (await gql('query($org: ID!) { verifyAuditChain(organizationId: $org) { ok eventsChecked } }', { org: organizationId })).verifyAuditChain;

describe('client merge', () => {
  beforeAll(async () => {
    stack = await startWorkflowStack();
    owner = await stack.as('alpha');
    organizationId = stack.tenants.alpha!.organizationId;
    ownerId = stack.tenants.alpha!.userIds['owner@alpha.test']!;
  });
  afterAll(() => stack?.close());

  it('refuses bad merges with the field at fault, and members', async () => {
    const [a, b] = await Promise.all(['Refusal A', 'Refusal B'].map(async (name) => (await gql('mutation($n: String!) { createClient(input: { name: $n }) { id } }', { n: name })).createClient.id as string));
    const merge = (variables: Record<string, unknown>, as = owner) =>
      as.request('mutation($s: ID!, $d: [ID!]!, $c: [ClientFieldChoice!]) { mergeClients(survivorId: $s, duplicateIds: $d, fieldChoices: $c) { id } }', variables);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ s: a, d: [] }, 'BAD_USER_INPUT', 'duplicateIds'],
      [{ s: a, d: [a] }, 'BAD_USER_INPUT', 'duplicateIds.0'],
      [{ s: a, d: [b, b] }, 'BAD_USER_INPUT', 'duplicateIds.1'],
      [{ s: a, d: [b, '0190d5a4-0000-7000-8000-000000000000'] }, 'NOT_FOUND', 'duplicateIds.1'],
      [{ s: a, d: [b], c: [{ field: 'NAME', clientId: '0190d5a4-0000-7000-8000-000000000000' }] }, 'BAD_USER_INPUT', 'fieldChoices.0.clientId'],
      [{ s: a, d: [b], c: [{ field: 'NAME', customFieldKey: 'tier', clientId: b }] }, 'BAD_USER_INPUT', 'fieldChoices.0'],
    ];
    for (const [variables, code, field] of cases) {
      const result = await merge(variables);
      expect(result.data?.mergeClients ?? null, field).toBeNull();
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code, field });
    }
    const byHand = await owner.request('mutation($id: ID!) { updateClient(id: $id, input: { status: MERGED }) { id } }', { id: a });
    expect(byHand.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status' });
    const member = await stack.anonymous.login('member@alpha.test');
    expect((await merge({ s: a, d: [b] }, member)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Nothing was written by any refusal.
    const [row] = await stack.db.admin<{ count: string }>('select count(*) from client_merges where client_id = any($1::uuid[])', [[a, b]]);
    expect(Number(row!.count)).toBe(0);
  });

  it('answers the survivor for a merged id at once, refuses new rows on it, and cannot be undone while applying or once the survivor changed', async () => {
    // No worker yet: the merge stays APPLYING until one runs.
    const [survivor, duplicate] = await Promise.all(
      ['Globex', 'Globex Corp.'].map(async (name) => (await gql('mutation($n: String!) { createClient(input: { name: $n }) { id } }', { n: name })).createClient.id as string),
    );
    await gql('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Old link" }) { id } }', { c: duplicate });
    const merged = await gql('mutation($s: ID!, $d: [ID!]!) { mergeClients(survivorId: $s, duplicateIds: $d) { id status survivor { id } duplicates { id status mergedInto { id } deletedAt } } }', { s: survivor, d: [duplicate] });
    const mergeId = merged.mergeClients.id as string;
    expect(merged.mergeClients).toMatchObject({ status: 'APPLYING', survivor: { id: survivor }, duplicates: [{ id: duplicate, status: 'MERGED', mergedInto: { id: survivor } }] });
    expect((await gql('query($id: ID!) { client(id: $id) { id name } }', { id: duplicate })).client).toEqual({ id: survivor, name: 'Globex' });

    const early = await owner.request('mutation($id: ID!) { unmergeClient(mergeId: $id) { id } }', { id: mergeId });
    expect(early.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(early.errors?.[0]?.message).toMatch(/still being applied/);
    const late = await owner.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Too late" }) { id } }', { c: duplicate });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.clientId' });
    const restored = await owner.request('mutation($id: ID!) { restoreClient(id: $id) { id } }', { id: duplicate });
    expect(restored.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const again = await owner.request('mutation($s: ID!, $d: [ID!]!) { mergeClients(survivorId: $s, duplicateIds: $d) { id } }', { s: survivor, d: [duplicate] });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'duplicateIds.0' });

    await ensureWorker();
    await waitUntil(async () => (await mergeStatus(mergeId)) === 'COMPLETED', 'the merge to complete');
    const projects = await gql('query($id: ID!) { client(id: $id) { projects { edges { node { name } } } } }', { id: survivor });
    expect(projects.client.projects.edges.map((edge: any) => edge.node.name)).toEqual(['Old link']);

    // Something newer depends on the merge: the survivor changed after it.
    await gql('mutation($id: ID!) { updateClient(id: $id, input: { industry: "Energy" }) { id } }', { id: survivor });
    const undoable = await gql('query($id: ID!) { clientMerge(id: $id) { undoable { possible reason } } }', { id: mergeId });
    expect(undoable.clientMerge.undoable.possible).toBe(false);
    expect(undoable.clientMerge.undoable.reason).toMatch(/survivor changed after the merge/);
    const blocked = await owner.request('mutation($id: ID!) { unmergeClient(mergeId: $id) { id } }', { id: mergeId });
    expect(blocked.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(blocked.errors?.[0]?.message).toBe(undoable.clientMerge.undoable.reason);
    expect(await mergeStatus(mergeId)).toBe('COMPLETED');

    // Forgetting the survivor forgets the records merged into it.
    await gql('mutation($id: ID!) { eraseClient(id: $id) { id } }', { id: survivor });
    const [erased] = await stack.db.admin<{ name: string }>('select name from clients where id = $1', [duplicate]);
    expect(erased!.name).toMatch(/^erased:/);
  });

  it('takes event deliveries only with a delivery token for that very event and tenant', async () => {
    const event = {
      id: uuidv7(),
      organizationId,
      type: 'ClientsMerged',
      aggregateType: 'ClientMerge',
      aggregateId: uuidv7(),
      payload: { mergeId: uuidv7(), survivorId: uuidv7(), duplicateIds: [uuidv7()] },
      actor: `user:${ownerId}`,
      requestId: null,
      occurredAt: new Date().toISOString(),
    };
    const post = async (token?: string) =>
      (await fetch(`${stack.url}/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ event }) })).status;
    expect(await post()).toBe(401);
    expect(await post(owner.token)).toBe(401);
    expect(await post(await stack.stack.tokens.signService({ organizationId, runId: uuidv7() }))).toBe(401);
    expect(await post(await stack.stack.tokens.signDelivery({ organizationId, eventId: uuidv7() }))).toBe(400);
    expect(await post(await stack.stack.tokens.signDelivery({ organizationId: stack.tenants.beta!.organizationId, eventId: event.id }))).toBe(400);
    // Nor is a delivery token good for anything else.
    const delivery = await stack.stack.tokens.signDelivery({ organizationId, eventId: event.id });
    expect((await owner.withToken(delivery).request('{ clients(first: 1) { totalCount } }')).status).toBe(401);
  });

  it('suggests a new look-alike as a duplicate once the worker has delivered its event to crm alone', async () => {
    await ensureWorker();
    const made: string[] = [];
    for (const name of ['Initech Software', 'Initech Software LLC']) made.push((await gql('mutation($n: String!) { createClient(input: { name: $n }) { id } }', { n: name })).createClient.id);
    // Eventual: the worker dispatches ClientCreated, the gateway hands it to crm's handler.
    const pair = await waitUntil(async () => {
      const data = await gql('{ clientDuplicates(first: 100) { client { id } duplicate { id } reasons } }');
      return data.clientDuplicates.find((candidate: any) => candidate.client.id === made[1] && candidate.duplicate.id === made[0]);
    }, 'the pair from the worker');
    expect(pair.reasons).toEqual(['SIMILAR_NAME']);
    // crm alone received it: one subgraph inbox row per event, and no dead letter.
    const handlers = await stack.db.admin<{ handler: string }>(
      `select i.handler from inbox i join outbox o on o.organization_id = i.organization_id and o.id = i.event_id
        where o.aggregate_id = $1 and o.event_type = 'ClientCreated' order by i.handler`,
      [made[1]],
    );
    expect(handlers.map((row) => row.handler)).toEqual(['subgraph:crm', 'workflow-router']);
    expect(await stack.db.admin('select d.id from event_dead_letters d join outbox o on o.organization_id = d.organization_id and o.id = d.id where o.aggregate_id = any($1::uuid[])', [made])).toEqual([]);
  });

  it('merges three clients with rows in every subgraph, settles the conflicts by their rules, audits it under one request id, and undoes it', async () => {
    await ensureWorker();
    const survivor = await clientWithEverything('Initech', 'hello@initech.test');
    const first = await clientWithEverything('Initech Inc', 'billing@initech.test');
    const second = await clientWithEverything('INITECH', 'ops@initech-group.test');
    for (const id of [survivor, first, second]) await finishSetup(id);
    const everyone = [survivor, first, second];
    const before = await rowsByClient(everyone);
    const listsBefore = await Promise.all(everyone.map(async (id) => (await gql(`query($id: ID!) { client(id: $id) { ${CLIENT_LISTS} } }`, { id })).client));
    for (const table of Object.values(CLIENT_TABLES).flat()) for (const id of everyone) expect(before[table]![id], `${table} of each client`).toBeGreaterThan(0);

    // The suggestions see them (same phone, similar names).
    const suggestions = await gql('{ clientDuplicates(first: 50) { client { id } duplicate { id } reasons score } }');
    const pairs = suggestions.clientDuplicates.map((pair: any) => [pair.client.id, pair.duplicate.id].sort().join());
    expect(pairs).toEqual(expect.arrayContaining([[survivor, first].sort().join(), [survivor, second].sort().join(), [first, second].sort().join()]));

    const response = await owner.request(
      `mutation($s: ID!, $d: [ID!]!, $c: [ClientFieldChoice!]) { mergeClients(survivorId: $s, duplicateIds: $d, fieldChoices: $c) { id status requestId survivor { id name email } } }`,
      { s: survivor, d: [first, second], c: [{ field: 'NAME', clientId: first }, { field: 'EMAIL', clientId: second }] },
    );
    expect(response.errors).toBeUndefined();
    const merge = response.data.mergeClients;
    expect(merge.survivor).toEqual({ id: survivor, name: 'Initech Inc Ltd', email: 'ops@initech-group.test' });
    await waitUntil(async () => (await mergeStatus(merge.id)) === 'COMPLETED', 'the merge to complete');

    // Subgraph by subgraph, in the database: nothing names a duplicate any more, and the survivor has every row.
    const after = await rowsByClient(everyone);
    for (const [subgraph, tables] of Object.entries(CLIENT_TABLES)) {
      for (const table of tables) {
        expect([after[table]![first], after[table]![second]], `${subgraph}: ${table} of the duplicates`).toEqual([0, 0]);
        expect(after[table]![survivor], `${subgraph}: ${table} of the survivor`).toBe(everyone.reduce((sum, id) => sum + before[table]![id]!, 0));
      }
    }
    // And in the graph: the survivor's lists hold everything; an old id answers the survivor.
    const lists = (await gql(`query($id: ID!) { client(id: $id) { ${CLIENT_LISTS} } }`, { id: first })).client;
    expect(lists.id).toBe(survivor);
    for (const list of ['contacts', 'deals', 'proposals', 'contracts', 'engagements', 'projects', 'invoices', 'threads', 'files']) {
      expect(lists[list].totalCount, list).toBe(listsBefore.reduce((sum, client) => sum + client[list].totalCount, 0));
    }
    expect(lists.workflowRuns.edges).toHaveLength(3);
    // The engagements keep their contracts and projects; the invoices their payments.
    for (const edge of lists.engagements.edges) expect([edge.node.contract, edge.node.projects.length]).toEqual([expect.objectContaining({ id: expect.any(String) }), 1]);
    expect(lists.invoices.edges.map((edge: any) => edge.node.payments.length)).toEqual([1, 1, 1]);

    // Conflicts: one main thread and one primary contact remain (the survivor's); the open engagements are reported.
    expect(lists.threads.edges.filter((edge: any) => edge.node.main)).toHaveLength(1);
    expect(lists.contacts.edges.filter((edge: any) => edge.node.isPrimary)).toHaveLength(1);
    const report = (await gql('query($id: ID!) { clientMerge(id: $id) { moves { subgraph entityType count } conflicts { subgraph entityType entityIds rule changed } undoable { possible } } }', { id: merge.id })).clientMerge;
    const conflicts = Object.fromEntries(report.conflicts.map((conflict: any) => [`${conflict.subgraph}:${conflict.entityType}`, conflict]));
    expect(conflicts['communication:Thread']).toMatchObject({ changed: { isMain: false } });
    expect(conflicts['communication:Thread'].entityIds).toHaveLength(2);
    expect(conflicts['crm:Contact']).toMatchObject({ changed: { isPrimary: false } });
    expect(conflicts['crm:Contact'].entityIds).toHaveLength(2);
    expect(conflicts['engagements:Engagement'].entityIds).toHaveLength(3);
    expect(conflicts['engagements:Engagement'].rule).toMatch(/kept on the survivor/);
    expect(new Set(report.moves.map((move: any) => move.subgraph))).toEqual(new Set(['crm', 'agreements', 'engagements', 'projects', 'revenue', 'communication', 'files', 'workflow']));
    expect(report.undoable.possible).toBe(true);

    // Audited end to end: every subgraph's change carries the merge's request id and the merging user, in the survivor's timeline.
    const timeline = (await gql('query($id: ID!) { client(id: $id) { timeline(first: 100) { edges { node { entityType action actor requestId } } } } }', { id: survivor })).client.timeline.edges.map(
      (edge: any) => edge.node,
    );
    const ofMerge = timeline.filter((event: any) => event.requestId === merge.requestId);
    expect(new Set(ofMerge.map((event: any) => event.entityType))).toEqual(
      new Set(['Client', 'ClientMerge', 'Contact', 'Deal', 'Proposal', 'Contract', 'Engagement', 'Project', 'Invoice', 'Payment', 'Thread', 'Message', 'FileObject']),
    );
    // A project link is filed under its project's client as it was when the link moved, so it may sit in a duplicate's timeline; the trail has it either way.
    const trail = await stack.db.admin<{ entity_type: string; actor: string }>('select distinct entity_type, actor from activity_events where request_id = $1', [merge.requestId]);
    expect(trail.map((event) => event.entity_type)).toContain('EngagementProject');
    expect(new Set(trail.map((event) => event.actor))).toEqual(new Set([`user:${ownerId}`]));
    expect(await verifyChain()).toMatchObject({ ok: true });

    // Undo: every row goes back to the client it came from, and the rules' changes are reverted.
    const undo = await gql('mutation($id: ID!) { unmergeClient(mergeId: $id) { status } }', { id: merge.id });
    expect(undo.unmergeClient.status).toBe('UNDOING');
    await waitUntil(async () => (await mergeStatus(merge.id)) === 'UNDONE', 'the unmerge to finish');
    expect(await rowsByClient(everyone)).toEqual(before);
    const listsUndone = await Promise.all(everyone.map(async (id) => (await gql(`query($id: ID!) { client(id: $id) { ${CLIENT_LISTS} } }`, { id })).client));
    const shape = (client: any) => ({
      id: client.id,
      name: client.name,
      email: client.email,
      status: client.status,
      mains: client.threads.edges.filter((edge: any) => edge.node.main).length,
      primaries: client.contacts.edges.filter((edge: any) => edge.node.isPrimary).length,
    });
    expect(listsUndone.map(shape)).toEqual(listsBefore.map(shape));
    expect(await verifyChain()).toMatchObject({ ok: true });
    const done = await owner.request('mutation($id: ID!) { unmergeClient(mergeId: $id) { id } }', { id: merge.id });
    expect(done.errors?.[0]?.message).toMatch(/already undone/);
  }, 180_000);

  it("re-points QuickBooks mappings by the one-customer rule, reports the customer kept apart, and moves them back on undo", async () => {
    await ensureWorker();
    const newClient = async (name: string) => (await gql('mutation($n: String!) { createClient(input: { name: $n }) { id } }', { n: name })).createClient.id as string;
    const [survivor, first, second] = [await newClient('Hooli'), await newClient('Hooli XYZ'), await newClient('HOOLI')];
    const invoice = (
      await gql('mutation($c: ID!) { createInvoice(input: { clientId: $c, currency: "USD", lineItems: [{ description: "Work", quantity: 1, unitPriceMinor: 1000 }] }) { id } }', { c: first })
    ).createInvoice.id as string;
    // Both duplicates are in QuickBooks, the survivor not yet (the router may already hold an empty mapping for it: it names no customer).
    const suffix = uuidv7().slice(-12);
    const mapCustomer = (clientId: string, remoteId: string) =>
      stack.db.admin(
        `insert into integration_quickbooks_customers (organization_id, client_id, qb_customer_id, qb_sync_token, sync_state) values ($1, $2, $3, '0', 'SYNCED')
         on conflict (organization_id, client_id) do update set qb_customer_id = excluded.qb_customer_id, qb_sync_token = '0', sync_state = 'SYNCED'`,
        [organizationId, clientId, remoteId],
      );
    await mapCustomer(first, `qb-first-${suffix}`);
    await mapCustomer(second, `qb-second-${suffix}`);
    await stack.db.admin(
      `insert into integration_quickbooks_invoices (organization_id, invoice_id, qb_invoice_id, qb_sync_token, sync_state) values ($1, $2, $3, '0', 'SYNCED')
       on conflict (organization_id, invoice_id) do update set qb_invoice_id = excluded.qb_invoice_id, sync_state = 'SYNCED'`,
      [organizationId, invoice, `qb-invoice-${suffix}`],
    );
    const customers = async () =>
      Object.fromEntries(
        (
          await stack.db.admin<{ qb_customer_id: string; client_id: string }>(
            'select qb_customer_id, client_id from integration_quickbooks_customers where organization_id = $1 and client_id = any($2::uuid[]) and qb_customer_id is not null',
            [organizationId, [survivor, first, second]],
          )
        ).map((row) => [row.qb_customer_id.replace(`-${suffix}`, ''), row.client_id]),
      );
    const invoiceMapping = async () =>
      stack.db.admin<{ qb_invoice_id: string; client_id: string }>(
        'select m.qb_invoice_id, i.client_id from integration_quickbooks_invoices m join invoices i on i.organization_id = m.organization_id and i.id = m.invoice_id where m.organization_id = $1 and m.invoice_id = $2',
        [organizationId, invoice],
      );
    const [secondMapping] = await stack.db.admin<{ id: string }>('select id from integration_quickbooks_customers where organization_id = $1 and client_id = $2', [organizationId, second]);

    const merge = (await gql('mutation($s: ID!, $d: [ID!]!) { mergeClients(survivorId: $s, duplicateIds: $d) { id } }', { s: survivor, d: [first, second] })).mergeClients;
    await waitUntil(async () => (await mergeStatus(merge.id)) === 'COMPLETED', 'the merge to complete');
    // The first duplicate's customer is now the survivor's; the second's stays on its merged client, reported; the invoice's mapping follows its invoice.
    expect(await customers()).toEqual({ 'qb-first': survivor, 'qb-second': second });
    // It now stands for the golden record, whose values wait to be pushed (the survivor's empty mapping, if any, made way for it).
    const onSurvivor = await stack.db.admin<{ sync_state: string }>('select sync_state from integration_quickbooks_customers where organization_id = $1 and client_id = $2', [organizationId, survivor]);
    expect(onSurvivor).toHaveLength(1);
    expect(onSurvivor[0]!.sync_state).not.toBe('SYNCED');
    expect(await invoiceMapping()).toEqual([{ qb_invoice_id: `qb-invoice-${suffix}`, client_id: survivor }]);
    const report = (await gql('query($id: ID!) { clientMerge(id: $id) { moves { subgraph entityType count movedBack } conflicts { subgraph entityType entityIds rule } } }', { id: merge.id })).clientMerge;
    expect(report.moves).toContainEqual({ subgraph: 'integrations', entityType: 'QuickBooksCustomerSync', count: 1, movedBack: 0 });
    expect(report.conflicts.filter((conflict: any) => conflict.subgraph === 'integrations')).toEqual([
      { subgraph: 'integrations', entityType: 'QuickBooksCustomerSync', entityIds: [secondMapping!.id], rule: expect.stringMatching(/^One QuickBooks customer per client/) },
    ]);

    await gql('mutation($id: ID!) { unmergeClient(mergeId: $id) { id } }', { id: merge.id });
    await waitUntil(async () => (await mergeStatus(merge.id)) === 'UNDONE', 'the unmerge to finish');
    expect(await customers()).toEqual({ 'qb-first': first, 'qb-second': second });
    expect(await invoiceMapping()).toEqual([{ qb_invoice_id: `qb-invoice-${suffix}`, client_id: first }]);
    const undone = (await gql('query($id: ID!) { clientMerge(id: $id) { moves { subgraph entityType count movedBack } } }', { id: merge.id })).clientMerge;
    expect(undone.moves).toContainEqual({ subgraph: 'integrations', entityType: 'QuickBooksCustomerSync', count: 1, movedBack: 1 });
  }, 120_000);
});
