import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStatements, uuidv7 } from '@ubos/kernel';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// Invoices and payments through the real gateway and PostgreSQL: pricing, derived statuses,
// transitions, payments and their outbox events, drafts, audit and history, lists and the
// Client extension.
let t: TestStack;
let owner: GraphQLClient;
let member: GraphQLClient;
let clientId: string;
let otherClientId: string;
let betaClientId: string;

beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
  // Invoices carry the tenant's custom fields: po_number is seeded; these two are the test's own.
  for (const key of ['cost_center', 'region']) {
    const defined = await owner.request('mutation($key: String!) { defineCustomField(input: { entityType: INVOICE, key: $key, label: $key, type: TEXT }) { id } }', { key });
    expect(defined.errors).toBeUndefined();
  }
  member = await t.anonymous.login('member@alpha.test');
  const alpha = t.tenants.alpha!.organizationId;
  const clients = await t.db.admin<{ id: string }>('select id from clients where organization_id = $1 order by id', [alpha]);
  clientId = clients[3]!.id; // no seeded invoices
  otherClientId = clients[2]!.id;
  betaClientId = (await t.db.admin<{ id: string }>('select id from clients where organization_id = $1 order by id limit 1', [t.tenants.beta!.organizationId]))[0]!.id;
});
afterAll(() => t?.close());

const INVOICE_FIELDS = `id number status version currency
  subtotal { amountMinor currency } tax { amountMinor } total { amountMinor } amountPaid { amountMinor } balance { amountMinor }
  issueDate dueDate sentAt voidedAt notes customFields client { id } engagement { id }
  lineItems { description quantity taxRate unitPrice { amountMinor currency } subtotal { amountMinor } tax { amountMinor } total { amountMinor } }
  payments { id amount { amountMinor currency } method reference paidAt }`;

const LINE = { description: 'Consulting', quantity: 1, unitPriceMinor: 10_000, taxRate: 0.2 };

async function createInvoice(input: Record<string, unknown> = {}, as = owner) {
  const result = await as.request(`mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { ${INVOICE_FIELDS} } }`, {
    input: { clientId, currency: 'USD', lineItems: [LINE], ...input },
  });
  expect(result.errors).toBeUndefined();
  return result.data.createInvoice;
}

async function send(id: string) {
  const result = await owner.request(`mutation($id: ID!) { sendInvoice(id: $id) { ${INVOICE_FIELDS} } }`, { id });
  expect(result.errors).toBeUndefined();
  return result.data.sendInvoice;
}

const pay = (invoiceId: string, amountMinor: number, extra: Record<string, unknown> = {}) =>
  owner.request(`mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { payment { id amount { amountMinor currency } method reference invoice { id } } invoice { ${INVOICE_FIELDS} } } }`, {
    input: { invoiceId, amountMinor, ...extra },
  });

const outbox = (aggregateId: string) => t.db.admin<{ event_type: string; payload: any }>('select event_type, payload from outbox where aggregate_id = $1 order by id', [aggregateId]);
const outboxForInvoice = (invoiceId: string) =>
  t.db.admin<{ event_type: string; payload: any }>(`select event_type, payload from outbox where aggregate_id = $1 or payload ->> 'invoiceId' = $1::text order by id`, [invoiceId]);

const numberOf = (invoice: { number: string }) => Number(invoice.number.replace('INV-', ''));

describe('pricing', () => {
  it('prices each line exactly, rounding subtotal and tax half-up per line, and totals the lines', async () => {
    const invoice = await createInvoice({
      lineItems: [
        { description: 'Half a minor unit up', quantity: 1.5, unitPriceMinor: 333, taxRate: 0.2 }, // 499.5 -> 500, tax 100
        { description: 'Tax rounds down', quantity: 1, unitPriceMinor: 1005, taxRate: 0.07 }, // 1005, tax 70.35 -> 70
        { description: 'Tax half up', quantity: 3, unitPriceMinor: 25, taxRate: 0.1 }, // 75, tax 7.5 -> 8
        { description: 'Tiny', quantity: 0.5, unitPriceMinor: 1, taxRate: 0.5 }, // 0.5 -> 1, tax 0.5 -> 1
        { description: 'Binary float trap', quantity: 1.005, unitPriceMinor: 100 }, // 100.5 -> 101, no tax
      ],
      notes: '  Thanks!  ',
      customFields: { po_number: 'PO-1' },
    });
    expect(invoice.lineItems.map((line: any) => [line.subtotal.amountMinor, line.tax.amountMinor, line.total.amountMinor])).toEqual([
      [500, 100, 600],
      [1005, 70, 1075],
      [75, 8, 83],
      [1, 1, 2],
      [101, 0, 101],
    ]);
    expect(invoice.lineItems[4]).toMatchObject({ description: 'Binary float trap', quantity: 1.005, taxRate: 0, unitPrice: { amountMinor: 100, currency: 'USD' } });
    expect(invoice).toMatchObject({
      status: 'DRAFT',
      version: 1,
      currency: 'USD',
      subtotal: { amountMinor: 1682, currency: 'USD' },
      tax: { amountMinor: 179 },
      total: { amountMinor: 1861 },
      amountPaid: { amountMinor: 0 },
      balance: { amountMinor: 1861 },
      notes: 'Thanks!',
      customFields: { po_number: 'PO-1' },
      client: { id: clientId },
      sentAt: null,
      payments: [],
    });
    expect(invoice.number).toMatch(/^INV-\d{6}$/);
  });

  it('refuses invalid input with BAD_USER_INPUT naming the field, and takes no number for it', async () => {
    const before = numberOf(await createInvoice());
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ lineItems: [] }, 'input.lineItems'],
      [{ lineItems: [{ ...LINE, quantity: 0 }] }, 'input.lineItems.0.quantity'],
      [{ lineItems: [LINE, { ...LINE, unitPriceMinor: -1 }] }, 'input.lineItems.1.unitPriceMinor'],
      [{ lineItems: [{ ...LINE, taxRate: 1.5 }] }, 'input.lineItems.0.taxRate'],
      [{ lineItems: [{ ...LINE, quantity: 1.1234567 }] }, 'input.lineItems.0.quantity'],
      [{ lineItems: [{ ...LINE, description: '   ' }] }, 'input.lineItems.0.description'],
      [{ currency: 'usd' }, 'input.currency'],
      [{ issueDate: '2026-03-01', dueDate: '2026-02-01' }, 'input.dueDate'],
      [{ clientId: 'not-an-id' }, 'input.clientId'],
      [{ engagementId: 'not-an-id' }, 'input.engagementId'],
      [{ customFields: ['a'] }, 'input.customFields'],
      [{ notes: 'x'.repeat(10_001) }, 'input.notes'],
    ];
    for (const [input, field] of cases) {
      const result = await owner.request('mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }', {
        input: { clientId, currency: 'USD', lineItems: [LINE], ...input },
      });
      expect(result.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // A client or engagement that does not exist (or is another tenant's) answers NOT_FOUND.
    for (const [input, field] of [
      [{ clientId: uuidv7() }, 'input.clientId'],
      [{ clientId: betaClientId }, 'input.clientId'],
      [{ engagementId: uuidv7() }, 'input.engagementId'],
      // An invoice bills one of its own client's engagements.
      [{ engagementId: (await t.db.admin<{ id: string }>('select id from engagements where organization_id = $1 and client_id <> $2 limit 1', [t.tenants.alpha!.organizationId, clientId]))[0]!.id }, 'input.engagementId'],
    ] as Array<[Record<string, unknown>, string]>) {
      const result = await owner.request('mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }', {
        input: { clientId, currency: 'USD', lineItems: [LINE], ...input },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field });
    }
    // Gapless: none of the refused creates used a number.
    expect(numberOf(await createInvoice())).toBe(before + 1);
  });
});

describe('statuses, transitions and payments', () => {
  it('sends an invoice of total 0 as PAID, with InvoicePaid in the same transaction as InvoiceSent', async () => {
    const draft = await createInvoice({ lineItems: [{ description: 'Goodwill', quantity: 1, unitPriceMinor: 0 }] });
    expect(draft).toMatchObject({ status: 'DRAFT', total: { amountMinor: 0 } });
    const sent = await send(draft.id);
    expect(sent).toMatchObject({ status: 'PAID', balance: { amountMinor: 0 }, payments: [] });
    // occurred_at is now(), the start of the transaction: one transaction, one instant.
    const events = await t.db.admin<{ event_type: string; payload: any; tx: string }>(
      'select event_type, payload, occurred_at::text as tx from outbox where aggregate_id = $1 order by id',
      [draft.id],
    );
    expect(events.map((event) => event.event_type)).toEqual(['InvoiceCreated', 'InvoiceSent', 'InvoicePaid']);
    expect(events[2]!.tx).toBe(events[1]!.tx);
    expect(events[1]!.tx).not.toBe(events[0]!.tx);
    expect(events[2]!.payload).toMatchObject({ number: draft.number, clientId, totalMinor: 0, currency: 'USD' });
    expect((await pay(draft.id, 1)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('sends a draft, takes partial and full payments with their outbox events, and ends PAID', async () => {
    const draft = await createInvoice({ dueDate: '2099-01-31' });
    // Payments on a draft are refused, and write nothing.
    const onDraft = await pay(draft.id, 100);
    expect(onDraft.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(onDraft.errors?.[0]?.message).toContain('DRAFT');

    const sent = await send(draft.id);
    expect(sent).toMatchObject({ status: 'SENT', version: 2, number: draft.number });
    expect(sent.sentAt).toBeTruthy();
    expect(sent.issueDate).toBe(new Date().toISOString().slice(0, 10));
    const again = await owner.request('mutation($id: ID!) { sendInvoice(id: $id) { id } }', { id: draft.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toContain('SENT');
    expect((await owner.request('mutation($id: ID!) { updateInvoice(id: $id, input: { notes: "late" }) { id } }', { id: draft.id })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await owner.request('mutation($id: ID!) { deleteInvoice(id: $id) { id } }', { id: draft.id })).errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const partial = await pay(draft.id, 4_000, { method: 'card', reference: 'R-1', paidAt: '2026-06-01T12:00:00Z' });
    expect(partial.errors).toBeUndefined();
    expect(partial.data.recordPayment.payment).toMatchObject({ amount: { amountMinor: 4_000, currency: 'USD' }, method: 'card', reference: 'R-1', invoice: { id: draft.id } });
    expect(partial.data.recordPayment.invoice).toMatchObject({ status: 'PARTIALLY_PAID', amountPaid: { amountMinor: 4_000 }, balance: { amountMinor: 8_000 } });
    expect((await outboxForInvoice(draft.id)).map((event) => event.event_type)).toEqual(['InvoiceCreated', 'InvoiceSent', 'PaymentRecorded']);

    // Above the balance, zero, negative: refused on input.amountMinor, nothing written.
    for (const amountMinor of [8_001, 0, -5]) {
      const refused = await pay(draft.id, amountMinor);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amountMinor' });
    }
    expect(await t.db.admin('select id from payments where invoice_id = $1', [draft.id])).toHaveLength(1);
    expect(await outboxForInvoice(draft.id)).toHaveLength(3);

    const full = await pay(draft.id, 8_000);
    expect(full.data.recordPayment.invoice).toMatchObject({ status: 'PAID', amountPaid: { amountMinor: 12_000 }, balance: { amountMinor: 0 } });
    expect(full.data.recordPayment.invoice.payments.map((payment: any) => payment.amount.amountMinor)).toEqual([4_000, 8_000]);
    const events = await outboxForInvoice(draft.id);
    expect(events.map((event) => event.event_type)).toEqual(['InvoiceCreated', 'InvoiceSent', 'PaymentRecorded', 'PaymentRecorded', 'InvoicePaid']);
    expect(events[3]!.payload).toMatchObject({ invoiceId: draft.id, amountMinor: 8_000, balanceMinor: 0, currency: 'USD' });
    expect(events[4]!.payload).toMatchObject({ number: draft.number, totalMinor: 12_000 });
    const paymentEvent = (await outbox(full.data.recordPayment.payment.id))[0]!;
    expect(paymentEvent.event_type).toBe('PaymentRecorded');

    // A paid invoice takes no more money and cannot be voided.
    expect((await pay(draft.id, 1)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amountMinor' });
    const voided = await owner.request('mutation($id: ID!) { voidInvoice(id: $id) { id } }', { id: draft.id });
    expect(voided.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(voided.errors?.[0]?.message).toContain('PAID');
    expect(await outboxForInvoice(draft.id)).toHaveLength(5);

    const payment = await owner.request('query($id: ID!) { payment(id: $id) { amount { amountMinor } invoice { number status } } }', { id: full.data.recordPayment.payment.id });
    expect(payment.data.payment).toEqual({ amount: { amountMinor: 8_000 }, invoice: { number: draft.number, status: 'PAID' } });
  });

  it('turns OVERDUE past the due date, even partly paid (OVERDUE comes before PARTIALLY_PAID)', async () => {
    const invoice = await createInvoice({ issueDate: '2026-01-01', dueDate: '2026-01-31' });
    expect(invoice.status).toBe('DRAFT');
    expect((await send(invoice.id)).status).toBe('OVERDUE');
    const partial = await pay(invoice.id, 2_000);
    expect(partial.data.recordPayment.invoice).toMatchObject({ status: 'OVERDUE', balance: { amountMinor: 10_000 } });
    const settled = await pay(invoice.id, 10_000);
    expect(settled.data.recordPayment.invoice.status).toBe('PAID');
    // Sent without an issue date, it is dated today (UTC), as the SDL says; one already due
    // before today would be issued after its due date, so it is refused, naming the due date,
    // and stays a DRAFT until either date is set.
    const late = await createInvoice({ dueDate: '2026-02-01' });
    const refused = await owner.request('mutation($id: ID!) { sendInvoice(id: $id) { id } }', { id: late.id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'dueDate' });
    expect(refused.errors?.[0]?.message).toMatch(/2026-02-01/);
    expect((await owner.request('query($id: ID!) { invoice(id: $id) { status issueDate sentAt } }', { id: late.id })).data.invoice).toEqual({ status: 'DRAFT', issueDate: null, sentAt: null });
    const today = new Date().toISOString().slice(0, 10);
    const onTime = await createInvoice({ dueDate: '2099-01-31' });
    expect(await send(onTime.id)).toMatchObject({ status: 'SENT', issueDate: today });
  });

  it('voids an invoice without payments, keeping its number, and refuses payments and a second void', async () => {
    const invoice = await createInvoice();
    await send(invoice.id);
    const voided = await owner.request(`mutation($id: ID!) { voidInvoice(id: $id) { ${INVOICE_FIELDS} } }`, { id: invoice.id });
    expect(voided.data.voidInvoice).toMatchObject({ status: 'VOID', number: invoice.number });
    expect(voided.data.voidInvoice.voidedAt).toBeTruthy();
    const again = await owner.request('mutation($id: ID!) { voidInvoice(id: $id) { id } }', { id: invoice.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toContain('VOID');
    expect((await pay(invoice.id, 100)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await outboxForInvoice(invoice.id)).map((event) => event.event_type)).toEqual(['InvoiceCreated', 'InvoiceSent', 'InvoiceVoided']);
    // A draft may be voided too; it stays VOID (VOID comes before DRAFT).
    const draft = await createInvoice();
    const voidedDraft = await owner.request('mutation($id: ID!) { voidInvoice(id: $id) { status number } }', { id: draft.id });
    expect(voidedDraft.data.voidInvoice).toEqual({ status: 'VOID', number: draft.number });
    expect((await owner.request('mutation($id: ID!) { sendInvoice(id: $id) { id } }', { id: draft.id })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('lets concurrent payments never overpay: the invoice row is locked', async () => {
    const invoice = await createInvoice({ lineItems: [{ description: 'Work', quantity: 1, unitPriceMinor: 1_000 }] });
    await send(invoice.id);
    const results = await Promise.all(Array.from({ length: 6 }, () => pay(invoice.id, 300)));
    expect(results.filter((result) => !result.errors)).toHaveLength(3);
    expect(results.filter((result) => result.errors?.[0]?.extensions?.field === 'input.amountMinor')).toHaveLength(3);
    const [row] = await t.db.admin('select amount_paid_minor, (select sum(amount_minor) from payments p where p.invoice_id = i.id) as paid from invoices i where id = $1', [invoice.id]);
    expect(Number(row.amount_paid_minor)).toBe(900);
    expect(Number(row.paid)).toBe(900);
  });

  it('answers NOT_FOUND for a missing or another tenant\'s invoice in a mutation, and null in a lookup', async () => {
    const beta = await t.as('beta');
    const foreign = (await beta.request(`mutation($c: ID!) { createInvoice(input: { clientId: $c, currency: "EUR", lineItems: [{ description: "B", quantity: 1, unitPriceMinor: 5 }] }) { id } }`, { c: betaClientId })).data.createInvoice.id;
    for (const id of [foreign, uuidv7()]) {
      expect((await pay(id, 1)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.invoiceId' });
      expect((await owner.request('mutation($id: ID!) { sendInvoice(id: $id) { id } }', { id })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      expect((await owner.request('query($id: ID!) { invoice(id: $id) { id } }', { id })).data.invoice).toBeNull();
    }
    const listed = await owner.request('query($c: ID!) { invoices(first: 100, filter: { clientId: $c }) { totalCount } }', { c: betaClientId });
    expect(listed.data.invoices.totalCount).toBe(0);
  });
});

describe('drafts', () => {
  it('updates a draft (lines repriced, version checked), deletes it keeping its number, and restores it', async () => {
    const draft = await createInvoice({ customFields: { po_number: 'PO-7', cost_center: 'A' } });
    const updated = await owner.request(
      `mutation($id: ID!, $input: UpdateInvoiceInput!) { updateInvoice(id: $id, input: $input, expectedVersion: 1) { ${INVOICE_FIELDS} } }`,
      { id: draft.id, input: { lineItems: [{ description: 'Two days', quantity: 2, unitPriceMinor: 50_000, taxRate: 0.1 }], currency: 'EUR', notes: 'revised', customFields: { cost_center: null, region: 'EU' } } },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateInvoice).toMatchObject({ version: 2, currency: 'EUR', total: { amountMinor: 110_000 }, tax: { amountMinor: 10_000 }, notes: 'revised', customFields: { po_number: 'PO-7', region: 'EU' } });
    expect(updated.data.updateInvoice.lineItems[0].unitPrice).toEqual({ amountMinor: 50_000, currency: 'EUR' });
    const stale = await owner.request('mutation($id: ID!) { updateInvoice(id: $id, input: { notes: "x" }, expectedVersion: 1) { id } }', { id: draft.id });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const badDates = await owner.request('mutation($id: ID!) { updateInvoice(id: $id, input: { issueDate: "2026-05-02", dueDate: "2026-05-01" }) { id } }', { id: draft.id });
    expect(badDates.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueDate' });
    const nullLines = await owner.request('mutation($id: ID!) { updateInvoice(id: $id, input: { lineItems: null }) { id } }', { id: draft.id });
    expect(nullLines.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lineItems' });
    // The same lines again (as stored, JSONB reorders their keys) are no change either.
    const sameLines = await owner.request('mutation($id: ID!, $lines: [LineItemInput!]) { updateInvoice(id: $id, input: { lineItems: $lines }) { version } }', {
      id: draft.id,
      lines: [{ description: 'Two days', quantity: 2, unitPriceMinor: 50_000, taxRate: 0.1 }],
    });
    expect(sameLines.data.updateInvoice.version).toBe(2);
    expect((await t.db.admin(`select 1 from outbox where aggregate_id = $1 and event_type = 'InvoiceUpdated'`, [draft.id])).length).toBe(1);
    const unchanged = await owner.request('mutation($id: ID!) { updateInvoice(id: $id, input: { notes: "revised" }) { version } }', { id: draft.id });
    expect(unchanged.data.updateInvoice.version).toBe(2);

    const deleted = await owner.request('mutation($id: ID!) { deleteInvoice(id: $id, expectedVersion: 2) { deletedAt deletedBy number } }', { id: draft.id });
    expect(deleted.data.deleteInvoice.deletedAt).toBeTruthy();
    expect(deleted.data.deleteInvoice.number).toBe(draft.number);
    expect((await owner.request('query($id: ID!) { invoice(id: $id) { id } }', { id: draft.id })).data.invoice).toBeNull();
    const ids = async (args = '') => (await owner.request(`{ invoices(first: 100${args}) { edges { node { id } } } }`)).data.invoices.edges.map((edge: any) => edge.node.id);
    expect(await ids()).not.toContain(draft.id);
    expect(await ids(', includeDeleted: true')).toContain(draft.id);
    expect((await member.request('{ invoices(includeDeleted: true) { totalCount } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A deleted invoice is as absent as a missing one to a mutation, but a reference still resolves.
    expect((await owner.request('mutation($id: ID!) { sendInvoice(id: $id) { id } }', { id: draft.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const restored = await owner.request('mutation($id: ID!) { restoreInvoice(id: $id) { deletedAt number status } }', { id: draft.id });
    expect(restored.data.restoreInvoice).toEqual({ deletedAt: null, number: draft.number, status: 'DRAFT' });
    const events = await outboxForInvoice(draft.id);
    expect(events.map((event) => event.event_type)).toEqual(['InvoiceCreated', 'InvoiceUpdated', 'InvoiceDeleted', 'InvoiceRestored']);
    expect(events[2]!.payload).toEqual({ number: draft.number, version: 3 });
    expect(events[3]!.payload).toEqual({ number: draft.number, version: 4 });
  });
});

describe('lists', () => {
  it('filters on the derived status and pages by number, at the top level and under a client', async () => {
    const fresh = (await owner.request('mutation { createClient(input: { name: "Listed client" }) { id } }')).data.createClient.id;
    const make = async (kind: string) => {
      const invoice = await createInvoice({ clientId: fresh, ...(kind === 'OVERDUE' ? { issueDate: '2026-01-01', dueDate: '2026-01-02' } : {}) });
      if (kind !== 'DRAFT') await send(invoice.id);
      if (kind === 'PARTIALLY_PAID' || kind === 'OVERDUE') await pay(invoice.id, 1);
      if (kind === 'PAID') await pay(invoice.id, 12_000);
      if (kind === 'VOID') await owner.request('mutation($id: ID!) { voidInvoice(id: $id) { id } }', { id: invoice.id });
      return invoice;
    };
    const made: Record<string, string> = {};
    for (const kind of ['DRAFT', 'SENT', 'PARTIALLY_PAID', 'PAID', 'OVERDUE', 'VOID', 'SENT', 'DRAFT']) made[`${kind}:${Object.keys(made).length}`] = (await make(kind)).number;
    const numbers = Object.values(made);

    const tree = await owner.request('query($c: ID!) { client(id: $c) { name invoices(first: 100) { totalCount edges { node { number status } } } } }', { c: fresh });
    expect(tree.data.client.name).toBe('Listed client');
    expect(tree.data.client.invoices.totalCount).toBe(8);
    expect(tree.data.client.invoices.edges.map((edge: any) => edge.node.status)).toEqual(['DRAFT', 'SENT', 'PARTIALLY_PAID', 'PAID', 'OVERDUE', 'VOID', 'SENT', 'DRAFT']);
    expect(tree.data.client.invoices.edges.map((edge: any) => edge.node.number)).toEqual(numbers);

    const statusesUnder = async (status: string[]) =>
      (await owner.request('query($c: ID!, $s: [InvoiceStatus!]) { client(id: $c) { invoices(filter: { status: $s }) { totalCount edges { node { status } } } } }', { c: fresh, s: status })).data.client.invoices;
    expect(await statusesUnder(['OVERDUE'])).toEqual({ totalCount: 1, edges: [{ node: { status: 'OVERDUE' } }] });
    expect((await statusesUnder(['SENT', 'DRAFT'])).totalCount).toBe(4);

    // Top level, filtered by client and status, two per page.
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: any = await owner.request('query($c: ID!, $after: String) { invoices(first: 2, after: $after, filter: { clientId: $c, status: [DRAFT, SENT, PAID] }) { totalCount pageInfo { hasNextPage endCursor } edges { node { number status } } } }', {
        c: fresh,
        after,
      });
      expect(page.errors).toBeUndefined();
      expect(page.data.invoices.totalCount).toBe(5);
      seen.push(...page.data.invoices.edges.map((edge: any) => edge.node.number));
      after = page.data.invoices.pageInfo.hasNextPage ? page.data.invoices.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual([numbers[0], numbers[1], numbers[3], numbers[6], numbers[7]]);

    // The same pages under the client.
    const firstPage = await owner.request('query($c: ID!) { client(id: $c) { invoices(first: 3, filter: { status: [DRAFT, SENT, PAID] }) { pageInfo { endCursor hasNextPage } edges { node { number } } } } }', { c: fresh });
    const next = await owner.request('query($c: ID!, $a: String) { client(id: $c) { invoices(first: 3, after: $a, filter: { status: [DRAFT, SENT, PAID] }) { totalCount pageInfo { hasNextPage hasPreviousPage } edges { node { number } } } } }', {
      c: fresh,
      a: firstPage.data.client.invoices.pageInfo.endCursor,
    });
    expect(next.data.client.invoices).toEqual({ totalCount: 5, pageInfo: { hasNextPage: false, hasPreviousPage: true }, edges: [{ node: { number: numbers[6] } }, { node: { number: numbers[7] } }] });
    const bad = await owner.request('{ invoices(after: "bm9wZQ") { totalCount } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('serves Client.invoices with payments for many clients in one statement per level', async () => {
    const query = (first: number) => `{ clients(first: ${first}) { edges { node { id invoices(first: 5) { totalCount edges { node { number status payments { amount { amountMinor } } } } } } } } }`;
    const all = await sqlStatements.capture(() => owner.request(query(20)));
    expect(all.result.errors).toBeUndefined();
    const clients = all.result.data.clients.edges;
    expect(clients.length).toBeGreaterThan(3);
    const payments = clients.flatMap((edge: any) => edge.node.invoices.edges.flatMap((invoice: any) => invoice.node.payments));
    expect(payments.length).toBeGreaterThan(2);
    // clients (crm), the invoices of every client (revenue), the payments of every invoice (revenue).
    expect(all.statements).toHaveLength(3);
  });

  it('serves Engagement.invoices, so the chain engagement -> invoices reads both ways, hiding deleted ones', async () => {
    const engagement = await owner.request('mutation($clientId: ID!) { createEngagement(input: { clientId: $clientId, name: "Retainer", type: RETAINER }) { id } }', { clientId });
    expect(engagement.errors).toBeUndefined();
    const engagementId = engagement.data.createEngagement.id;
    const first = await createInvoice({ engagementId });
    const second = await createInvoice({ engagementId });
    await createInvoice(); // of the client, not of the engagement
    const deleted = await createInvoice({ engagementId });
    expect((await owner.request('mutation($id: ID!) { deleteInvoice(id: $id) { id } }', { id: deleted.id })).errors).toBeUndefined();
    const read = (extra = '') =>
      owner.request(`query($id: ID!) { engagement(id: $id) { id invoices(first: 10${extra}) { totalCount edges { node { id number engagement { id } } } } } }`, { id: engagementId });
    const result = await read();
    expect(result.errors).toBeUndefined();
    expect(result.data.engagement.invoices.totalCount).toBe(2);
    expect(result.data.engagement.invoices.edges.map((edge: any) => edge.node)).toEqual([
      { id: first.id, number: first.number, engagement: { id: engagementId } },
      { id: second.id, number: second.number, engagement: { id: engagementId } },
    ]);
    const withDeleted = await read(', includeDeleted: true');
    expect(withDeleted.data.engagement.invoices.edges.map((edge: any) => edge.node.id)).toEqual([first.id, second.id, deleted.id]);
    const paged = await owner.request('query($id: ID!) { engagement(id: $id) { invoices(first: 1, filter: { status: [DRAFT] }) { edges { node { id } } pageInfo { hasNextPage } } } }', { id: engagementId });
    expect(paged.data.engagement.invoices).toEqual({ edges: [{ node: { id: first.id } }], pageInfo: { hasNextPage: true } });
  });
});

describe('audit and history', () => {
  it('writes an activity event per change and keeps every version, answering asOf with the state then', async () => {
    const invoice = await createInvoice({ lineItems: [{ description: 'Audit', quantity: 2, unitPriceMinor: 500 }] });
    await send(invoice.id);
    const [{ now: beforePayment }] = await t.db.admin('select clock_timestamp() as now');
    const paid = await pay(invoice.id, 400);
    const paymentId = paid.data.recordPayment.payment.id;

    const events = await t.db.admin<{ action: string; changes: any; client_id: string; entity_type: string }>(
      'select action, changes, client_id, entity_type from activity_events where entity_id = any($1::uuid[]) order by seq',
      [[invoice.id, paymentId]],
    );
    expect(events.map((event) => `${event.entity_type}:${event.action}`)).toEqual(['Invoice:created', 'Invoice:updated', 'Payment:created', 'Invoice:updated']);
    expect(events.every((event) => event.client_id === clientId)).toBe(true);
    expect(events[0]!.changes.line_items.to[0]).toMatchObject({ description: 'Audit', subtotalMinor: 1000 });
    expect(Object.keys(events[1]!.changes).sort()).toEqual(['issue_date', 'sent_at']);
    expect(events[3]!.changes.amount_paid_minor).toEqual({ from: 0, to: 400 });

    const history = await owner.request('query($id: ID!) { invoice(id: $id) { version history { totalCount edges { node { version actor snapshot { status amountPaid { amountMinor } number lineItems { total { amountMinor } } } } } } } }', { id: invoice.id });
    expect(history.data.invoice.version).toBe(3);
    expect(history.data.invoice.history.edges.map((edge: any) => edge.node.snapshot.status)).toEqual(['DRAFT', 'SENT', 'PARTIALLY_PAID']);
    expect(history.data.invoice.history.edges[0].node.snapshot).toMatchObject({ number: invoice.number, lineItems: [{ total: { amountMinor: 1000 } }] });
    expect(history.data.invoice.history.edges[2].node.actor).toBe(`user:${t.tenants.alpha!.userIds['owner@alpha.test']}`);

    const then = await owner.request('query($id: ID!, $at: DateTime) { invoice(id: $id, asOf: $at) { status amountPaid { amountMinor } version } }', { id: invoice.id, at: beforePayment.toISOString() });
    expect(then.data.invoice).toEqual({ status: 'SENT', amountPaid: { amountMinor: 0 }, version: 2 });
    const under = await owner.request('query($c: ID!, $at: DateTime) { client(id: $c) { invoices(first: 100, asOf: $at, filter: { status: [SENT] }) { edges { node { id amountPaid { amountMinor } } } } } }', { c: clientId, at: beforePayment.toISOString() });
    expect(under.data.client.invoices.edges.map((edge: any) => edge.node.id)).toContain(invoice.id);

    // Payments never change, even for the table owner.
    await expect(t.db.admin('update payments set amount_minor = 1 where id = $1', [paymentId])).rejects.toThrow(/never changed/);
    await expect(t.db.admin('delete from payments where id = $1', [paymentId])).rejects.toThrow(/never changed/);
    // Nor does an invoice's number.
    await expect(t.db.admin('update invoices set number = number + 1000 where id = $1', [invoice.id])).rejects.toThrow(/keeps its number/);
  });
});
