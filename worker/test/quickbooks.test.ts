import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQuickBooksStandIn, type QuickBooksStandIn } from '@ubos/quickbooks/standin';
import type { GraphQLClient } from '@ubos/test-support/stack';
import { startWorkflowStack, waitUntil, type WorkflowStack } from './support.js';

// QuickBooks Online sync end to end: the graph connects a tenant to the local stand-in of the
// QuickBooks API (the real client code, over HTTP), the worker pushes through the outbox, and
// every assertion reads what the stand-in holds and what PostgreSQL holds.

const CLIENTS = 500;
const INVOICES = 1000;
let standIn: QuickBooksStandIn;
let stack: WorkflowStack;
let alpha: GraphQLClient;
let beta: GraphQLClient;
let alphaOrg: string;
let betaOrg: string;

async function connect(owner: GraphQLClient, realmId: string): Promise<void> {
  standIn.approveAs(realmId);
  const started = await owner.request('mutation { connectQuickBooks(redirectUri: "https://app.example.com/quickbooks/callback") { authorizationUrl state expiresAt } }');
  expect(started.errors).toBeUndefined();
  // The user's browser at Intuit: approve, then follow the redirect back to the app.
  const approval = await fetch(started.data.connectQuickBooks.authorizationUrl, { redirect: 'manual' });
  expect(approval.status).toBe(302);
  const callback = new URL(approval.headers.get('location')!);
  expect(callback.origin + callback.pathname).toBe('https://app.example.com/quickbooks/callback');
  const done = await owner.request('mutation($code: String!, $state: String!, $realmId: String!) { completeQuickBooksConnection(code: $code, state: $state, realmId: $realmId) { provider status realmId } }', {
    code: callback.searchParams.get('code'),
    state: callback.searchParams.get('state'),
    realmId: callback.searchParams.get('realmId'),
  });
  expect(done.errors).toBeUndefined();
  expect(done.data.completeQuickBooksConnection).toEqual({ provider: 'QUICKBOOKS', status: 'CONNECTED', realmId });
}

const integration = async (owner: GraphQLClient) =>
  (await owner.request('{ integrations { provider status realmId lag pendingCount conflictCount failedCount lastError lastSyncAt syncing } }')).data?.integrations[0];

async function settled(owner: GraphQLClient) {
  return waitUntil(async () => {
    const state = await integration(owner);
    return state && state.pendingCount === 0 && !state.syncing && state.lastSyncAt ? state : undefined;
  }, 'the sync to settle', 240_000, 300);
}

describe('QuickBooks Online sync', () => {
  beforeAll(async () => {
    standIn = await startQuickBooksStandIn();
    Object.assign(process.env, standIn.env(), { UBOS_INTEGRATION_KEY: randomBytes(32).toString('hex') });
    stack = await startWorkflowStack();
    alpha = await stack.as('alpha');
    beta = await stack.as('beta');
    alphaOrg = stack.tenants.alpha!.organizationId;
    betaOrg = stack.tenants.beta!.organizationId;
    // A realistic book: 500 clients and 1,000 sent invoices with priced, taxed lines, written as
    // the demo seed writes them (the first sync reads them all through the graph).
    await stack.db.admin(
      `insert into clients (organization_id, name, status, email, phone, website, notes)
       select $1, 'Bulk client ' || lpad(i::text, 4, '0'), 'ACTIVE', 'c' || i || '@bulk.test', '+1 555 ' || lpad(i::text, 4, '0'), null, case when i % 3 = 0 then 'Note ' || i end
       from generate_series(1, ${CLIENTS}) i`,
      [alphaOrg],
    );
    await stack.db.admin(
      `insert into invoices (organization_id, number, client_id, currency, line_items, subtotal_minor, tax_minor, total_minor, issue_date, due_date, sent_at)
       select $1, 1, c.id, 'USD',
              jsonb_build_array(jsonb_build_object('description', 'Design ' || i, 'quantity', 2, 'unitPriceMinor', 10000 + i, 'taxRate', 0.2,
                                                   'subtotalMinor', 2 * (10000 + i), 'taxMinor', round(0.4 * (10000 + i)), 'totalMinor', 2 * (10000 + i) + round(0.4 * (10000 + i)))),
              2 * (10000 + i), round(0.4 * (10000 + i)), 2 * (10000 + i) + round(0.4 * (10000 + i)), date '2026-03-01', date '2026-03-31', now()
       from generate_series(1, ${INVOICES}) i
       join lateral (select id from clients where organization_id = $1 and name = 'Bulk client ' || lpad((1 + (i - 1) % ${CLIENTS})::text, 4, '0')) c on true`,
      [alphaOrg],
    );
    await stack.startWorker({ concurrency: 3 });
  }, 300_000);
  afterAll(async () => {
    await stack?.close();
    await standIn?.close();
  });

  it('connects through OAuth, keeps the tokens encrypted, and the first sync pushes every client and invoice field by field', async () => {
    await connect(alpha, 'realm-alpha');
    const secrets = await stack.db.admin<{ access_token: string; refresh_token: string }>('select access_token, refresh_token from integration_connection_secrets where organization_id = $1', [alphaOrg]);
    expect(secrets).toHaveLength(1);
    for (const value of [secrets[0]!.access_token, secrets[0]!.refresh_token]) expect(value).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(JSON.stringify(secrets)).not.toMatch(/"(at|rt)-[0-9a-f]{32}"/);

    const state = await settled(alpha);
    expect(state).toMatchObject({ status: 'CONNECTED', conflictCount: 0, failedCount: 0, lag: 0 });

    const clients = await stack.db.admin<any>('select id, name, email, phone, notes from clients where organization_id = $1 and deleted_at is null order by id', [alphaOrg]);
    const customers = await stack.db.admin<any>('select client_id, qb_customer_id, qb_sync_token, sync_state, last_synced_version from integration_quickbooks_customers where organization_id = $1', [alphaOrg]);
    expect(clients.length).toBeGreaterThanOrEqual(CLIENTS);
    expect(customers).toHaveLength(clients.length);
    const remoteCustomers = standIn.objects('realm-alpha', 'Customer');
    expect(remoteCustomers).toHaveLength(clients.length);
    const customerOf = new Map(customers.map((row: any) => [row.client_id, row]));
    for (const client of clients) {
      const mapping = customerOf.get(client.id);
      expect(mapping?.sync_state, client.name).toBe('SYNCED');
      const remote = standIn.object('realm-alpha', 'Customer', mapping.qb_customer_id)!;
      expect(remote.DisplayName).toBe(client.name);
      expect(remote.PrimaryEmailAddr?.Address || null).toBe(client.email);
      expect(remote.PrimaryPhone?.FreeFormNumber || null).toBe(client.phone);
      expect(remote.Notes || null).toBe(client.notes);
      expect(remote.Active).toBe(true);
      expect(remote.SyncToken).toBe(mapping.qb_sync_token);
    }

    const invoices = await stack.db.admin<any>(
      `select i.id, i.number, i.client_id, i.total_minor, i.tax_minor, i.line_items, i.due_date::text as due_date from invoices i
        where i.organization_id = $1 and i.deleted_at is null and i.sent_at is not null and i.voided_at is null order by i.id`,
      [alphaOrg],
    );
    expect(invoices.length).toBeGreaterThanOrEqual(INVOICES);
    const invoiceMappings = new Map((await stack.db.admin<any>('select invoice_id, qb_invoice_id, sync_state from integration_quickbooks_invoices where organization_id = $1', [alphaOrg])).map((row: any) => [row.invoice_id, row]));
    for (const invoice of invoices) {
      const mapping = invoiceMappings.get(invoice.id);
      expect(mapping?.sync_state).toBe('SYNCED');
      const remote = standIn.object('realm-alpha', 'Invoice', mapping.qb_invoice_id)!;
      expect(remote.CustomerRef.value).toBe(customerOf.get(invoice.client_id).qb_customer_id);
      expect(remote.DocNumber).toBe(`INV-${String(invoice.number).padStart(6, '0')}`);
      expect(Math.round(remote.TotalAmt * 100)).toBe(Number(invoice.total_minor));
      expect(Math.round(remote.TxnTaxDetail.TotalTax * 100)).toBe(Number(invoice.tax_minor));
      expect(remote.DueDate).toBe(invoice.due_date);
      expect(remote.Line.map((line: any) => [line.Description, line.SalesItemLineDetail.Qty, Math.round(line.Amount * 100)])).toEqual(
        invoice.line_items.map((line: any) => [line.description, line.quantity, line.subtotalMinor]),
      );
    }
    // Every call asked for the same minor version, with a token of its own company.
    const calls = standIn.requests.filter((request) => request.realmId);
    expect(new Set(calls.map((request) => request.minorVersion))).toEqual(new Set(['75']));
    expect(calls.every((request) => request.tokenRealmId === request.realmId || request.status === 401)).toBe(true);
    // Core tables never learned an external id.
    const columns = await stack.db.admin<{ column_name: string }>(
      "select column_name from information_schema.columns where table_name in ('clients', 'invoices', 'payments') and (column_name like '%qb%' or column_name like '%quickbooks%' or column_name like '%sync%' or column_name like '%external%')",
    );
    expect(columns).toEqual([]);
  }, 300_000);

  it('pushes updates, deletes (inactive, never deleted), payments, and a replayed event changes nothing', async () => {
    const [client] = await stack.db.admin<{ id: string }>("select id from clients where organization_id = $1 and name = 'Bulk client 0007'", [alphaOrg]);
    const updated = await alpha.request('mutation($id: ID!) { updateClient(id: $id, input: { name: "Renamed client 7", email: "seven@bulk.test" }) { id version } }', { id: client!.id });
    expect(updated.errors, JSON.stringify(updated.errors)).toBeUndefined();
    const customerId = async () => (await alpha.request('query($id: ID!) { client(id: $id) { quickBooks { customerId syncState lastSyncedVersion } } }', { id: client!.id })).data.client.quickBooks;
    const synced = await waitUntil(async () => {
      const sync = await customerId();
      return sync.lastSyncedVersion === updated.data.updateClient.version && sync.syncState === 'SYNCED' ? sync : undefined;
    }, 'the update to be pushed');
    expect(standIn.object('realm-alpha', 'Customer', synced.customerId)).toMatchObject({ DisplayName: 'Renamed client 7', PrimaryEmailAddr: { Address: 'seven@bulk.test' } });

    // A payment: pushed after its invoice, linked to it, and the invoice's balance follows.
    const [invoice] = await stack.db.admin<{ id: string; total_minor: string }>(
      'select i.id, i.total_minor from invoices i where i.organization_id = $1 and i.client_id = $2 and i.sent_at is not null order by i.id limit 1',
      [alphaOrg, client!.id],
    );
    const paid = await alpha.request('mutation($id: ID!) { recordPayment(input: { invoiceId: $id, amountMinor: 5000, reference: "WIRE-7" }) { payment { id } } }', { id: invoice!.id });
    expect(paid.errors).toBeUndefined();
    const payment = await waitUntil(async () => {
      const rows = await stack.db.admin<{ qb_payment_id: string; sync_state: string }>('select qb_payment_id, sync_state from integration_quickbooks_payments where organization_id = $1 and payment_id = $2', [alphaOrg, paid.data.recordPayment.payment.id]);
      return rows[0]?.sync_state === 'SYNCED' ? rows[0] : undefined;
    }, 'the payment to be pushed');
    const [invoiceMapping] = await stack.db.admin<{ qb_invoice_id: string }>('select qb_invoice_id from integration_quickbooks_invoices where organization_id = $1 and invoice_id = $2', [alphaOrg, invoice!.id]);
    const remotePayment = standIn.object('realm-alpha', 'Payment', payment.qb_payment_id)!;
    expect(remotePayment).toMatchObject({ TotalAmt: 50, PaymentRefNum: 'WIRE-7', CustomerRef: { value: synced.customerId }, Line: [{ Amount: 50, LinkedTxn: [{ TxnId: invoiceMapping!.qb_invoice_id, TxnType: 'Invoice' }] }] });
    expect(Math.round(standIn.object('realm-alpha', 'Invoice', invoiceMapping!.qb_invoice_id)!.Balance * 100)).toBe(Number(invoice!.total_minor) - 5000);

    // Every event of the client, the invoice and the payment delivered again, twice and newest
    // first (new outbox rows, so the whole path runs again): QuickBooks stays as it is.
    const before = JSON.stringify([standIn.objects('realm-alpha', 'Customer'), standIn.objects('realm-alpha', 'Invoice'), standIn.objects('realm-alpha', 'Payment')]);
    const writes = standIn.requests.filter((request) => request.method === 'POST' && request.realmId).length;
    const aggregates = [client!.id, invoice!.id, paid.data.recordPayment.payment.id];
    const replayed = await stack.db.admin<{ id: string }>(
      `insert into outbox (organization_id, event_type, aggregate_type, aggregate_id, payload, actor, request_id)
       select organization_id, event_type, aggregate_type, aggregate_id, payload, actor, 'replay' from outbox, generate_series(1, 2)
        where organization_id = $1 and aggregate_id = any($2::uuid[]) order by occurred_at desc returning id`,
      [alphaOrg, aggregates],
    );
    expect(replayed.length).toBeGreaterThanOrEqual(4);
    await waitUntil(
      async () => (await stack.db.admin("select count(*)::int as n from inbox where organization_id = $1 and event_id = any($2::uuid[]) and handler = 'workflow-router'", [alphaOrg, replayed.map((row) => row.id)]))[0]!.n === replayed.length,
      'the replayed events to be handled',
    );
    await waitUntil(async () => (await stack.db.admin("select 1 from pgboss.job where name = 'ubos-integration' and state in ('created', 'retry', 'active')")).length === 0, 'the sync jobs to finish');
    expect(JSON.stringify([standIn.objects('realm-alpha', 'Customer'), standIn.objects('realm-alpha', 'Invoice'), standIn.objects('realm-alpha', 'Payment')])).toBe(before);
    expect(standIn.requests.filter((request) => request.method === 'POST' && request.realmId).length).toBe(writes);

    // Deleting makes the customer inactive: QuickBooks never deletes customers.
    const deleted = await alpha.request('mutation($id: ID!) { deleteClient(id: $id) { id } }', { id: client!.id });
    expect(deleted.errors).toBeUndefined();
    await waitUntil(async () => standIn.object('realm-alpha', 'Customer', synced.customerId)!.Active === false, 'the customer to become inactive');
    expect(standIn.objects('realm-alpha', 'Customer').some((customer) => customer.Id === synced.customerId)).toBe(true);
  }, 120_000);

  it('a stale SyncToken with a remote edit is a CONFLICT with both sides in the graph, resolved either way', async () => {
    const [client] = await stack.db.admin<{ id: string }>("select id from clients where organization_id = $1 and name = 'Bulk client 0011'", [alphaOrg]);
    const [mapping] = await stack.db.admin<{ id: string; qb_customer_id: string }>('select id, qb_customer_id from integration_quickbooks_customers where organization_id = $1 and client_id = $2', [alphaOrg, client!.id]);
    // The accountant edits the phone in QuickBooks; UBOS changes the notes.
    standIn.edit('realm-alpha', 'Customer', mapping!.qb_customer_id, { PrimaryPhone: { FreeFormNumber: '+44 20 7946 0000' } });
    await alpha.request('mutation($id: ID!) { updateClient(id: $id, input: { notes: "Prefers email" }) { id } }', { id: client!.id });
    const conflict = await waitUntil(async () => {
      const sync = (await alpha.request('query($id: ID!) { client(id: $id) { quickBooks { id syncState error conflict { fields ubos quickBooks } } } }', { id: client!.id })).data.client.quickBooks;
      return sync.syncState === 'CONFLICT' ? sync : undefined;
    }, 'the conflict');
    expect(conflict.conflict).toEqual({ fields: ['PrimaryPhone'], ubos: { PrimaryPhone: '+1 555 0011' }, quickBooks: { PrimaryPhone: '+44 20 7946 0000' } });
    expect((await integration(alpha)).conflictCount).toBe(1);
    // UBOS pushed nothing over the accountant's edit.
    expect(standIn.object('realm-alpha', 'Customer', mapping!.qb_customer_id)!.PrimaryPhone.FreeFormNumber).toBe('+44 20 7946 0000');

    // Keep QuickBooks: its phone comes into UBOS through the graph, audited as the integration.
    const member = await stack.anonymous.login('member@alpha.test');
    const refused = await member.request('mutation($id: ID!) { resolveQuickBooksConflict(id: $id, keep: QUICKBOOKS) { id } }', { id: conflict.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const resolved = await alpha.request('mutation($id: ID!) { resolveQuickBooksConflict(id: $id, keep: QUICKBOOKS) { id syncState } }', { id: conflict.id });
    expect(resolved.data.resolveQuickBooksConflict).toEqual({ id: conflict.id, syncState: 'PENDING' });
    await waitUntil(async () => (await stack.db.admin<{ phone: string }>('select phone from clients where organization_id = $1 and id = $2', [alphaOrg, client!.id]))[0]?.phone === '+44 20 7946 0000', 'the phone in UBOS');
    const sync = await waitUntil(async () => {
      const value = (await alpha.request('query($id: ID!) { client(id: $id) { notes quickBooks { syncState } } }', { id: client!.id })).data.client;
      return value.quickBooks.syncState === 'SYNCED' ? value : undefined;
    }, 'the mapping to settle');
    expect(sync.notes).toBe('Prefers email');
    expect(standIn.object('realm-alpha', 'Customer', mapping!.qb_customer_id)).toMatchObject({ Notes: 'Prefers email', PrimaryPhone: { FreeFormNumber: '+44 20 7946 0000' } });
    const again = await alpha.request('mutation($id: ID!) { resolveQuickBooksConflict(id: $id, keep: UBOS) { id } }', { id: conflict.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    // The other way: keep UBOS pushes UBOS' value over the accountant's.
    standIn.edit('realm-alpha', 'Customer', mapping!.qb_customer_id, { WebAddr: { URI: 'https://qb-edit.example' } });
    await alpha.request('mutation($id: ID!) { updateClient(id: $id, input: { phone: "+1 555 9999" }) { id } }', { id: client!.id });
    const second = await waitUntil(async () => {
      const value = (await alpha.request('query($id: ID!) { client(id: $id) { quickBooks { id syncState conflict { fields } } } }', { id: client!.id })).data.client.quickBooks;
      return value.syncState === 'CONFLICT' ? value : undefined;
    }, 'the second conflict');
    expect(second.conflict.fields).toEqual(['WebAddr']);
    await alpha.request('mutation($id: ID!) { resolveQuickBooksConflict(id: $id, keep: UBOS) { id } }', { id: second.id });
    await waitUntil(async () => (await alpha.request('query($id: ID!) { client(id: $id) { quickBooks { syncState } } }', { id: client!.id })).data.client.quickBooks.syncState === 'SYNCED', 'keep UBOS');
    expect(standIn.object('realm-alpha', 'Customer', mapping!.qb_customer_id)).toMatchObject({ PrimaryPhone: { FreeFormNumber: '+1 555 9999' } });
    expect(standIn.object('realm-alpha', 'Customer', mapping!.qb_customer_id)!.WebAddr?.URI || null).toBe(null);
  }, 120_000);

  it('recovers from a 429 storm and an expired token with nothing lost, and waits as NEEDS_REAUTH when the refresh is refused', async () => {
    const ids = (await stack.db.admin<{ id: string }>("select id from clients where organization_id = $1 and name like 'Bulk client 002%' order by id", [alphaOrg])).map((row) => row.id);
    standIn.expireAccessTokens('realm-alpha');
    standIn.throttle(15, 1);
    for (const [index, id] of ids.entries()) await alpha.request('mutation($id: ID!, $name: String!) { updateClient(id: $id, input: { name: $name }) { id } }', { id, name: `Storm ${index}` });
    await waitUntil(async () => {
      const names = new Set(standIn.objects('realm-alpha', 'Customer').map((customer) => customer.DisplayName));
      return [...ids.keys()].every((index) => names.has(`Storm ${index}`));
    }, 'every renamed client in QuickBooks');
    await settled(alpha);
    expect(ids.length).toBe(10);
    expect(standIn.requests.filter((request) => request.status === 429).length).toBeGreaterThanOrEqual(15);
    expect((await integration(alpha)).failedCount).toBe(0);

    standIn.refuseRefreshTokens('realm-alpha');
    standIn.expireAccessTokens('realm-alpha');
    await alpha.request('mutation($id: ID!) { updateClient(id: $id, input: { name: "After revocation" }) { id } }', { id: ids[0] });
    const waiting = await waitUntil(async () => {
      const state = await integration(alpha);
      return state.status === 'NEEDS_REAUTH' ? state : undefined;
    }, 'NEEDS_REAUTH');
    expect(waiting.pendingCount).toBeGreaterThanOrEqual(1);
    expect(waiting.lag).toBeGreaterThanOrEqual(0);
    // Connecting again resumes where it stopped.
    await connect(alpha, 'realm-alpha');
    await waitUntil(async () => standIn.objects('realm-alpha', 'Customer').some((customer) => customer.DisplayName === 'After revocation'), 'the waiting change pushed after reconnecting');
    expect(await settled(alpha)).toMatchObject({ status: 'CONNECTED', failedCount: 0, conflictCount: 0 });
  }, 180_000);

  it('merging synced clients keeps one QuickBooks customer per client, and a late event of a merged client never pushes the survivor onto its customer', async () => {
    const clientsNamed = async (names: string[]) =>
      Promise.all(names.map(async (name) => (await stack.db.admin<{ id: string }>('select id from clients where organization_id = $1 and name = $2', [alphaOrg, name]))[0]!.id));
    const [survivor, duplicate] = await clientsNamed(['Bulk client 0041', 'Bulk client 0042']);
    const customerOf = async (clientId: string) =>
      (await stack.db.admin<{ id: string; qb_customer_id: string }>('select id, qb_customer_id from integration_quickbooks_customers where organization_id = $1 and client_id = $2', [alphaOrg, clientId]))[0]!;
    const [survivorCustomer, duplicateCustomer] = [await customerOf(survivor!), await customerOf(duplicate!)];
    const customersBefore = standIn.objects('realm-alpha', 'Customer').length;

    const merged = await alpha.request('mutation($s: ID!, $d: [ID!]!) { mergeClients(survivorId: $s, duplicateIds: $d) { id } }', { s: survivor, d: [duplicate] });
    expect(merged.errors).toBeUndefined();
    const mergeId = merged.data.mergeClients.id;
    const report = await waitUntil(async () => {
      const merge = (await alpha.request('query($id: ID!) { clientMerge(id: $id) { status conflicts { subgraph entityType entityIds } } }', { id: mergeId })).data.clientMerge;
      return merge.status === 'COMPLETED' ? merge : undefined;
    }, 'the merge to complete');
    // Both are in QuickBooks: the survivor's customer stays, the duplicate's is kept on its merged client and reported.
    expect(report.conflicts.filter((conflict: any) => conflict.subgraph === 'integrations')).toEqual([{ subgraph: 'integrations', entityType: 'QuickBooksCustomerSync', entityIds: [duplicateCustomer.id] }]);
    expect(await customerOf(survivor!)).toEqual(survivorCustomer);
    expect(await customerOf(duplicate!)).toEqual(duplicateCustomer);

    // An event of the duplicate that reaches the sync after the merge (here: replayed) reads a merged id,
    // which the graph answers with the survivor: the duplicate's customer becomes inactive and keeps its own values.
    const replayed = await stack.db.admin<{ id: string }>(
      `insert into outbox (organization_id, event_type, aggregate_type, aggregate_id, payload, actor, request_id)
       values ($1, 'ClientUpdated', 'Client', $2, '{"changed": ["notes"]}', $3, 'late') returning id`,
      [alphaOrg, duplicate, `user:${stack.tenants.alpha!.userIds['owner@alpha.test']}`],
    );
    expect(replayed).toHaveLength(1);
    await waitUntil(async () => standIn.object('realm-alpha', 'Customer', duplicateCustomer.qb_customer_id)!.Active === false, 'the duplicate customer to become inactive');
    await settled(alpha);
    expect(standIn.object('realm-alpha', 'Customer', duplicateCustomer.qb_customer_id)).toMatchObject({ DisplayName: 'Bulk client 0042', Active: false });
    expect(standIn.object('realm-alpha', 'Customer', survivorCustomer.qb_customer_id)).toMatchObject({ DisplayName: 'Bulk client 0041', Active: true });
    expect(standIn.objects('realm-alpha', 'Customer')).toHaveLength(customersBefore);
    expect((await integration(alpha)).failedCount).toBe(0);
  }, 120_000);

  it("never uses tenant A's tokens for tenant B, and disconnecting deletes only integration rows", async () => {
    await connect(beta, 'realm-beta');
    await settled(beta);
    const betaCalls = standIn.requests.filter((request) => request.realmId === 'realm-beta');
    expect(betaCalls.length).toBeGreaterThan(0);
    expect(betaCalls.every((request) => request.tokenRealmId === 'realm-beta')).toBe(true);
    expect(standIn.requests.filter((request) => request.realmId === 'realm-alpha').every((request) => request.tokenRealmId !== 'realm-beta')).toBe(true);

    const core = async () =>
      Object.fromEntries(
        await Promise.all(
          Object.entries({ clients: 'id', invoices: 'id', payments: 'id', activity_events: 'id', entity_history: 'entity_type, entity_id, version' }).map(async ([table, order]) => [
            table,
            await stack.db.admin(`select * from ${table} where organization_id = $1 order by ${order}`, [alphaOrg]),
          ]),
        ),
      );
    const [before, betaBefore] = [await core(), await stack.db.admin('select count(*)::int as n from integration_quickbooks_customers where organization_id = $1', [betaOrg])];
    const member = await stack.anonymous.login('member@alpha.test');
    expect((await member.request('mutation { disconnectIntegration(provider: QUICKBOOKS) { status } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const revocations = standIn.requests.filter((request) => request.path === '/oauth2/v1/tokens/revoke').length;
    const result = await alpha.request('mutation { disconnectIntegration(provider: QUICKBOOKS) { status pendingCount conflictCount } }');
    expect(result.data.disconnectIntegration).toEqual({ status: 'DISCONNECTED', pendingCount: 0, conflictCount: 0 });
    expect(standIn.requests.filter((request) => request.path === '/oauth2/v1/tokens/revoke').length).toBe(revocations + 1);
    for (const table of ['integration_connection_secrets', 'integration_quickbooks_customers', 'integration_quickbooks_invoices', 'integration_quickbooks_payments']) {
      expect(await stack.db.admin(`select 1 from ${table} where organization_id = $1`, [alphaOrg]), table).toEqual([]);
    }
    const after = await core();
    // Row by row: every core row and every audit event of the tenant, except the connection's own events.
    const withoutConnection = (rows: any[]) => rows.filter((row) => row.entity_type !== 'IntegrationConnection');
    expect(after.clients).toEqual(before.clients);
    expect(after.invoices).toEqual(before.invoices);
    expect(after.payments).toEqual(before.payments);
    expect(withoutConnection(after.activity_events)).toEqual(withoutConnection(before.activity_events));
    expect(withoutConnection(after.entity_history)).toEqual(withoutConnection(before.entity_history));
    // Beta is untouched.
    expect(await stack.db.admin('select count(*)::int as n from integration_quickbooks_customers where organization_id = $1', [betaOrg])).toEqual(betaBefore);
    expect((await alpha.request('mutation { disconnectIntegration(provider: QUICKBOOKS) { status } }')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }, 120_000);
});
