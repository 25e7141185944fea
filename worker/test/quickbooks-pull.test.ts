import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { webhookSignature } from '@ubos/quickbooks';
import { startQuickBooksStandIn, type QuickBooksStandIn } from '@ubos/quickbooks/standin';
import type { RunningWorker } from '@ubos/worker';
import type { GraphQLClient } from '@ubos/test-support/stack';
import { startWorkflowStack, waitUntil, type WorkflowStack } from './support.js';

// Pulling from QuickBooks Online: payments made in QuickBooks against invoices UBOS pushed
// reach UBOS through the gateway's signed webhook and through the worker's Change Data Capture
// poll, recorded through the graph as the integration's own principal, once each. Against the
// stand-in (the real client over HTTP), the real gateway and worker, and PostgreSQL.

const WEBHOOK = '/integrations/quickbooks/webhook';
let standIn: QuickBooksStandIn;
let stack: WorkflowStack;
let worker: RunningWorker;
let alpha: GraphQLClient;
let beta: GraphQLClient;
let alphaOrg: string;
let betaOrg: string;

async function connect(owner: GraphQLClient, realmId: string): Promise<void> {
  standIn.approveAs(realmId);
  const started = await owner.request('mutation { connectQuickBooks(redirectUri: "https://app.example.com/quickbooks/callback") { authorizationUrl } }');
  expect(started.errors).toBeUndefined();
  const approval = await fetch(started.data.connectQuickBooks.authorizationUrl, { redirect: 'manual' });
  const callback = new URL(approval.headers.get('location')!);
  const done = await owner.request('mutation($code: String!, $state: String!, $realmId: String!) { completeQuickBooksConnection(code: $code, state: $state, realmId: $realmId) { status } }', {
    code: callback.searchParams.get('code'),
    state: callback.searchParams.get('state'),
    realmId: callback.searchParams.get('realmId'),
  });
  expect(done.errors).toBeUndefined();
}

/** A client and a sent invoice (one line, no tax) in the currency, pushed to QuickBooks; answers their ids. */
async function pushedInvoice(owner: GraphQLClient, organizationId: string, currency: string, unitPriceMinor: number) {
  const client = await owner.request('mutation($name: String!) { createClient(input: { name: $name }) { id } }', { name: `Pull client ${randomBytes(4).toString('hex')}` });
  expect(client.errors).toBeUndefined();
  const created = await owner.request(
    'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }',
    { input: { clientId: client.data.createClient.id, currency, dueDate: '2030-12-31', lineItems: [{ description: 'Advice', quantity: 1, unitPriceMinor }] } },
  );
  expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
  const invoiceId = created.data.createInvoice.id as string;
  const sent = await owner.request('mutation($id: ID!) { sendInvoice(id: $id) { id } }', { id: invoiceId });
  expect(sent.errors).toBeUndefined();
  const mapping = await waitUntil(async () => {
    const [row] = await stack.db.admin<{ qb_invoice_id: string; sync_state: string }>('select qb_invoice_id, sync_state from integration_quickbooks_invoices where organization_id = $1 and invoice_id = $2', [organizationId, invoiceId]);
    return row?.sync_state === 'SYNCED' && row.qb_invoice_id ? row : undefined;
  }, 'the invoice to be pushed');
  const [customer] = await stack.db.admin<{ qb_customer_id: string }>('select qb_customer_id from integration_quickbooks_customers where organization_id = $1 and client_id = $2', [organizationId, client.data.createClient.id]);
  return { invoiceId, clientId: client.data.createClient.id as string, qbInvoiceId: mapping.qb_invoice_id, qbCustomerId: customer!.qb_customer_id };
}

const paymentsOf = (organizationId: string, invoiceId: string) =>
  stack.db.admin<{ id: string; amount_minor: string; currency: string; method: string; reference: string }>(
    'select id, amount_minor, currency, method, reference from payments where organization_id = $1 and invoice_id = $2 order by id',
    [organizationId, invoiceId],
  );

const mappingOf = (organizationId: string, qbPaymentId: string) =>
  stack.db.admin<{ payment_id: string | null; origin: string; sync_state: string; last_error: string | null }>(
    'select payment_id, origin, sync_state, last_error from integration_quickbooks_payments where organization_id = $1 and qb_payment_id = $2',
    [organizationId, qbPaymentId],
  );

/** Waits for the worker to have nothing left to do: the outbox dispatched, its events routed, the integration's jobs done. */
async function idle(): Promise<void> {
  await waitUntil(async () => {
    await worker.dispatchNow();
    const [row] = await stack.db.admin<{ waiting: string }>(
      `select ((select count(*) from outbox where dispatched_at is null)
             + (select count(*) from pgboss.job where name in ('ubos-event', 'ubos-integration') and state in ('created', 'retry', 'active')))::text as waiting`,
    );
    return Number(row!.waiting) === 0 ? true : undefined;
  }, 'the worker to be idle', 120_000);
}

function receivePayment(realmId: string, target: { qbCustomerId: string; qbInvoiceId: string }, amount: number, extra: Record<string, unknown> = {}) {
  return standIn.receivePayment(realmId, {
    CustomerRef: { value: target.qbCustomerId },
    TotalAmt: amount,
    TxnDate: '2026-11-20',
    PaymentRefNum: `QB-${randomBytes(3).toString('hex')}`,
    Line: [{ Amount: amount, LinkedTxn: [{ TxnId: target.qbInvoiceId, TxnType: 'Invoice' }] }],
    ...extra,
  });
}

function signedNotification(realmId: string, entities: Array<{ name: string; id: string; operation: string }>) {
  const body = JSON.stringify({ eventNotifications: [{ realmId, dataChangeEvent: { entities: entities.map((entity) => ({ ...entity, lastUpdated: new Date().toISOString() })) } }] });
  return { body, signature: webhookSignature(standIn.webhookVerifier, body) };
}

const postWebhook = (body: string, headers: Record<string, string>) => fetch(`${stack.url}${WEBHOOK}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

const notifiedEvents = (organizationId: string) =>
  stack.db.admin<{ n: string }>("select count(*)::text as n from outbox where organization_id = $1 and event_type = 'QuickBooksChangeNotified'", [organizationId]).then((rows) => Number(rows[0]!.n));

describe('QuickBooks Online pull', () => {
  beforeAll(async () => {
    standIn = await startQuickBooksStandIn();
    Object.assign(process.env, standIn.env(), { UBOS_INTEGRATION_KEY: randomBytes(32).toString('hex') });
    stack = await startWorkflowStack();
    alpha = await stack.as('alpha');
    beta = await stack.as('beta');
    alphaOrg = stack.tenants.alpha!.organizationId;
    betaOrg = stack.tenants.beta!.organizationId;
    // The periodic poll is left to the tests (pollQuickBooksNow), so each sees exactly its own round.
    worker = await stack.startWorker({ quickBooksCdcIntervalSeconds: 0 });
    await connect(alpha, 'realm-pull-a');
    await connect(beta, 'realm-pull-b');
    await idle();
  }, 300_000);
  // Each test turns the stand-in's notifications on when it wants them.
  afterEach(() => standIn.registerWebhook(''));
  afterAll(async () => {
    await stack?.close();
    await standIn?.close();
  });

  it('a payment made in QuickBooks arrives by webhook, once, as the integration principal, and its replays change nothing', async () => {
    const target = await pushedInvoice(alpha, alphaOrg, 'USD', 20_000);
    standIn.registerWebhook(`${stack.url}${WEBHOOK}`);
    const remoteBefore = standIn.objects('realm-pull-a', 'Payment').length;
    const remote = receivePayment('realm-pull-a', target, 75.5);
    // Linked once the pull's transaction commits, just after the graph's.
    await waitUntil(async () => ((await mappingOf(alphaOrg, remote.Id))[0]?.sync_state === 'SYNCED' ? true : undefined), 'the webhook payment to be recorded');
    const [payment] = await paymentsOf(alphaOrg, target.invoiceId);
    expect(payment).toMatchObject({ amount_minor: '7550', currency: 'USD', method: 'QuickBooks', reference: remote.PaymentRefNum });
    const [mapping] = await mappingOf(alphaOrg, remote.Id);
    expect(mapping).toMatchObject({ payment_id: payment!.id, origin: 'QUICKBOOKS', sync_state: 'SYNCED', last_error: null });

    // Audited as the integration's own principal, named by its connection.
    const [connection] = await stack.db.admin<{ id: string }>("select id from integration_connections where organization_id = $1 and provider = 'QUICKBOOKS'", [alphaOrg]);
    const audit = await stack.db.admin<{ actor: string; action: string }>('select actor, action from activity_events where organization_id = $1 and entity_id = $2', [alphaOrg, payment!.id]);
    expect(audit).toEqual([{ actor: `integration:${connection!.id}`, action: 'created' }]);
    const invoice = await alpha.request('query($id: ID!) { invoice(id: $id) { status amountPaid { amountMinor } payments { id } } }', { id: target.invoiceId });
    expect(invoice.data.invoice).toMatchObject({ status: 'PARTIALLY_PAID', amountPaid: { amountMinor: 7550 }, payments: [{ id: payment!.id }] });

    // Intuit delivers again, twice; the same notification is replayed; and the CDC poll sees it too.
    const again = signedNotification('realm-pull-a', [{ name: 'Payment', id: remote.Id, operation: 'Create' }]);
    for (let round = 0; round < 2; round++) expect((await postWebhook(again.body, { 'intuit-signature': again.signature })).status).toBe(200);
    await worker.pollQuickBooksNow();
    await idle();
    expect(await paymentsOf(alphaOrg, target.invoiceId)).toHaveLength(1);
    // Nothing went back to QuickBooks: the pulled payment is not pushed as a new one.
    expect(standIn.objects('realm-pull-a', 'Payment')).toHaveLength(remoteBefore + 1);
    standIn.registerWebhook('');
  }, 120_000);

  it('the CDC poll brings a payment the webhook missed, once; a later webhook of it records nothing more', async () => {
    const target = await pushedInvoice(alpha, alphaOrg, 'USD', 10_000);
    const remote = receivePayment('realm-pull-a', target, 100);
    await idle();
    expect(await paymentsOf(alphaOrg, target.invoiceId)).toHaveLength(0);
    expect(await worker.pollQuickBooksNow()).toBe(2);
    await idle();
    const recorded = await paymentsOf(alphaOrg, target.invoiceId);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ amount_minor: '10000' });
    const status = await alpha.request('query($id: ID!) { invoice(id: $id) { status } }', { id: target.invoiceId });
    expect(status.data.invoice.status).toBe('PAID');
    // The cursor moved; a second round and a late webhook find it known.
    const [cursor] = await stack.db.admin<{ cdc_since: Date }>('select cdc_since from integration_sync_status where organization_id = $1', [alphaOrg]);
    expect(cursor!.cdc_since).toBeInstanceOf(Date);
    const late = signedNotification('realm-pull-a', [{ name: 'Payment', id: remote.Id, operation: 'Create' }]);
    expect((await postWebhook(late.body, { 'intuit-signature': late.signature })).status).toBe(200);
    await worker.pollQuickBooksNow();
    await idle();
    expect(await paymentsOf(alphaOrg, target.invoiceId)).toHaveLength(1);
    // A webhook and a poll of the same new payment at the same moment: still one.
    const raced = await pushedInvoice(alpha, alphaOrg, 'USD', 10_000);
    const both = receivePayment('realm-pull-a', raced, 30);
    const notice = signedNotification('realm-pull-a', [{ name: 'Payment', id: both.Id, operation: 'Create' }]);
    const [answer] = await Promise.all([postWebhook(notice.body, { 'intuit-signature': notice.signature }), worker.pollQuickBooksNow(), postWebhook(notice.body, { 'intuit-signature': notice.signature })]);
    expect(answer.status).toBe(200);
    await idle();
    expect(await paymentsOf(alphaOrg, raced.invoiceId)).toEqual([expect.objectContaining({ amount_minor: '3000' })]);
    expect(await mappingOf(alphaOrg, both.Id)).toEqual([expect.objectContaining({ origin: 'QUICKBOOKS', sync_state: 'SYNCED' })]);
    // Beta's poll ran too and found nothing of alpha's.
    expect(await stack.db.admin("select 1 from integration_quickbooks_payments where organization_id = $1 and origin = 'QUICKBOOKS'", [betaOrg])).toHaveLength(0);
  }, 120_000);

  it('a payment UBOS pushed does not come back as a new one, by webhook or by poll', async () => {
    const target = await pushedInvoice(alpha, alphaOrg, 'USD', 30_000);
    standIn.registerWebhook(`${stack.url}${WEBHOOK}`);
    const paid = await alpha.request('mutation($id: ID!) { recordPayment(input: { invoiceId: $id, amountMinor: 12345, reference: "UBOS-1" }) { payment { id } } }', { id: target.invoiceId });
    expect(paid.errors).toBeUndefined();
    const pushed = await waitUntil(async () => {
      const [row] = await stack.db.admin<{ qb_payment_id: string; sync_state: string }>('select qb_payment_id, sync_state from integration_quickbooks_payments where organization_id = $1 and payment_id = $2', [alphaOrg, paid.data.recordPayment.payment.id]);
      return row?.sync_state === 'SYNCED' ? row : undefined;
    }, 'the payment to be pushed');
    expect(standIn.object('realm-pull-a', 'Payment', pushed.qb_payment_id)).toMatchObject({ TotalAmt: 123.45, PrivateNote: `UBOS payment ${paid.data.recordPayment.payment.id}` });
    await worker.pollQuickBooksNow();
    await idle();
    expect(await paymentsOf(alphaOrg, target.invoiceId)).toHaveLength(1);
    expect(await mappingOf(alphaOrg, pushed.qb_payment_id)).toEqual([expect.objectContaining({ origin: 'UBOS', payment_id: paid.data.recordPayment.payment.id })]);
    standIn.registerWebhook('');
  }, 120_000);

  it("Intuit's CloudEvents format is read too", async () => {
    const target = await pushedInvoice(alpha, alphaOrg, 'USD', 4_000);
    const remote = receivePayment('realm-pull-a', target, 12.34);
    const body = JSON.stringify([
      { specversion: '1.0', id: randomBytes(8).toString('hex'), source: 'intuit.dsnBgbseACLLRZNxo2dfc4evmEJdxde58xeeYcZliOU=', type: 'qbo.payment.created.v1', datacontenttype: 'application/json', time: new Date().toISOString(), intuitentityid: remote.Id, intuitaccountid: 'realm-pull-a', data: {} },
    ]);
    expect((await postWebhook(body, { 'intuit-signature': webhookSignature(standIn.webhookVerifier, body) })).status).toBe(200);
    await idle();
    expect(await paymentsOf(alphaOrg, target.invoiceId)).toEqual([expect.objectContaining({ amount_minor: '1234' })]);
  }, 60_000);

  it('a bad or missing signature is refused 401 and queues nothing; an oversized body 413', async () => {
    const before = await notifiedEvents(alphaOrg);
    const notification = signedNotification('realm-pull-a', [{ name: 'Payment', id: '1', operation: 'Create' }]);
    expect((await postWebhook(notification.body, {})).status).toBe(401);
    expect((await postWebhook(notification.body, { 'intuit-signature': webhookSignature('another verifier', notification.body) })).status).toBe(401);
    expect((await postWebhook(`${notification.body} `, { 'intuit-signature': notification.signature })).status).toBe(401);
    expect((await postWebhook(notification.body, { 'intuit-signature': 'x'.repeat(44) })).status).toBe(401);
    const huge = JSON.stringify({ eventNotifications: [], padding: 'x'.repeat(300 * 1024) });
    expect((await postWebhook(huge, { 'intuit-signature': webhookSignature(standIn.webhookVerifier, huge) })).status).toBe(413);
    expect(await notifiedEvents(alphaOrg)).toBe(before);
    // A signed notification of a realm nobody connected is accepted and reaches no tenant.
    const stranger = signedNotification('realm-nobody', [{ name: 'Payment', id: '1', operation: 'Create' }]);
    const answer = await postWebhook(stranger.body, { 'intuit-signature': stranger.signature });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ queued: 0 });
    expect(await notifiedEvents(alphaOrg)).toBe(before);
    // The intake mutation is not in the public graph.
    const direct = await alpha.request('mutation { receiveQuickBooksNotification(realmId: "realm-pull-a", entities: []) }');
    expect(direct.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it("tenant A's webhook never lands in tenant B", async () => {
    const alphaTarget = await pushedInvoice(alpha, alphaOrg, 'USD', 5_000);
    const betaTarget = await pushedInvoice(beta, betaOrg, 'USD', 5_000);
    const betaBefore = await notifiedEvents(betaOrg);
    const betaPayments = await stack.db.admin('select id from payments where organization_id = $1', [betaOrg]);
    // The stand-in numbers each company's objects from 1: alpha's and beta's ids collide, so only the realm tells them apart.
    standIn.registerWebhook(`${stack.url}${WEBHOOK}`);
    receivePayment('realm-pull-a', alphaTarget, 20);
    await waitUntil(async () => ((await paymentsOf(alphaOrg, alphaTarget.invoiceId)).length === 1 ? true : undefined), "alpha's payment");
    await idle();
    standIn.registerWebhook('');
    expect(await notifiedEvents(betaOrg)).toBe(betaBefore);
    expect(await stack.db.admin('select id from payments where organization_id = $1', [betaOrg])).toEqual(betaPayments);
    expect(await paymentsOf(betaOrg, betaTarget.invoiceId)).toHaveLength(0);
    // Every call for alpha's payment used alpha's token on alpha's company.
    const calls = standIn.requests.filter((request) => request.realmId);
    expect(calls.every((request) => request.tokenRealmId === request.realmId || request.status === 401)).toBe(true);
  }, 120_000);

  it('a payment for an invoice UBOS never pushed, or above the balance, is reported, not lost, and the rest goes on', async () => {
    const target = await pushedInvoice(alpha, alphaOrg, 'USD', 1_000);
    // For an invoice the accountant made in QuickBooks itself (UBOS has no mapping of it).
    const foreignInvoice = { Id: '999999' };
    const unknown = receivePayment('realm-pull-a', { qbCustomerId: target.qbCustomerId, qbInvoiceId: target.qbInvoiceId }, 5, {
      Line: [{ Amount: 5, LinkedTxn: [{ TxnId: foreignInvoice.Id, TxnType: 'Invoice' }] }],
    });
    const tooMuch = receivePayment('realm-pull-a', target, 50);
    const fine = receivePayment('realm-pull-a', target, 4);
    await worker.pollQuickBooksNow();
    await idle();
    expect(await mappingOf(alphaOrg, unknown.Id)).toEqual([expect.objectContaining({ payment_id: null, origin: 'QUICKBOOKS', sync_state: 'FAILED', last_error: expect.stringContaining('which UBOS did not push') })]);
    expect(await mappingOf(alphaOrg, tooMuch.Id)).toEqual([expect.objectContaining({ payment_id: null, sync_state: 'FAILED', last_error: expect.stringContaining('BAD_USER_INPUT') })]);
    expect(await paymentsOf(alphaOrg, target.invoiceId)).toEqual([expect.objectContaining({ amount_minor: '400' })]);
    // Visible in the graph, with why.
    const state = await alpha.request('{ integrations { failedCount unrecordedPayments { paymentId origin syncState error ubosPaymentId } } }');
    expect(state.errors).toBeUndefined();
    const listed = state.data.integrations[0].unrecordedPayments;
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ paymentId: unknown.Id, origin: 'QUICKBOOKS', syncState: 'FAILED', ubosPaymentId: null }),
        expect.objectContaining({ paymentId: tooMuch.Id, origin: 'QUICKBOOKS', syncState: 'FAILED' }),
      ]),
    );
    expect(state.data.integrations[0].failedCount).toBeGreaterThanOrEqual(2);
    expect(listed.some((row: any) => row.paymentId === fine.Id)).toBe(false);
    // Beta sees none of it.
    const betaState = await beta.request('{ integrations { unrecordedPayments { paymentId } } }');
    expect(betaState.data.integrations[0].unrecordedPayments).toEqual([]);
  }, 120_000);

  it('amounts follow the currency: JPY has no minor digits, KWD three', async () => {
    const yen = await pushedInvoice(alpha, alphaOrg, 'JPY', 12_345);
    expect(standIn.object('realm-pull-a', 'Invoice', yen.qbInvoiceId)).toMatchObject({ TotalAmt: 12345, Line: [expect.objectContaining({ Amount: 12345 })] });
    const dinar = await pushedInvoice(alpha, alphaOrg, 'KWD', 12_345);
    expect(standIn.object('realm-pull-a', 'Invoice', dinar.qbInvoiceId)).toMatchObject({ TotalAmt: 12.345, Line: [expect.objectContaining({ Amount: 12.345 })] });
    receivePayment('realm-pull-a', yen, 345, { CurrencyRef: { value: 'JPY' } });
    receivePayment('realm-pull-a', dinar, 1.005, { CurrencyRef: { value: 'KWD' } });
    await worker.pollQuickBooksNow();
    await idle();
    expect(await paymentsOf(alphaOrg, yen.invoiceId)).toEqual([expect.objectContaining({ amount_minor: '345', currency: 'JPY' })]);
    expect(await paymentsOf(alphaOrg, dinar.invoiceId)).toEqual([expect.objectContaining({ amount_minor: '1005', currency: 'KWD' })]);
    // And the stand-in's balances moved by exactly those amounts.
    expect(standIn.object('realm-pull-a', 'Invoice', yen.qbInvoiceId)!.Balance).toBe(12000);
    expect(standIn.object('realm-pull-a', 'Invoice', dinar.qbInvoiceId)!.Balance).toBe(11.34);
  }, 120_000);

  it('a remote edit of a field UBOS did not change is CONFLICT at once, by webhook or poll, and resolves either way through the graph', async () => {
    const target = await pushedInvoice(alpha, alphaOrg, 'USD', 8_000);
    const [connection] = await stack.db.admin<{ id: string }>("select id from integration_connections where organization_id = $1 and provider = 'QUICKBOOKS'", [alphaOrg]);
    const customerSync = async () => (await alpha.request('query($id: ID!) { client(id: $id) { name quickBooks { id syncState conflict { fields ubos quickBooks } } } }', { id: target.clientId })).data.client;
    const before = await customerSync();

    // The accountant renames the customer in QuickBooks; its notification arrives by webhook.
    standIn.registerWebhook(`${stack.url}${WEBHOOK}`);
    standIn.edit('realm-pull-a', 'Customer', target.qbCustomerId, { DisplayName: `${before.name} (QB)` });
    const conflicted = await waitUntil(async () => {
      const sync = await customerSync();
      return sync.quickBooks.syncState === 'CONFLICT' ? sync : undefined;
    }, 'the remote edit to be seen');
    standIn.registerWebhook('');
    expect(conflicted.quickBooks.conflict).toEqual({ fields: ['DisplayName'], ubos: { DisplayName: before.name }, quickBooks: { DisplayName: `${before.name} (QB)` } });
    expect(conflicted.name).toBe(before.name);
    // Keep QuickBooks: its value is written into UBOS through the graph, as the integration.
    const kept = await alpha.request('mutation($id: ID!) { resolveQuickBooksConflict(id: $id, keep: QUICKBOOKS) { syncState } }', { id: conflicted.quickBooks.id });
    expect(kept.errors).toBeUndefined();
    const resolved = await waitUntil(async () => {
      const sync = await customerSync();
      return sync.quickBooks.syncState === 'SYNCED' ? sync : undefined;
    }, 'the conflict to be resolved');
    expect(resolved.name).toBe(`${before.name} (QB)`);
    const audit = await stack.db.admin<{ actor: string }>("select actor from activity_events where organization_id = $1 and entity_id = $2 and action = 'updated' order by occurred_at desc limit 1", [alphaOrg, target.clientId]);
    expect(audit[0]!.actor).toBe(`integration:${connection!.id}`);

    // The due date changed in QuickBooks, found by the poll (no webhook); an edit of a field
    // UBOS does not watch (the customer's Active flag is UBOS' alone) marks nothing.
    const invoiceSync = async () => (await alpha.request('query($id: ID!) { invoice(id: $id) { dueDate quickBooks { id syncState conflict { fields ubos quickBooks } } } }', { id: target.invoiceId })).data.invoice;
    const invoiceBefore = await invoiceSync();
    standIn.edit('realm-pull-a', 'Invoice', target.qbInvoiceId, { DueDate: '2031-01-31' });
    standIn.edit('realm-pull-a', 'Customer', target.qbCustomerId, { Active: false });
    await worker.pollQuickBooksNow();
    await idle();
    const invoiceConflict = await invoiceSync();
    expect(invoiceConflict.quickBooks.syncState).toBe('CONFLICT');
    expect(invoiceConflict.quickBooks.conflict).toEqual({ fields: ['DueDate'], ubos: { DueDate: invoiceBefore.dueDate ?? null }, quickBooks: { DueDate: '2031-01-31' } });
    expect((await customerSync()).quickBooks.syncState).toBe('SYNCED');
    // Keep UBOS: UBOS' value goes back over QuickBooks'.
    expect((await alpha.request('mutation($id: ID!) { resolveQuickBooksConflict(id: $id, keep: UBOS) { syncState } }', { id: invoiceConflict.quickBooks.id })).errors).toBeUndefined();
    await waitUntil(async () => ((await invoiceSync()).quickBooks.syncState === 'SYNCED' ? true : undefined), 'UBOS to be kept');
    expect(standIn.object('realm-pull-a', 'Invoice', target.qbInvoiceId)!.DueDate ?? null).toBe(invoiceBefore.dueDate ?? null);
    // UBOS' own writes, notified back by a later poll, are not taken for an accountant's.
    await worker.pollQuickBooksNow();
    await idle();
    expect((await invoiceSync()).quickBooks.syncState).toBe('SYNCED');
  }, 120_000);

  it("the integration acts as its own principal, limited to what it syncs", async () => {
    const [connection] = await stack.db.admin<{ id: string }>("select id from integration_connections where organization_id = $1 and provider = 'QUICKBOOKS'", [alphaOrg]);
    const token = await stack.stack.tokens.signService({ organizationId: alphaOrg, runId: connection!.id, kind: 'integration' });
    const asIntegration = alpha.withToken(token);
    const read = await asIntegration.request('{ invoices(first: 1) { edges { node { id client { id } } } } }');
    expect(read.errors).toBeUndefined();
    // Nothing beyond its scopes: no projects, no integrations (its own tokens), no identity.
    for (const query of ['{ projects(first: 1) { edges { node { id } } } }', '{ integrations { status } }', '{ organization { id } }']) {
      const refused = await asIntegration.request(query);
      expect(refused.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
    }
  });

  it('the worker polls by itself at the configured interval', async () => {
    const target = await pushedInvoice(alpha, alphaOrg, 'USD', 2_000);
    const remote = receivePayment('realm-pull-a', target, 1);
    await stack.startWorker({ quickBooksCdcIntervalSeconds: 1 });
    // The UBOS payment commits in the graph a moment before its mapping is linked: wait for the link.
    await waitUntil(async () => ((await mappingOf(alphaOrg, remote.Id))[0]?.sync_state === 'SYNCED' ? true : undefined), 'a timed poll to record the payment');
    expect(await paymentsOf(alphaOrg, target.invoiceId)).toHaveLength(1);
  }, 60_000);
});
