/**
 * The documents of the benchmark's scenarios. The floor (./floor/server.ts) answers exactly
 * these strings, so every system receives the same bytes.
 */

export const Q1 = 'query Q1($id: ID!) { client(id: $id) { id name status email } }';

/** ARCHITECTURE section 7: 50 clients with their projects and invoices. */
export const Q2 =
  'query Q2 { clients(first: 50) { edges { node { id name projects(first: 5) { edges { node { id name status } } } invoices(first: 5) { edges { node { id number status total { amountMinor currency } } } } } } } }';

/** The selection of gateway/test/lifecycle.test.ts, for one client. */
export const LIFECYCLE =
  'deals(first: 50) { totalCount edges { node { id stage value { amountMinor currency } } } } ' +
  'proposals(first: 50) { totalCount edges { node { id status total { amountMinor currency } lineItems { description total { amountMinor } } contract { id status } } } } ' +
  'contracts(first: 50) { totalCount edges { node { id status signedAt proposal { id } engagements(first: 50) { totalCount } } } } ' +
  'engagements(first: 50) { totalCount edges { node { id type status budget { amountMinor } contract { id } projects { id name } } } } ' +
  'projects(first: 50) { totalCount edges { node { id name tasks(first: 50) { totalCount edges { node { id title } } } } } } ' +
  'invoices(first: 50) { totalCount edges { node { id number status total { amountMinor } balance { amountMinor } payments { id amount { amountMinor } } } } } ' +
  'threads(first: 50) { totalCount edges { node { id subject messages(first: 50) { totalCount edges { node { id body author } } } } } } ' +
  'files(first: 50) { totalCount edges { node { id name size status } } } ' +
  'timeline(first: 5) { edges { node { id action } } }';

export const Q3 = `query Q3($id: ID!) { client(id: $id) { id name ${LIFECYCLE} } }`;

/**
 * W1, the write mix: one iteration is five mutations, each its own request and transaction:
 * create a client, update it, create an invoice with two lines, send it (a payment is only
 * recorded on a sent invoice) and record a partial payment. Each write goes through the
 * database's write path: version bump, audit event, history version and, at commit, the
 * sealing of the tenant's hash chain; and an outbox event in the same transaction.
 */
export const W1_CREATE_CLIENT =
  'mutation W1CreateClient($name: String!) { createClient(input: { name: $name, status: LEAD, email: "w1@example.test" }) { id name status email version } }';
export const W1_UPDATE_CLIENT =
  'mutation W1UpdateClient($id: ID!) { updateClient(id: $id, input: { status: ACTIVE, phone: "+1 555 0100" }, expectedVersion: 1) { id status phone version } }';
export const W1_CREATE_INVOICE =
  'mutation W1CreateInvoice($clientId: ID!) { createInvoice(input: { clientId: $clientId, currency: "USD", dueDate: "2099-12-31", lineItems: [{ description: "Design", quantity: 10, unitPriceMinor: 15000, taxRate: 0.2 }, { description: "Hosting", quantity: 1, unitPriceMinor: 4999 }] }) { id number status total { amountMinor currency } } }';
export const W1_SEND_INVOICE = 'mutation W1SendInvoice($id: ID!) { sendInvoice(id: $id) { id status issueDate } }';
export const W1_RECORD_PAYMENT =
  'mutation W1RecordPayment($id: ID!) { recordPayment(input: { invoiceId: $id, amountMinor: 50000 }) { payment { id amount { amountMinor currency } } invoice { id status balance { amountMinor currency } } } }';

export interface W1Step {
  query: string;
  /** The variables of this step, from the ids the iteration has so far. */
  variables(state: W1State): Record<string, unknown>;
  /** Reads what later steps need from this step's data. */
  capture(data: any, state: W1State): void;
}

export interface W1State {
  iteration: number;
  clientId?: string;
  invoiceId?: string;
}

export const W1_STEPS: W1Step[] = [
  { query: W1_CREATE_CLIENT, variables: (state) => ({ name: `W1 client ${state.iteration}` }), capture: (data, state) => (state.clientId = data.createClient.id) },
  { query: W1_UPDATE_CLIENT, variables: (state) => ({ id: state.clientId }), capture: () => undefined },
  { query: W1_CREATE_INVOICE, variables: (state) => ({ clientId: state.clientId }), capture: (data, state) => (state.invoiceId = data.createInvoice.id) },
  { query: W1_SEND_INVOICE, variables: (state) => ({ id: state.invoiceId }), capture: () => undefined },
  { query: W1_RECORD_PAYMENT, variables: (state) => ({ id: state.invoiceId }), capture: () => undefined },
];

/** Mutations of gateway/test/lifecycle.test.ts's growLifecycle: gives the Q3 client one of everything. */
export const GROW_LIFECYCLE: Array<{ query: string; variables: (ids: Record<string, string>) => Record<string, unknown>; keep?: [string, (data: any) => string] }> = [
  { query: 'mutation($c: ID!) { createDeal(input: { clientId: $c, title: "Bench deal", value: { amountMinor: 500000, currency: "USD" } }) { id } }', variables: (ids) => ({ c: ids.client }) },
  {
    query:
      'mutation($c: ID!) { createProposal(input: { clientId: $c, title: "Bench proposal", currency: "USD", validUntil: "2099-12-31", lineItems: [{ description: "Design", quantity: 10, unitPriceMinor: 15000, taxRate: 0.2 }] }) { id } }',
    variables: (ids) => ({ c: ids.client }),
    keep: ['proposal', (data) => data.createProposal.id],
  },
  { query: 'mutation($id: ID!) { sendProposal(id: $id) { status } }', variables: (ids) => ({ id: ids.proposal }) },
  { query: 'mutation($id: ID!) { acceptProposal(id: $id) { status } }', variables: (ids) => ({ id: ids.proposal }) },
  { query: 'mutation($p: ID!) { createContract(input: { proposalId: $p }) { id } }', variables: (ids) => ({ p: ids.proposal }), keep: ['contract', (data) => data.createContract.id] },
  { query: 'mutation($id: ID!) { signContract(id: $id, input: { signedBy: "Client CEO" }) { status } }', variables: (ids) => ({ id: ids.contract }) },
  { query: 'mutation($c: ID!) { createProject(input: { clientId: $c, name: "Bench project" }) { id } }', variables: (ids) => ({ c: ids.client }), keep: ['project', (data) => data.createProject.id] },
  { query: 'mutation($p: ID!) { createTask(input: { projectId: $p, title: "Kick-off" }) { id } }', variables: (ids) => ({ p: ids.project }) },
  {
    query:
      'mutation($c: ID!, $k: ID!, $p: ID!) { createEngagement(input: { clientId: $c, contractId: $k, name: "Bench engagement", type: FIXED_FEE, projectIds: [$p], budget: { amountMinor: 180000, currency: "USD" } }) { id } }',
    variables: (ids) => ({ c: ids.client, k: ids.contract, p: ids.project }),
  },
  {
    query: 'mutation($c: ID!) { createInvoice(input: { clientId: $c, currency: "USD", lineItems: [{ description: "Milestone", quantity: 1, unitPriceMinor: 90000, taxRate: 0.2 }] }) { id } }',
    variables: (ids) => ({ c: ids.client }),
    keep: ['invoice', (data) => data.createInvoice.id],
  },
  { query: 'mutation($id: ID!) { sendInvoice(id: $id) { status } }', variables: (ids) => ({ id: ids.invoice }) },
  { query: 'mutation($id: ID!) { recordPayment(input: { invoiceId: $id, amountMinor: 50000 }) { invoice { status } } }', variables: (ids) => ({ id: ids.invoice }) },
  { query: 'mutation($c: ID!) { createThread(input: { clientId: $c, subject: "Bench thread" }) { id } }', variables: (ids) => ({ c: ids.client }), keep: ['thread', (data) => data.createThread.id] },
  { query: 'mutation($t: ID!) { postMessage(input: { threadId: $t, body: "Hello" }) { id } }', variables: (ids) => ({ t: ids.thread }) },
  { query: 'mutation($t: ID!) { postMessage(input: { threadId: $t, body: "All done" }) { id } }', variables: (ids) => ({ t: ids.thread }) },
  {
    query: 'mutation($c: ID!) { createUploadUrl(input: { clientId: $c, name: "brief.pdf", contentType: "application/pdf", size: 1234 }) { url } }',
    variables: (ids) => ({ c: ids.client }),
  },
];
