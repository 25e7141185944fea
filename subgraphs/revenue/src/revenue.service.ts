import type { FilterQuery } from '@mikro-orm/core';
import {
  samePricedLines,
  assignChanges,
  badUserInput,
  checkDateOrder,
  conflict,
  deleteEntity,
  insertEntity,
  escapeLike,
  includeDeletedRows,
  emitDomainEvent,
  encodeCursor,
  findPage,
  flushAndReload,
  loadForUpdate,
  lookupAsOf,
  notFound,
  optionalEmail,
  optionalText,
  parseAsOf,
  parseCurrency,
  parseId,
  priceLineItems,
  requiredText,
  restoreEntity,
  toConnection,
  uuidv7,
  type Connection,
  type LineItemInput,
  saveChanges,
  type MissingReferences,
  type PageArgs,
  type PricedLines,
} from '@ubos/kernel';
import type { RevenueContext } from './context.js';
import { BillPaymentSchema, type BillPaymentEntity } from './entities/bill-payment.entity.js';
import { BillSchema, type BillEntity } from './entities/bill.entity.js';
import { InvoiceSchema, type InvoiceEntity } from './entities/invoice.entity.js';
import { PaymentSchema, type PaymentEntity } from './entities/payment.entity.js';
import { VendorSchema, type VendorEntity } from './entities/vendor.entity.js';
import { invoiceCustomFields } from './custom-fields.js';
import { findInvoicePage, invoiceStatusCondition, parseInvoicePage } from './invoice-pages.js';
import { formatInvoiceNumber, invoiceStatus, type InvoiceStatus } from './invoice-status.js';
import type { RecordBillPaymentPayloadModel, RecordPaymentPayloadModel } from './mappers.js';
import type {
  BillFilter,
  ClientInvoiceFilter,
  CreateBillInput,
  CreateInvoiceInput,
  CreateVendorInput,
  InvoiceFilter,
  RecordBillPaymentInput,
  RecordPaymentInput,
  UpdateBillInput,
  UpdateInvoiceInput,
  UpdateVendorInput,
  VendorBillFilter,
  VendorFilter,
} from './__generated__/resolvers-types.js';

const NOTES_MAX = 10_000;

/* ------------------------------------------------------------------------------------------
 * Shared checks
 * ---------------------------------------------------------------------------------------- */

/** A positive amount of minor units. */
function positiveAmount(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) throw badUserInput(`${field} must be a positive integer of minor units`, field);
  return value;
}

/** Custom field values are an object of values by key; the lead wires validation against the definitions. */
function paidAtOf(value: Date | string | null | undefined, field: string): Date {
  return parseAsOf(value, field) ?? new Date();
}


function priced(items: readonly LineItemInput[] | null | undefined, field: string): PricedLines {
  if (items === null) throw badUserInput(`${field} must not be null`, field);
  return priceLineItems(items, field);
}

/* ------------------------------------------------------------------------------------------
 * Invoices
 * ---------------------------------------------------------------------------------------- */

const invoiceEvent = (invoice: InvoiceEntity) => ({ type: 'Invoice', id: invoice.id });
const describeInvoice = (ctx: RevenueContext, invoice: InvoiceEntity) => `Invoice ${formatInvoiceNumber(invoice.number)} is ${statusOf(ctx, invoice)}`;

export const statusOf = (ctx: RevenueContext, invoice: InvoiceEntity): InvoiceStatus => invoiceStatus(invoice, ctx.loaders.today);

export async function listInvoices(ctx: RevenueContext, args: PageArgs & { filter?: InvoiceFilter | null }): Promise<Connection<InvoiceEntity>> {
  const includeDeleted = includeDeletedRows(ctx, args.includeDeleted);
  const page = parseInvoicePage({ first: args.first, after: args.after, statuses: args.filter?.status, includeDeleted });
  const clientId = args.filter?.clientId ? parseId(args.filter.clientId, 'filter.clientId') : undefined;
  const customFields = await invoiceCustomFields.filterSql(ctx, args.filter?.customFields);
  return findInvoicePage(ctx.em, ctx.organizationId(), ctx.loaders.today, page, clientId, customFields);
}

/**
 * The client's invoices. With asOf, the invoices that belonged to the client at that instant,
 * as they were then (from the history), paged by (number, id) like the present list.
 */
export async function invoicesOfClient(
  ctx: RevenueContext,
  clientId: string,
  args: PageArgs & { filter?: ClientInvoiceFilter | null; asOf?: Date | string | null },
): Promise<Connection<InvoiceEntity>> {
  const includeDeleted = includeDeletedRows(ctx, args.includeDeleted);
  const page = parseInvoicePage({ first: args.first, after: args.after, statuses: args.filter?.status, includeDeleted });
  const at = parseAsOf(args.asOf);
  if (!at) return invoicePage(ctx, ctx.loaders.invoicesOfClient, clientId, args, page);
  const statuses = args.filter?.status;
  const all = (await ctx.loaders.invoiceHistory.ofClientAsOf(clientId, at))
    .filter((invoice) => !statuses || statuses.includes(statusOf(ctx, invoice)))
    .sort((a, b) => a.number - b.number || (a.id < b.id ? -1 : 1));
  const rest = all.filter((invoice) => !page.after || invoice.number > page.after[0] || (invoice.number === page.after[0] && invoice.id > page.after[1]));
  return toConnection(rest.slice(0, page.first + 1), page.first, (invoice) => encodeCursor([invoice.number, invoice.id]), Boolean(page.after), () => all.length);
}

/** The invoices billed under an engagement, by number, with the same filters as a client's. */
export function invoicesOfEngagement(ctx: RevenueContext, engagementId: string, args: PageArgs & { filter?: ClientInvoiceFilter | null }): Promise<Connection<InvoiceEntity>> {
  const includeDeleted = includeDeletedRows(ctx, args.includeDeleted);
  const page = parseInvoicePage({ first: args.first, after: args.after, statuses: args.filter?.status, includeDeleted });
  return invoicePage(ctx, ctx.loaders.invoicesOfEngagement, engagementId, args, page);
}

function invoicePage(ctx: RevenueContext, loader: RevenueContext['loaders']['invoicesOfClient'], parentId: string, args: PageArgs, page: ReturnType<typeof parseInvoicePage>) {
  const conditions = page.statuses ? [invoiceStatusCondition(page.statuses, ctx.loaders.today)] : [];
  return loader(parentId, { first: args.first, after: args.after, includeDeleted: page.includeDeleted, conditions });
}

export const getInvoice = (ctx: RevenueContext, id: string, asOf?: Date | string | null) =>
  lookupAsOf(id, asOf, { current: (key) => ctx.loaders.invoiceById.load(key), asOf: ctx.loaders.invoiceHistory.asOf });

export const getPayment = (ctx: RevenueContext, id: string) => ctx.loaders.paymentById.load(parseId(id, 'id'));

/** Clients and engagements belong to other subgraphs: their composite foreign keys decide. */
const INVOICE_REFERENCES: MissingReferences = {
  invoices_engagement_client_fk: ['Engagement of this client', 'input.engagementId'],
  invoices_client_fk: ['Client', 'input.clientId'],
};

export async function createInvoice(ctx: RevenueContext, input: CreateInvoiceInput): Promise<InvoiceEntity> {
  const clientId = parseId(input.clientId, 'input.clientId');
  const currency = parseCurrency(input.currency, 'input.currency');
  const lines = priced(input.lineItems, 'input.lineItems');
  checkDateOrder(input.issueDate, input.dueDate, 'input.dueDate');
  const now = new Date();
  const invoice = ctx.em.create(InvoiceSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    clientId,
    engagementId: input.engagementId ? parseId(input.engagementId, 'input.engagementId') : null,
    currency,
    ...lines,
    amountPaidMinor: 0,
    issueDate: input.issueDate ?? null,
    dueDate: input.dueDate ?? null,
    sentAt: null,
    voidedAt: null,
    notes: optionalText(input.notes, 'input.notes', NOTES_MAX) ?? null,
    customFields: await invoiceCustomFields.apply(ctx, input.customFields, null),
    createdAt: now,
    updatedAt: now,
  } as InvoiceEntity);
  // The insert takes the tenant's next number (a trigger, in this transaction): a failure
  // from here on rolls the number back with everything else, so numbers stay gapless.
  return insertEntity(ctx, invoice, 'Invoice', {
    payload: (row) => ({ number: formatInvoiceNumber(row.number), clientId: row.clientId, totalMinor: row.totalMinor, currency: row.currency }),
    missing: INVOICE_REFERENCES,
  });
}

function requireDraft(ctx: RevenueContext, invoice: InvoiceEntity, what: string): void {
  const status = statusOf(ctx, invoice);
  if (status !== 'DRAFT') throw conflict(`${describeInvoice(ctx, invoice)}: only a DRAFT can be ${what}`);
}

export async function updateInvoice(ctx: RevenueContext, id: string, input: UpdateInvoiceInput, expectedVersion?: number | null): Promise<InvoiceEntity> {
  const invoice = await loadForUpdate(ctx, InvoiceSchema, 'Invoice', id, { expectedVersion });
  requireDraft(ctx, invoice, 'changed');
  const changes: Partial<InvoiceEntity> = {
    currency: input.currency === undefined ? undefined : parseCurrency(input.currency, 'input.currency'),
    issueDate: input.issueDate,
    dueDate: input.dueDate,
    engagementId: input.engagementId === undefined ? undefined : input.engagementId === null ? null : parseId(input.engagementId, 'input.engagementId'),
    notes: optionalText(input.notes, 'input.notes', NOTES_MAX),
  };
  if (input.lineItems !== undefined) {
    const lines = priced(input.lineItems, 'input.lineItems');
    if (!samePricedLines(lines.lineItems, invoice.lineItems)) {
      Object.assign(changes, lines);
    }
  }
  changes.customFields = await invoiceCustomFields.apply(ctx, input.customFields, invoice.customFields ?? {});
  const changed = assignChanges(invoice, changes);
  checkDateOrder(invoice.issueDate, invoice.dueDate, 'input.dueDate');
  return saveChanges(ctx, invoice, changed, { type: 'Invoice', missing: INVOICE_REFERENCES });
}

export async function sendInvoice(ctx: RevenueContext, id: string): Promise<InvoiceEntity> {
  const invoice = await loadForUpdate(ctx, InvoiceSchema, 'Invoice', id);
  requireDraft(ctx, invoice, 'sent');
  const now = new Date();
  const today = ctx.loaders.today;
  invoice.sentAt = now;
  // Dated the day it is sent. One already due would be issued after its due date: refused,
  // so the caller sets a later due date (or an issue date) rather than getting a silent choice.
  if (!invoice.issueDate) {
    if (invoice.dueDate && invoice.dueDate < today) {
      throw conflict(`Invoice ${formatInvoiceNumber(invoice.number)} is due ${invoice.dueDate}, before today (${today}), when it would be issued: set a later due date or an issue date first`, { field: 'dueDate' });
    }
    invoice.issueDate = today;
  }
  invoice.updatedAt = now;
  await flushAndReload(ctx, invoice);
  await emitDomainEvent(ctx, 'InvoiceSent', invoiceEvent(invoice), {
    number: formatInvoiceNumber(invoice.number),
    clientId: invoice.clientId,
    totalMinor: invoice.totalMinor,
    currency: invoice.currency,
    dueDate: invoice.dueDate,
  });
  // A total of 0 is settled the moment it is sent (its derived status is PAID): say so too.
  if (statusOf(ctx, invoice) === 'PAID') {
    await emitDomainEvent(ctx, 'InvoicePaid', invoiceEvent(invoice), {
      number: formatInvoiceNumber(invoice.number),
      clientId: invoice.clientId,
      totalMinor: invoice.totalMinor,
      currency: invoice.currency,
    });
  }
  return invoice;
}

export async function voidInvoice(ctx: RevenueContext, id: string): Promise<InvoiceEntity> {
  const invoice = await loadForUpdate(ctx, InvoiceSchema, 'Invoice', id);
  if (invoice.voidedAt) throw conflict(`${describeInvoice(ctx, invoice)} already`);
  if (Number(invoice.amountPaidMinor) > 0) throw conflict(`${describeInvoice(ctx, invoice)} and has payments: it cannot be voided`);
  const now = new Date();
  invoice.voidedAt = now;
  invoice.updatedAt = now;
  await flushAndReload(ctx, invoice);
  await emitDomainEvent(ctx, 'InvoiceVoided', invoiceEvent(invoice), { number: formatInvoiceNumber(invoice.number), clientId: invoice.clientId });
  return invoice;
}

const invoiceNumberPayload = (invoice: InvoiceEntity) => ({ number: formatInvoiceNumber(invoice.number) });

export function deleteInvoice(ctx: RevenueContext, id: string, expectedVersion?: number | null): Promise<InvoiceEntity> {
  return deleteEntity(ctx, InvoiceSchema, 'Invoice', id, expectedVersion, {
    check: (invoice) => {
      if (statusOf(ctx, invoice) !== 'DRAFT') throw conflict(`${describeInvoice(ctx, invoice)}: only a DRAFT can be deleted (void it instead)`);
    },
    payload: invoiceNumberPayload,
  });
}

export function restoreInvoice(ctx: RevenueContext, id: string): Promise<InvoiceEntity> {
  return restoreEntity(ctx, InvoiceSchema, 'Invoice', id, { payload: invoiceNumberPayload });
}

/**
 * Records money received. The invoice row is locked (SELECT … FOR UPDATE) for the whole
 * transaction, so concurrent payments queue and none can take the balance below zero; the
 * payment insert, the new amount paid and the outbox events commit together or not at all.
 */
export async function recordPayment(ctx: RevenueContext, input: RecordPaymentInput): Promise<RecordPaymentPayloadModel> {
  const amount = positiveAmount(input.amountMinor, 'input.amountMinor');
  const method = optionalText(input.method, 'input.method', 100) ?? null;
  const reference = optionalText(input.reference, 'input.reference', 200) ?? null;
  const paidAt = paidAtOf(input.paidAt, 'input.paidAt');
  const invoice = await loadForUpdate(ctx, InvoiceSchema, 'Invoice', input.invoiceId, { field: 'input.invoiceId' });
  const status = statusOf(ctx, invoice);
  if (status === 'DRAFT' || status === 'VOID') throw conflict(`${describeInvoice(ctx, invoice)}: payments are recorded on sent invoices only`);
  const balance = Number(invoice.totalMinor) - Number(invoice.amountPaidMinor);
  if (amount > balance) throw badUserInput(`input.amountMinor is more than the balance of ${balance}`, 'input.amountMinor');
  const now = new Date();
  const payment = ctx.em.create(PaymentSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    invoiceId: invoice.id,
    clientId: invoice.clientId,
    amountMinor: amount,
    currency: invoice.currency,
    paidAt,
    method,
    reference,
    createdAt: now,
  } as PaymentEntity);
  invoice.amountPaidMinor = Number(invoice.amountPaidMinor) + amount;
  invoice.updatedAt = now;
  await ctx.em.flush();
  await ctx.em.refresh(invoice);
  await ctx.em.refresh(payment);
  const balanceMinor = Number(invoice.totalMinor) - Number(invoice.amountPaidMinor);
  await emitDomainEvent(ctx, 'PaymentRecorded', { type: 'Payment', id: payment.id }, {
    invoiceId: invoice.id,
    number: formatInvoiceNumber(invoice.number),
    clientId: invoice.clientId,
    amountMinor: amount,
    currency: invoice.currency,
    balanceMinor,
  });
  if (balanceMinor === 0) {
    await emitDomainEvent(ctx, 'InvoicePaid', invoiceEvent(invoice), {
      number: formatInvoiceNumber(invoice.number),
      clientId: invoice.clientId,
      totalMinor: invoice.totalMinor,
      currency: invoice.currency,
    });
  }
  return { payment, invoice };
}

/* ------------------------------------------------------------------------------------------
 * Vendors
 * ---------------------------------------------------------------------------------------- */

export function listVendors(ctx: RevenueContext, args: PageArgs & { filter?: VendorFilter | null }): Promise<Connection<VendorEntity>> {
  const search = args.filter?.search?.trim();
  const where: FilterQuery<VendorEntity> = search ? { name: { $ilike: `%${escapeLike(search)}%` } } : {};
  return findPage(ctx, VendorSchema, where, args, { properties: ['name', 'id'], direction: 'ASC' });
}

export const getVendor = (ctx: RevenueContext, id: string, asOf?: Date | string | null) =>
  lookupAsOf(id, asOf, { current: (key) => ctx.loaders.vendorById.load(key), asOf: ctx.loaders.vendorHistory.asOf });

export async function createVendor(ctx: RevenueContext, input: CreateVendorInput): Promise<VendorEntity> {
  const now = new Date();
  const vendor = ctx.em.create(VendorSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    name: requiredText(input.name, 'input.name'),
    email: optionalEmail(input.email, 'input.email') ?? null,
    phone: optionalText(input.phone, 'input.phone', 50) ?? null,
    notes: optionalText(input.notes, 'input.notes', NOTES_MAX) ?? null,
    createdAt: now,
    updatedAt: now,
  } as VendorEntity);
  return insertEntity(ctx, vendor, 'Vendor', { payload: (row) => ({ name: row.name }) });
}

export async function updateVendor(ctx: RevenueContext, id: string, input: UpdateVendorInput, expectedVersion?: number | null): Promise<VendorEntity> {
  const vendor = await loadForUpdate(ctx, VendorSchema, 'Vendor', id, { expectedVersion });
  const changed = assignChanges(vendor, {
    name: input.name === undefined ? undefined : requiredText(input.name, 'input.name'),
    email: optionalEmail(input.email, 'input.email'),
    phone: optionalText(input.phone, 'input.phone', 50),
    notes: optionalText(input.notes, 'input.notes', NOTES_MAX),
  } as Partial<VendorEntity>);
  return saveChanges(ctx, vendor, changed, { type: 'Vendor' });
}

export function deleteVendor(ctx: RevenueContext, id: string, expectedVersion?: number | null): Promise<VendorEntity> {
  return deleteEntity(ctx, VendorSchema, 'Vendor', id, expectedVersion);
}

export function restoreVendor(ctx: RevenueContext, id: string): Promise<VendorEntity> {
  return restoreEntity(ctx, VendorSchema, 'Vendor', id);
}

/* ------------------------------------------------------------------------------------------
 * Bills
 * ---------------------------------------------------------------------------------------- */

const billEvent = (bill: BillEntity) => ({ type: 'Bill', id: bill.id });
const describeBill = (bill: BillEntity) => `Bill ${bill.reference ?? bill.id} is ${bill.status}`;

export function listBills(ctx: RevenueContext, args: PageArgs & { filter?: BillFilter | null }): Promise<Connection<BillEntity>> {
  const where: FilterQuery<BillEntity>[] = [];
  if (args.filter?.status) where.push({ status: { $in: [...args.filter.status] } });
  if (args.filter?.vendorId) where.push({ vendorId: parseId(args.filter.vendorId, 'filter.vendorId') });
  return findPage(ctx, BillSchema, where.length ? { $and: where } : {}, args, { properties: ['id'], direction: 'ASC' });
}

export function billsOfVendor(ctx: RevenueContext, vendorId: string, args: PageArgs & { filter?: VendorBillFilter | null }) {
  const includeDeleted = includeDeletedRows(ctx, args.includeDeleted);
  return ctx.loaders.billsOfVendor(vendorId, { first: args.first, after: args.after, filter: { status: args.filter?.status }, includeDeleted });
}

export const getBill = (ctx: RevenueContext, id: string, asOf?: Date | string | null) =>
  lookupAsOf(id, asOf, { current: (key) => ctx.loaders.billById.load(key), asOf: ctx.loaders.billHistory.asOf });

export async function createBill(ctx: RevenueContext, input: CreateBillInput): Promise<BillEntity> {
  const vendor = await ctx.em.findOne(VendorSchema, { id: parseId(input.vendorId, 'input.vendorId') });
  if (!vendor) throw notFound('Vendor', 'input.vendorId');
  const currency = parseCurrency(input.currency, 'input.currency');
  const lines = priced(input.lineItems, 'input.lineItems');
  checkDateOrder(input.issueDate, input.dueDate, 'input.dueDate');
  const now = new Date();
  const bill = ctx.em.create(BillSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    vendorId: vendor.id,
    reference: optionalText(input.reference, 'input.reference', 200) ?? null,
    status: 'DRAFT',
    currency,
    ...lines,
    amountPaidMinor: 0,
    issueDate: input.issueDate ?? null,
    dueDate: input.dueDate ?? null,
    approvedAt: null,
    paidAt: null,
    voidedAt: null,
    notes: optionalText(input.notes, 'input.notes', NOTES_MAX) ?? null,
    createdAt: now,
    updatedAt: now,
  } as BillEntity);
  return insertEntity(ctx, bill, 'Bill', {
    payload: (row) => ({ vendorId: row.vendorId, totalMinor: row.totalMinor, currency: row.currency }),
    missing: { '*': ['Vendor', 'input.vendorId'] },
  });
}

export async function updateBill(ctx: RevenueContext, id: string, input: UpdateBillInput, expectedVersion?: number | null): Promise<BillEntity> {
  const bill = await loadForUpdate(ctx, BillSchema, 'Bill', id, { expectedVersion });
  if (bill.status !== 'DRAFT') throw conflict(`${describeBill(bill)}: only a DRAFT can be changed`);
  const changes: Partial<BillEntity> = {
    reference: optionalText(input.reference, 'input.reference', 200),
    currency: input.currency === undefined ? undefined : parseCurrency(input.currency, 'input.currency'),
    issueDate: input.issueDate,
    dueDate: input.dueDate,
    notes: optionalText(input.notes, 'input.notes', NOTES_MAX),
  };
  if (input.lineItems !== undefined) {
    const lines = priced(input.lineItems, 'input.lineItems');
    if (!samePricedLines(lines.lineItems, bill.lineItems)) {
      Object.assign(changes, lines);
    }
  }
  const changed = assignChanges(bill, changes);
  checkDateOrder(bill.issueDate, bill.dueDate, 'input.dueDate');
  return saveChanges(ctx, bill, changed, { type: 'Bill', payload: (row) => ({ vendorId: row.vendorId }) });
}

export async function approveBill(ctx: RevenueContext, id: string): Promise<BillEntity> {
  const bill = await loadForUpdate(ctx, BillSchema, 'Bill', id);
  if (bill.status !== 'DRAFT') throw conflict(`${describeBill(bill)}: only a DRAFT can be approved`);
  const now = new Date();
  // Nothing is owed on a bill of total 0: approving it settles it (PAID, paid now).
  const settled = Number(bill.totalMinor) === 0;
  bill.status = settled ? 'PAID' : 'APPROVED';
  bill.approvedAt = now;
  if (settled) bill.paidAt = now;
  bill.updatedAt = now;
  await flushAndReload(ctx, bill);
  await emitDomainEvent(ctx, 'BillApproved', billEvent(bill), { vendorId: bill.vendorId, totalMinor: bill.totalMinor, currency: bill.currency, dueDate: bill.dueDate });
  if (settled) await emitDomainEvent(ctx, 'BillPaid', billEvent(bill), { vendorId: bill.vendorId, totalMinor: bill.totalMinor, currency: bill.currency });
  return bill;
}

export async function voidBill(ctx: RevenueContext, id: string): Promise<BillEntity> {
  const bill = await loadForUpdate(ctx, BillSchema, 'Bill', id);
  if (bill.status !== 'DRAFT' && bill.status !== 'APPROVED') throw conflict(`${describeBill(bill)}: only a DRAFT or APPROVED bill can be voided`);
  if (Number(bill.amountPaidMinor) > 0) throw conflict(`${describeBill(bill)} and has payments: it cannot be voided`);
  const now = new Date();
  bill.status = 'VOID';
  bill.voidedAt = now;
  bill.updatedAt = now;
  await flushAndReload(ctx, bill);
  await emitDomainEvent(ctx, 'BillVoided', billEvent(bill), { vendorId: bill.vendorId });
  return bill;
}

/** Like recordPayment: the bill row is locked, so concurrent payments cannot pay more than is owed. */
export async function recordBillPayment(ctx: RevenueContext, input: RecordBillPaymentInput): Promise<RecordBillPaymentPayloadModel> {
  const amount = positiveAmount(input.amountMinor, 'input.amountMinor');
  const reference = optionalText(input.reference, 'input.reference', 200) ?? null;
  const paidAt = paidAtOf(input.paidAt, 'input.paidAt');
  const bill = await loadForUpdate(ctx, BillSchema, 'Bill', input.billId, { field: 'input.billId' });
  // A PAID bill (or a DRAFT or VOID one) takes no payment: CONFLICT naming its status.
  if (bill.status !== 'APPROVED') throw conflict(`${describeBill(bill)}: payments are made on APPROVED bills only`);
  const balance = Number(bill.totalMinor) - Number(bill.amountPaidMinor);
  if (amount > balance) throw badUserInput(`input.amountMinor is more than the balance of ${balance}`, 'input.amountMinor');
  const now = new Date();
  const payment = ctx.em.create(BillPaymentSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    billId: bill.id,
    amountMinor: amount,
    currency: bill.currency,
    paidAt,
    reference,
    createdAt: now,
  } as BillPaymentEntity);
  bill.amountPaidMinor = Number(bill.amountPaidMinor) + amount;
  if (bill.amountPaidMinor === Number(bill.totalMinor)) {
    bill.status = 'PAID';
    bill.paidAt = now;
  }
  bill.updatedAt = now;
  await ctx.em.flush();
  await ctx.em.refresh(bill);
  await ctx.em.refresh(payment);
  await emitDomainEvent(ctx, 'BillPaymentRecorded', { type: 'BillPayment', id: payment.id }, {
    billId: bill.id,
    vendorId: bill.vendorId,
    amountMinor: amount,
    currency: bill.currency,
    balanceMinor: Number(bill.totalMinor) - Number(bill.amountPaidMinor),
  });
  if (bill.status === 'PAID') await emitDomainEvent(ctx, 'BillPaid', billEvent(bill), { vendorId: bill.vendorId, totalMinor: bill.totalMinor, currency: bill.currency });
  return { payment, bill };
}

export function deleteBill(ctx: RevenueContext, id: string, expectedVersion?: number | null): Promise<BillEntity> {
  return deleteEntity(ctx, BillSchema, 'Bill', id, expectedVersion, {
    check: (bill) => {
      if (Number(bill.amountPaidMinor) > 0) throw conflict(`${describeBill(bill)} and has payments: it cannot be deleted`);
    },
    payload: (bill) => ({ vendorId: bill.vendorId }),
  });
}

export function restoreBill(ctx: RevenueContext, id: string): Promise<BillEntity> {
  return restoreEntity(ctx, BillSchema, 'Bill', id, { payload: (bill) => ({ vendorId: bill.vendorId }) });
}

