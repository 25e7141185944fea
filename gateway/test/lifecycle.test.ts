import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStatements } from '@ubos/kernel';
import { ISOLATION_SUITE_CONFIG } from '@ubos/test-support/cross-tenant';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// One client followed through the firm's whole business, in one federated query: deal,
// proposal, contract, engagement, project, invoice with payments, threads with messages and
// files. Its cost in SQL statements depends on the shape of the query, never on the rows.
let t: TestStack;
let owner: GraphQLClient;

beforeAll(async () => {
  // The whole-lifecycle query of 40 clients is far above the default cost limit, on purpose.
  t = await startTestStack({ config: ISOLATION_SUITE_CONFIG });
  owner = await t.as('alpha');
});
afterAll(() => t?.close());

const LIFECYCLE = `
  deals(first: 50) { totalCount edges { node { id stage value { amountMinor currency } } } }
  proposals(first: 50) { totalCount edges { node { id status total { amountMinor currency } lineItems { description total { amountMinor } } contract { id status } } } }
  contracts(first: 50) { totalCount edges { node { id status signedAt proposal { id } engagements(first: 50) { totalCount } } } }
  engagements(first: 50) { totalCount edges { node { id type status budget { amountMinor } contract { id } projects { id name } } } }
  projects(first: 50) { totalCount edges { node { id name tasks(first: 50) { totalCount edges { node { id title } } } } } }
  invoices(first: 50) { totalCount edges { node { id number status total { amountMinor } balance { amountMinor } payments { id amount { amountMinor } } } } }
  threads(first: 50) { totalCount edges { node { id subject messages(first: 50) { totalCount edges { node { id body author } } } } } }
  files(first: 50) { totalCount edges { node { id name size status } } }
  timeline(first: 5) { edges { node { id action } } }
`;

async function lifecycleOf(clientId: string) {
  const { result, statements } = await sqlStatements.capture(() => owner.request(`query($id: ID!) { client(id: $id) { id name ${LIFECYCLE} } }`, { id: clientId }));
  expect(result.errors).toBeUndefined();
  return { client: result.data.client, statements: statements.length };
}

async function ok(query: string, variables: Record<string, unknown>) {
  const result = await owner.request(query, variables);
  expect(result.errors, query).toBeUndefined();
  return result.data;
}

/** Adds one more of everything to the client, through the graph. */
async function growLifecycle(clientId: string, round: number) {
  await ok('mutation($c: ID!, $t: String!) { createDeal(input: { clientId: $c, title: $t, value: { amountMinor: 500000, currency: "USD" } }) { id } }', { c: clientId, t: `Deal ${round}` });
  const proposal = (
    await ok(
      'mutation($c: ID!, $t: String!) { createProposal(input: { clientId: $c, title: $t, currency: "USD", validUntil: "2099-12-31", lineItems: [{ description: "Design", quantity: 10, unitPriceMinor: 15000, taxRate: 0.2 }] }) { id } }',
      { c: clientId, t: `Proposal ${round}` },
    )
  ).createProposal.id;
  await ok('mutation($id: ID!) { sendProposal(id: $id) { status } }', { id: proposal });
  await ok('mutation($id: ID!) { acceptProposal(id: $id) { status } }', { id: proposal });
  const contract = (await ok('mutation($p: ID!) { createContract(input: { proposalId: $p }) { id } }', { p: proposal })).createContract.id;
  await ok('mutation($id: ID!) { signContract(id: $id, input: { signedBy: "Client CEO" }) { status } }', { id: contract });
  const project = (await ok('mutation($c: ID!, $n: String!) { createProject(input: { clientId: $c, name: $n }) { id } }', { c: clientId, n: `Project ${round}` })).createProject.id;
  await ok('mutation($p: ID!) { createTask(input: { projectId: $p, title: "Kick-off" }) { id } }', { p: project });
  await ok(
    'mutation($c: ID!, $k: ID!, $p: ID!, $n: String!) { createEngagement(input: { clientId: $c, contractId: $k, name: $n, type: FIXED_FEE, projectIds: [$p], budget: { amountMinor: 180000, currency: "USD" } }) { id } }',
    { c: clientId, k: contract, p: project, n: `Engagement ${round}` },
  );
  const invoice = (
    await ok('mutation($c: ID!) { createInvoice(input: { clientId: $c, currency: "USD", lineItems: [{ description: "Milestone", quantity: 1, unitPriceMinor: 90000, taxRate: 0.2 }] }) { id } }', { c: clientId })
  ).createInvoice.id;
  await ok('mutation($id: ID!) { sendInvoice(id: $id) { status } }', { id: invoice });
  await ok('mutation($id: ID!) { recordPayment(input: { invoiceId: $id, amountMinor: 50000 }) { invoice { status } } }', { id: invoice });
  await ok('mutation($id: ID!) { recordPayment(input: { invoiceId: $id, amountMinor: 100 }) { invoice { status } } }', { id: invoice });
  const thread = (await ok('mutation($c: ID!, $s: String!) { createThread(input: { clientId: $c, subject: $s }) { id } }', { c: clientId, s: `Thread ${round}` })).createThread.id;
  for (const body of ['Hello', 'Any news?', 'All done']) await ok('mutation($t: ID!, $b: String!) { postMessage(input: { threadId: $t, body: $b }) { id } }', { t: thread, b: body });
  await ok('mutation($c: ID!, $n: String!) { createUploadUrl(input: { clientId: $c, name: $n, contentType: "application/pdf", size: 1234 }) { url } }', { c: clientId, n: `brief-${round}.pdf` });
}

describe('the whole lifecycle of one client', () => {
  it('resolves deal to payment, messages and files in one query, for the same number of statements however many rows', async () => {
    const [row] = await t.db.admin<{ id: string }>('select id from clients where organization_id = $1 order by id desc limit 1', [t.tenants.alpha!.organizationId]);
    const clientId = row!.id;
    await growLifecycle(clientId, 1);
    const before = await lifecycleOf(clientId);
    for (const list of ['deals', 'proposals', 'contracts', 'engagements', 'projects', 'invoices', 'threads', 'files']) {
      expect(before.client[list].totalCount, list).toBeGreaterThan(0);
    }
    const invoice = before.client.invoices.edges.at(-1).node;
    expect(invoice).toMatchObject({ status: 'PARTIALLY_PAID', total: { amountMinor: 108000 }, balance: { amountMinor: 57900 } });
    expect(invoice.payments).toHaveLength(2);
    const engagement = before.client.engagements.edges.at(-1).node;
    expect(engagement.projects.map((project: any) => project.name)).toEqual(['Project 1']);
    expect(before.client.threads.edges.find((edge: any) => edge.node.subject === 'Thread 1').node.messages.edges.map((edge: any) => edge.node.body)).toEqual(['All done', 'Any news?', 'Hello']);

    for (let round = 2; round <= 4; round++) await growLifecycle(clientId, round);
    const after = await lifecycleOf(clientId);
    for (const list of ['deals', 'proposals', 'contracts', 'engagements', 'projects', 'invoices', 'threads', 'files']) {
      expect(after.client[list].totalCount, list).toBeGreaterThanOrEqual(before.client[list].totalCount + 3);
    }
    expect(after.statements).toBe(before.statements);
  });

  it('costs the same statements for 2 clients as for 12, each with its whole lifecycle', async () => {
    for (let index = 0; index < 8; index++) {
      const clientId = (await ok('mutation($n: String!) { createClient(input: { name: $n }) { id } }', { n: `Lifecycle ${index}` })).createClient.id;
      if (index % 4 === 0) await growLifecycle(clientId, 10 + index);
    }
    const query = (first: number) => `{ clients(first: ${first}) { edges { node { id ${LIFECYCLE} } } } }`;
    const few = await sqlStatements.capture(() => owner.request(query(2)));
    const many = await sqlStatements.capture(() => owner.request(query(12)));
    expect(few.result.errors).toBeUndefined();
    expect(many.result.errors).toBeUndefined();
    expect(many.result.data.clients.edges).toHaveLength(12);
    expect(many.statements.length).toBe(few.statements.length);
  });
});
