import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@ubos/kernel';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// Vendors and bills, what the firm owes, through the real gateway and PostgreSQL.
let t: TestStack;
let owner: GraphQLClient;
let member: GraphQLClient;

beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
  member = await t.anonymous.login('member@alpha.test');
});
afterAll(() => t?.close());

const BILL_FIELDS = `id status version reference currency vendor { id name deletedAt }
  total { amountMinor currency } tax { amountMinor } amountPaid { amountMinor } balance { amountMinor }
  issueDate dueDate approvedAt paidAt voidedAt notes
  lineItems { description subtotal { amountMinor } tax { amountMinor } }
  payments { id amount { amountMinor currency } reference bill { id } }`;

const LINE = { description: 'Hosting', quantity: 3, unitPriceMinor: 3_333, taxRate: 0.2 }; // 9999, tax 1999.8 -> 2000

async function createVendor(name: string) {
  const result = await owner.request('mutation($name: String!) { createVendor(input: { name: $name, email: "AP@Vendor.example" }) { id name email version } }', { name });
  expect(result.errors).toBeUndefined();
  return result.data.createVendor;
}

async function createBill(vendorId: string, input: Record<string, unknown> = {}) {
  const result = await owner.request(`mutation($input: CreateBillInput!) { createBill(input: $input) { ${BILL_FIELDS} } }`, {
    input: { vendorId, currency: 'USD', lineItems: [LINE], reference: 'V-100', issueDate: '2026-03-01', dueDate: '2026-03-31', ...input },
  });
  expect(result.errors).toBeUndefined();
  return result.data.createBill;
}

const transition = (field: string, id: string) => owner.request(`mutation($id: ID!) { ${field}(id: $id) { ${BILL_FIELDS} } }`, { id });
const payBill = (billId: string, amountMinor: number) =>
  owner.request(`mutation($input: RecordBillPaymentInput!) { recordBillPayment(input: $input) { payment { id amount { amountMinor } reference } bill { ${BILL_FIELDS} } } }`, {
    input: { billId, amountMinor, reference: 'PAY-1', paidAt: '2026-04-02T09:00:00Z' },
  });
const events = async (id: string) => (await t.db.admin('select event_type from outbox where aggregate_id = $1 or payload ->> \'billId\' = $1::text order by id', [id])).map((row) => row.event_type);

describe('vendors', () => {
  it('creates, validates, updates with a version check, searches, deletes and restores vendors', async () => {
    const vendor = await createVendor('Acme Hosting');
    expect(vendor).toMatchObject({ name: 'Acme Hosting', email: 'ap@vendor.example', version: 1 });
    for (const [input, field] of [
      [{ name: '  ' }, 'input.name'],
      [{ name: 'X', email: 'not-an-email' }, 'input.email'],
      [{ name: 'X', phone: '1'.repeat(51) }, 'input.phone'],
    ] as const) {
      const result = await owner.request('mutation($input: CreateVendorInput!) { createVendor(input: $input) { id } }', { input });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const updated = await owner.request('mutation($id: ID!) { updateVendor(id: $id, input: { name: "Acme Cloud", notes: "Net 30" }, expectedVersion: 1) { name notes version } }', { id: vendor.id });
    expect(updated.data.updateVendor).toEqual({ name: 'Acme Cloud', notes: 'Net 30', version: 2 });
    const stale = await owner.request('mutation($id: ID!) { updateVendor(id: $id, input: { name: "Lost" }, expectedVersion: 1) { id } }', { id: vendor.id });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const search = await owner.request('{ vendors(filter: { search: "cloud" }) { totalCount edges { node { name } } } }');
    expect(search.data.vendors).toEqual({ totalCount: 1, edges: [{ node: { name: 'Acme Cloud' } }] });
    const sorted = await owner.request('{ vendors(first: 100) { edges { node { name } } } }');
    const names = sorted.data.vendors.edges.map((edge: any) => edge.node.name);
    expect(names).toEqual([...names].sort());

    await owner.request('mutation($id: ID!) { deleteVendor(id: $id) { id } }', { id: vendor.id });
    expect((await owner.request('query($id: ID!) { vendor(id: $id) { id } }', { id: vendor.id })).data.vendor).toBeNull();
    expect((await owner.request('{ vendors(filter: { search: "cloud" }) { totalCount } }')).data.vendors.totalCount).toBe(0);
    expect((await owner.request('{ vendors(filter: { search: "cloud" }, includeDeleted: true) { totalCount } }')).data.vendors.totalCount).toBe(1);
    expect((await member.request('{ vendors(includeDeleted: true) { totalCount } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // No new bills for a deleted vendor.
    const onDeleted = await owner.request('mutation($v: ID!) { createBill(input: { vendorId: $v, currency: "USD", lineItems: [{ description: "X", quantity: 1, unitPriceMinor: 1 }] }) { id } }', { v: vendor.id });
    expect(onDeleted.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.vendorId' });
    const restored = await owner.request('mutation($id: ID!) { restoreVendor(id: $id) { name deletedAt version } }', { id: vendor.id });
    expect(restored.data.restoreVendor).toMatchObject({ name: 'Acme Cloud', deletedAt: null });
    const vendorEvents = await t.db.admin('select event_type, aggregate_type, payload from outbox where aggregate_id = $1 order by id', [vendor.id]);
    expect(vendorEvents.map((row) => row.event_type)).toEqual(['VendorCreated', 'VendorUpdated', 'VendorDeleted', 'VendorRestored']);
    expect(vendorEvents[3]).toMatchObject({ aggregate_type: 'Vendor', payload: { version: restored.data.restoreVendor.version } });
    // Restoring a live vendor changes nothing and announces nothing.
    await owner.request('mutation($id: ID!) { restoreVendor(id: $id) { id } }', { id: vendor.id });
    expect(await t.db.admin('select 1 from outbox where aggregate_id = $1', [vendor.id])).toHaveLength(4);

    const history = await owner.request('query($id: ID!) { vendor(id: $id) { history { edges { node { version snapshot { name deletedAt } } } } } }', { id: vendor.id });
    expect(history.data.vendor.history.edges.map((edge: any) => edge.node.snapshot.name)).toEqual(['Acme Hosting', 'Acme Cloud', 'Acme Cloud', 'Acme Cloud']);
    const activity = await t.db.admin('select action from activity_events where entity_id = $1 order by seq', [vendor.id]);
    expect(activity.map((row) => row.action)).toEqual(['created', 'updated', 'deleted', 'restored']);
  });
});

describe('bills', () => {
  it('takes a bill from DRAFT through APPROVED to PAID with partial payments, refusing what does not fit', async () => {
    const vendor = await createVendor('Lifecycle Vendor');
    const bill = await createBill(vendor.id);
    expect(bill).toMatchObject({ status: 'DRAFT', version: 1, total: { amountMinor: 11_999, currency: 'USD' }, tax: { amountMinor: 2_000 }, balance: { amountMinor: 11_999 }, vendor: { id: vendor.id } });

    for (const [input, field] of [
      [{ lineItems: [] }, 'input.lineItems'],
      [{ lineItems: [{ ...LINE, taxRate: -0.1 }] }, 'input.lineItems.0.taxRate'],
      [{ currency: 'EURO' }, 'input.currency'],
      [{ issueDate: '2026-04-01', dueDate: '2026-03-01' }, 'input.dueDate'],
      [{ vendorId: 'nope' }, 'input.vendorId'],
    ] as Array<[Record<string, unknown>, string]>) {
      const result = await owner.request('mutation($input: CreateBillInput!) { createBill(input: $input) { id } }', { input: { vendorId: vendor.id, currency: 'USD', lineItems: [LINE], ...input } });
      expect(result.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await owner.request('mutation($v: ID!) { createBill(input: { vendorId: $v, currency: "USD", lineItems: [{ description: "X", quantity: 1, unitPriceMinor: 1 }] }) { id } }', { v: uuidv7() })).errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.vendorId',
    });

    // Only APPROVED bills are paid.
    const onDraft = await payBill(bill.id, 100);
    expect(onDraft.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(onDraft.errors?.[0]?.message).toContain('DRAFT');

    const updated = await owner.request(`mutation($id: ID!) { updateBill(id: $id, input: { lineItems: [{ description: "Hosting", quantity: 2, unitPriceMinor: 5000, taxRate: 0.1 }], notes: "corrected" }, expectedVersion: 1) { ${BILL_FIELDS} } }`, { id: bill.id });
    expect(updated.data.updateBill).toMatchObject({ version: 2, total: { amountMinor: 11_000 }, notes: 'corrected' });

    const approved = (await transition('approveBill', bill.id)).data.approveBill;
    expect(approved.status).toBe('APPROVED');
    expect(approved.approvedAt).toBeTruthy();
    const twice = await transition('approveBill', bill.id);
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(twice.errors?.[0]?.message).toContain('APPROVED');
    expect((await owner.request('mutation($id: ID!) { updateBill(id: $id, input: { notes: "x" }) { id } }', { id: bill.id })).errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const partial = await payBill(bill.id, 6_000);
    expect(partial.errors).toBeUndefined();
    expect(partial.data.recordBillPayment.bill).toMatchObject({ status: 'APPROVED', amountPaid: { amountMinor: 6_000 }, balance: { amountMinor: 5_000 } });
    expect(partial.data.recordBillPayment.payment).toMatchObject({ amount: { amountMinor: 6_000 }, reference: 'PAY-1' });
    for (const amount of [5_001, 0]) expect((await payBill(bill.id, amount)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amountMinor' });
    // Paid in part: it can be neither voided nor deleted.
    expect((await transition('voidBill', bill.id)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await transition('deleteBill', bill.id)).errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const full = await payBill(bill.id, 5_000);
    expect(full.data.recordBillPayment.bill).toMatchObject({ status: 'PAID', balance: { amountMinor: 0 } });
    expect(full.data.recordBillPayment.bill.paidAt).toBeTruthy();
    expect(full.data.recordBillPayment.bill.payments.map((payment: any) => payment.amount.amountMinor)).toEqual([6_000, 5_000]);
    // Settled: no more payments, a CONFLICT that names the status (not a balance complaint).
    const onPaid = await payBill(bill.id, 1);
    expect(onPaid.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(onPaid.errors?.[0]?.message).toContain('PAID');
    expect((await transition('voidBill', bill.id)).errors?.[0]?.message).toContain('PAID');
    expect(await events(bill.id)).toEqual(['BillCreated', 'BillUpdated', 'BillApproved', 'BillPaymentRecorded', 'BillPaymentRecorded', 'BillPaid']);

    const history = await owner.request('query($id: ID!) { bill(id: $id) { history { totalCount edges { node { snapshot { status amountPaid { amountMinor } } } } } } }', { id: bill.id });
    expect(history.data.bill.history.edges.map((edge: any) => edge.node.snapshot.status)).toEqual(['DRAFT', 'DRAFT', 'APPROVED', 'APPROVED', 'PAID']);
  });

  it('approves a bill of total 0 straight to PAID', async () => {
    const vendor = await createVendor('Free Tier Vendor');
    const bill = await createBill(vendor.id, { lineItems: [{ description: 'Free plan', quantity: 1, unitPriceMinor: 0 }] });
    expect(bill).toMatchObject({ status: 'DRAFT', total: { amountMinor: 0 } });
    const approved = await transition('approveBill', bill.id);
    expect(approved.errors).toBeUndefined();
    expect(approved.data.approveBill).toMatchObject({ status: 'PAID', balance: { amountMinor: 0 }, payments: [] });
    expect(approved.data.approveBill.approvedAt).toBeTruthy();
    expect(approved.data.approveBill.paidAt).toBeTruthy();
    expect(await events(bill.id)).toEqual(['BillCreated', 'BillApproved', 'BillPaid']);
    expect((await payBill(bill.id, 1)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('voids and deletes bills without payments, and lists them by status and vendor', async () => {
    const vendor = await createVendor('Listing Vendor');
    const draft = await createBill(vendor.id);
    const approved = await createBill(vendor.id);
    await transition('approveBill', approved.id);
    const voided = (await transition('voidBill', approved.id)).data.voidBill;
    expect(voided.status).toBe('VOID');
    expect(voided.voidedAt).toBeTruthy();
    expect((await transition('voidBill', approved.id)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await transition('approveBill', approved.id)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const third = await createBill(vendor.id);

    const byVendor = await owner.request('query($v: ID!) { bills(first: 100, filter: { vendorId: $v }) { totalCount edges { node { id status } } } }', { v: vendor.id });
    expect(byVendor.data.bills.edges.map((edge: any) => edge.node.id)).toEqual([draft.id, approved.id, third.id]);
    const drafts = await owner.request('query($v: ID!) { bills(filter: { vendorId: $v, status: [DRAFT] }) { totalCount } vendor(id: $v) { bills(filter: { status: [VOID] }) { totalCount edges { node { id } } } } }', { v: vendor.id });
    expect(drafts.data.bills.totalCount).toBe(2);
    expect(drafts.data.vendor.bills).toEqual({ totalCount: 1, edges: [{ node: { id: approved.id } }] });

    const deleted = await owner.request('mutation($id: ID!) { deleteBill(id: $id, expectedVersion: 1) { deletedAt } }', { id: draft.id });
    expect(deleted.data.deleteBill.deletedAt).toBeTruthy();
    expect((await owner.request('query($id: ID!) { bill(id: $id) { id } }', { id: draft.id })).data.bill).toBeNull();
    const under = await owner.request('query($v: ID!) { vendor(id: $v) { bills { totalCount } all: bills(includeDeleted: true) { totalCount } } }', { v: vendor.id });
    expect(under.data.vendor).toEqual({ bills: { totalCount: 2 }, all: { totalCount: 3 } });
    await owner.request('mutation($id: ID!) { restoreBill(id: $id) { id } }', { id: draft.id });
    expect((await owner.request('query($id: ID!) { bill(id: $id) { status } }', { id: draft.id })).data.bill).toEqual({ status: 'DRAFT' });
    const billEvents = await t.db.admin('select event_type, aggregate_type, payload from outbox where aggregate_id = $1 order by id', [draft.id]);
    expect(billEvents.map((row) => row.event_type)).toEqual(['BillCreated', 'BillDeleted', 'BillRestored']);
    expect(billEvents[1]).toMatchObject({ aggregate_type: 'Bill', payload: { version: 2, vendorId: vendor.id } });
    expect(billEvents[2]).toMatchObject({ aggregate_type: 'Bill', payload: { version: 3, vendorId: vendor.id } });

    // A bill of a deleted vendor still shows its vendor.
    await owner.request('mutation($id: ID!) { deleteVendor(id: $id) { id } }', { id: vendor.id });
    const orphan = await owner.request('query($id: ID!) { bill(id: $id) { vendor { name deletedAt } } }', { id: third.id });
    expect(orphan.data.bill.vendor.name).toBe('Listing Vendor');
    expect(orphan.data.bill.vendor.deletedAt).toBeTruthy();
  });

  it('answers NOT_FOUND for another tenant\'s bill or vendor in a mutation, and null in a lookup', async () => {
    const betaOrganization = t.tenants.beta!.organizationId;
    const [foreignBill] = await t.db.admin<{ id: string; vendor_id: string }>("select id, vendor_id from bills where organization_id = $1 and status = 'APPROVED' limit 1", [betaOrganization]);
    expect((await payBill(foreignBill!.id, 1)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.billId' });
    expect((await transition('approveBill', foreignBill!.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await owner.request('query($id: ID!) { bill(id: $id) { id } vendor(id: $id) { id } }', { id: foreignBill!.id })).data).toEqual({ bill: null, vendor: null });
    const vendorUpdate = await owner.request('mutation($id: ID!) { updateVendor(id: $id, input: { name: "Hijacked" }) { id } }', { id: foreignBill!.vendor_id });
    expect(vendorUpdate.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const [row] = await t.db.admin('select amount_paid_minor from bills where id = $1', [foreignBill!.id]);
    expect(Number(row.amount_paid_minor)).toBeGreaterThanOrEqual(0);
    expect((await t.db.admin('select name from vendors where id = $1', [foreignBill!.vendor_id]))[0].name).not.toBe('Hijacked');
  });
});
