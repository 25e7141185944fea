import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TypedCustomFieldValue } from '@ubos/kernel';
import type { ClientReference, EngagementReference, LineItemModel, RecordPaymentPayloadModel, RecordBillPaymentPayloadModel, InvoiceConnectionModel, VendorConnectionModel, BillConnectionModel, InvoiceVersionModel, VendorVersionModel, BillVersionModel, InvoiceVersionConnectionModel, VendorVersionConnectionModel, BillVersionConnectionModel } from '../mappers.js';
import type { InvoiceEntity } from '../entities/invoice.entity.js';
import type { PaymentEntity } from '../entities/payment.entity.js';
import type { VendorEntity } from '../entities/vendor.entity.js';
import type { BillEntity } from '../entities/bill.entity.js';
import type { BillPaymentEntity } from '../entities/bill-payment.entity.js';
import type { RevenueContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** An instant in time, ISO-8601 with an offset, e.g. 2026-01-15T09:30:00Z. */
  DateTime: { input: Date; output: Date | string; }
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
  /** An integer in JavaScript's safe range (up to 2^53 - 1): enough for any amount in minor units. */
  SafeInt: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** What the firm owes a vendor. */
export type Bill = {
  __typename?: 'Bill';
  /** Sum of the payments made. */
  amountPaid: Money;
  approvedAt: Maybe<Scalars['DateTime']['output']>;
  /** total − amountPaid. */
  balance: Money;
  createdAt: Scalars['DateTime']['output'];
  /** ISO-4217 code of every amount of the bill. */
  currency: Scalars['String']['output'];
  /** Set when it was deleted. Lookups and lists skip deleted rows; references to one still resolve. */
  deletedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who deleted it: user:<id>, apikey:<id>, workflow:<run id> or system. */
  deletedBy: Maybe<Scalars['String']['output']>;
  dueDate: Maybe<Scalars['Date']['output']>;
  /** Every version of this bill, oldest first. */
  history: BillVersionConnection;
  id: Scalars['ID']['output'];
  issueDate: Maybe<Scalars['Date']['output']>;
  lineItems: Array<LineItem>;
  notes: Maybe<Scalars['String']['output']>;
  /** When the last payment settled it. */
  paidAt: Maybe<Scalars['DateTime']['output']>;
  /** Payments made, oldest first. A plain list. */
  payments: Array<BillPayment>;
  /** The vendor's own number for the bill, if any. */
  reference: Maybe<Scalars['String']['output']>;
  status: BillStatus;
  /** Sum of the lines' subtotals. */
  subtotal: Money;
  /** Sum of the lines' taxes (each rounded half-up on its line). */
  tax: Money;
  /** subtotal + tax. */
  total: Money;
  updatedAt: Scalars['DateTime']['output'];
  vendor: Vendor;
  /** Grows by one with every change; pass it back as expectedVersion to update safely. */
  version: Scalars['Int']['output'];
  voidedAt: Maybe<Scalars['DateTime']['output']>;
};


/** What the firm owes a vendor. */
export type BillHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of bills. */
export type BillConnection = {
  __typename?: 'BillConnection';
  edges: Array<BillEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One bill in a page, with its cursor. */
export type BillEdge = {
  __typename?: 'BillEdge';
  cursor: Scalars['String']['output'];
  node: Bill;
};

/** Narrows a bill list. All given conditions must hold. */
export type BillFilter = {
  /** Any of these statuses. */
  status?: InputMaybe<Array<BillStatus>>;
  /** Only this vendor's bills. */
  vendorId?: InputMaybe<Scalars['ID']['input']>;
};

/** Money paid to a vendor against a bill. Bill payments are never changed or deleted. */
export type BillPayment = {
  __typename?: 'BillPayment';
  amount: Money;
  bill: Bill;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** When the money was paid; defaults to the moment it was recorded. */
  paidAt: Scalars['DateTime']['output'];
  /** The bank's or the vendor's reference. */
  reference: Maybe<Scalars['String']['output']>;
};

/** Where a bill stands: DRAFT (being entered), APPROVED (to be paid), PAID (fully paid) or VOID. */
export type BillStatus =
  | 'APPROVED'
  | 'DRAFT'
  | 'PAID'
  | 'VOID';

/** One version of a bill: its fields as they were from validFrom until validTo. */
export type BillVersion = {
  __typename?: 'BillVersion';
  /** Who made this version: user:<id>, apikey:<id>, workflow:<run id> or system. */
  actor: Scalars['String']['output'];
  /** The bill's fields at this version. Its lists show the present. */
  snapshot: Bill;
  validFrom: Scalars['DateTime']['output'];
  /** When the next version replaced it; null for the current version. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

/** A page of bill versions. */
export type BillVersionConnection = {
  __typename?: 'BillVersionConnection';
  edges: Array<BillVersionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One bill version in a page, with its cursor. */
export type BillVersionEdge = {
  __typename?: 'BillVersionEdge';
  cursor: Scalars['String']['output'];
  node: BillVersion;
};

/** The crm subgraph's golden record, extended here with invoices, payments, vendors and bills. */
export type Client = {
  __typename?: 'Client';
  id: Scalars['ID']['output'];
  /** Invoices to this client, by number. With asOf, the invoices the client had then, as they were then. */
  invoices: InvoiceConnection;
};


/** The crm subgraph's golden record, extended here with invoices, payments, vendors and bills. */
export type ClientInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  filter?: InputMaybe<ClientInvoiceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Narrows the invoice list of a client. */
export type ClientInvoiceFilter = {
  /** Any of these (derived) statuses. */
  status?: InputMaybe<Array<InvoiceStatus>>;
};

export type CreateBillInput = {
  /** ISO-4217 code, e.g. USD. */
  currency: Scalars['String']['input'];
  /** Not before issueDate. */
  dueDate?: InputMaybe<Scalars['Date']['input']>;
  issueDate?: InputMaybe<Scalars['Date']['input']>;
  /** At least one line. */
  lineItems: Array<LineItemInput>;
  notes?: InputMaybe<Scalars['String']['input']>;
  /** The vendor's own number for the bill. */
  reference?: InputMaybe<Scalars['String']['input']>;
  /** NOT_FOUND when no vendor of this organization has the id. */
  vendorId: Scalars['ID']['input'];
};

export type CreateInvoiceInput = {
  /** The client billed. NOT_FOUND when no client of this organization has the id. */
  clientId: Scalars['ID']['input'];
  /** ISO-4217 code, e.g. USD. */
  currency: Scalars['String']['input'];
  /** Values of the organization's custom fields, by key. */
  customFields?: InputMaybe<Scalars['JSON']['input']>;
  /** Not before issueDate. */
  dueDate?: InputMaybe<Scalars['Date']['input']>;
  /** NOT_FOUND when no engagement of this organization has the id. */
  engagementId?: InputMaybe<Scalars['ID']['input']>;
  issueDate?: InputMaybe<Scalars['Date']['input']>;
  /** At least one line. */
  lineItems: Array<LineItemInput>;
  notes?: InputMaybe<Scalars['String']['input']>;
};

export type CreateVendorInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  notes?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A condition on one custom field of a list. equals and anyOf compare values (for a MULTI_SELECT
 * field, they ask for an option it contains); gt, gte, lt and lte compare NUMBER and DATE fields.
 */
export type CustomFieldFilter = {
  anyOf?: InputMaybe<Array<Scalars['JSON']['input']>>;
  equals?: InputMaybe<Scalars['JSON']['input']>;
  gt?: InputMaybe<Scalars['JSON']['input']>;
  gte?: InputMaybe<Scalars['JSON']['input']>;
  key: Scalars['String']['input'];
  lt?: InputMaybe<Scalars['JSON']['input']>;
  lte?: InputMaybe<Scalars['JSON']['input']>;
};

/** The type of a custom field's values. */
export type CustomFieldType =
  | 'BOOLEAN'
  | 'DATE'
  | 'MULTI_SELECT'
  | 'NUMBER'
  | 'SELECT'
  | 'TEXT';

/** One custom field's value, typed by its definition: exactly the member of its type is set. */
export type CustomFieldValue = {
  __typename?: 'CustomFieldValue';
  /** For BOOLEAN fields. */
  boolean: Maybe<Scalars['Boolean']['output']>;
  /** For DATE fields. */
  date: Maybe<Scalars['Date']['output']>;
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  /** For NUMBER fields. */
  number: Maybe<Scalars['Float']['output']>;
  /** For MULTI_SELECT fields: the chosen options. */
  options: Maybe<Array<Scalars['String']['output']>>;
  /** For TEXT and SELECT fields. */
  text: Maybe<Scalars['String']['output']>;
  type: CustomFieldType;
};

/** A commercial engagement, owned by the engagements subgraph; this subgraph adds its invoices. */
export type Engagement = {
  __typename?: 'Engagement';
  id: Scalars['ID']['output'];
  /** Invoices billed under this engagement, by number (the other way of Invoice.engagement). */
  invoices: InvoiceConnection;
};


/** A commercial engagement, owned by the engagements subgraph; this subgraph adds its invoices. */
export type EngagementInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClientInvoiceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

/**
 * A bill to a client. Its number is assigned at creation, sequential and gapless per
 * organization (INV-000001, INV-000002, …); voided and deleted invoices keep theirs.
 */
export type Invoice = {
  __typename?: 'Invoice';
  /** Sum of the payments. */
  amountPaid: Money;
  /** total − amountPaid. */
  balance: Money;
  client: Client;
  createdAt: Scalars['DateTime']['output'];
  /** ISO-4217 code of every amount of the invoice. */
  currency: Scalars['String']['output'];
  /** One custom field's value, typed by its definition; null when unset or not defined. */
  customField: Maybe<CustomFieldValue>;
  /** The values of the organization's custom fields for this invoice, by key (see customFieldDefinitions). */
  customFields: Scalars['JSON']['output'];
  /** Set when it was deleted (drafts only). Lookups and lists skip deleted rows; references to one still resolve. */
  deletedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who deleted it: user:<id>, apikey:<id>, workflow:<run id> or system. */
  deletedBy: Maybe<Scalars['String']['output']>;
  /** Past this date (UTC), an unpaid balance makes the invoice OVERDUE. */
  dueDate: Maybe<Scalars['Date']['output']>;
  /** The engagement it bills, if any. */
  engagement: Maybe<Engagement>;
  /** Every version of this invoice, oldest first: each payment makes one (amountPaid changes). */
  history: InvoiceVersionConnection;
  id: Scalars['ID']['output'];
  /** The date on the invoice. Sent without one, it is dated the sending day (UTC), or its due date if that is earlier. */
  issueDate: Maybe<Scalars['Date']['output']>;
  lineItems: Array<LineItem>;
  notes: Maybe<Scalars['String']['output']>;
  /** INV- and the invoice's sequence number in the organization, e.g. INV-000042. */
  number: Scalars['String']['output'];
  /** Payments received, oldest first. An invoice has a handful, so this is a plain list. */
  payments: Array<Payment>;
  sentAt: Maybe<Scalars['DateTime']['output']>;
  status: InvoiceStatus;
  /** Sum of the lines' subtotals. */
  subtotal: Money;
  /** Sum of the lines' taxes (each rounded half-up on its line). */
  tax: Money;
  /** subtotal + tax. */
  total: Money;
  updatedAt: Scalars['DateTime']['output'];
  /** Grows by one with every change; pass it back as expectedVersion to update safely. */
  version: Scalars['Int']['output'];
  voidedAt: Maybe<Scalars['DateTime']['output']>;
};


/**
 * A bill to a client. Its number is assigned at creation, sequential and gapless per
 * organization (INV-000001, INV-000002, …); voided and deleted invoices keep theirs.
 */
export type InvoiceCustomFieldArgs = {
  key: Scalars['String']['input'];
};


/**
 * A bill to a client. Its number is assigned at creation, sequential and gapless per
 * organization (INV-000001, INV-000002, …); voided and deleted invoices keep theirs.
 */
export type InvoiceHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of invoices. */
export type InvoiceConnection = {
  __typename?: 'InvoiceConnection';
  edges: Array<InvoiceEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One invoice in a page, with its cursor. */
export type InvoiceEdge = {
  __typename?: 'InvoiceEdge';
  cursor: Scalars['String']['output'];
  node: Invoice;
};

/** Narrows an invoice list. All given conditions must hold. */
export type InvoiceFilter = {
  /** Only this client's invoices. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** Conditions on custom fields; all must hold. */
  customFields?: InputMaybe<Array<CustomFieldFilter>>;
  /** Any of these (derived) statuses. */
  status?: InputMaybe<Array<InvoiceStatus>>;
};

/**
 * Where an invoice stands. Derived, never stored, with this precedence: VOID, then DRAFT (not
 * sent yet), then PAID (nothing left to pay), then OVERDUE (a balance is left after the due date,
 * in UTC), then PARTIALLY_PAID, then SENT.
 */
export type InvoiceStatus =
  | 'DRAFT'
  | 'OVERDUE'
  | 'PAID'
  | 'PARTIALLY_PAID'
  | 'SENT'
  | 'VOID';

/** One version of an invoice: its fields as they were from validFrom until validTo. */
export type InvoiceVersion = {
  __typename?: 'InvoiceVersion';
  /** Who made this version: user:<id>, apikey:<id>, workflow:<run id> or system. */
  actor: Scalars['String']['output'];
  /** The invoice's fields at this version. Its lists show the present. */
  snapshot: Invoice;
  validFrom: Scalars['DateTime']['output'];
  /** When the next version replaced it; null for the current version. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

/** A page of invoice versions. */
export type InvoiceVersionConnection = {
  __typename?: 'InvoiceVersionConnection';
  edges: Array<InvoiceVersionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One invoice version in a page, with its cursor. */
export type InvoiceVersionEdge = {
  __typename?: 'InvoiceVersionEdge';
  cursor: Scalars['String']['output'];
  node: InvoiceVersion;
};

/** A priced line of a proposal, invoice or bill. Amounts are computed: tax is per line, rounded half-up to the minor unit. */
export type LineItem = {
  __typename?: 'LineItem';
  description: Scalars['String']['output'];
  /** Units, e.g. hours; up to 6 decimals. */
  quantity: Scalars['Float']['output'];
  /** quantity × unit price, rounded half-up. */
  subtotal: Money;
  /** subtotal × tax rate, rounded half-up. */
  tax: Money;
  /** A fraction: 0.2 is 20%. */
  taxRate: Scalars['Float']['output'];
  total: Money;
  unitPrice: Money;
};

/** A line to price. Amounts are integer minor units; the tax rate is a fraction (0.2 is 20%). */
export type LineItemInput = {
  description: Scalars['String']['input'];
  quantity: Scalars['Float']['input'];
  /** Defaults to 0. */
  taxRate?: InputMaybe<Scalars['Float']['input']>;
  unitPriceMinor: Scalars['SafeInt']['input'];
};

/** An amount of money: integer minor units (cents) and an ISO-4217 currency. Never a float. */
export type Money = {
  __typename?: 'Money';
  /** Amount in the currency's minor unit, e.g. 1999 for 19.99 USD. */
  amountMinor: Scalars['SafeInt']['output'];
  /** ISO-4217 code, e.g. USD. */
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Approves a DRAFT bill for payment; CONFLICT otherwise. */
  approveBill: Maybe<Bill>;
  /** Enters a DRAFT bill from a vendor. NOT_FOUND when no vendor of this organization has input.vendorId. */
  createBill: Maybe<Bill>;
  /** Drafts an invoice and assigns it the organization's next number. NOT_FOUND when no client of this organization has input.clientId. */
  createInvoice: Maybe<Invoice>;
  /** Adds a vendor. */
  createVendor: Maybe<Vendor>;
  /** Soft-deletes a bill without payments (CONFLICT otherwise). */
  deleteBill: Maybe<Bill>;
  /** Soft-deletes a DRAFT invoice (CONFLICT otherwise: void a sent one); it keeps its number. */
  deleteInvoice: Maybe<Invoice>;
  /** Soft-deletes a vendor; its bills stay. */
  deleteVendor: Maybe<Vendor>;
  /** Records a payment made on an APPROVED bill (CONFLICT otherwise); the bill is PAID when nothing is left. BAD_USER_INPUT (input.amountMinor) above the balance. */
  recordBillPayment: Maybe<RecordBillPaymentPayload>;
  /** Records money received. CONFLICT on a DRAFT or VOID invoice; BAD_USER_INPUT (input.amountMinor) above the balance. Writes PaymentRecorded, and InvoicePaid when it settles the invoice. */
  recordPayment: Maybe<RecordPaymentPayload>;
  /** Brings a deleted bill back. */
  restoreBill: Maybe<Bill>;
  /** Brings a deleted invoice back. */
  restoreInvoice: Maybe<Invoice>;
  /** Brings a deleted vendor back. */
  restoreVendor: Maybe<Vendor>;
  /** Sends a DRAFT invoice (CONFLICT otherwise); its issue date defaults to today (UTC), and an invoice without an issue date that is due before today is refused (CONFLICT on dueDate). */
  sendInvoice: Maybe<Invoice>;
  /** Changes a DRAFT bill; CONFLICT otherwise. */
  updateBill: Maybe<Bill>;
  /** Changes a DRAFT invoice; CONFLICT once it was sent or voided. */
  updateInvoice: Maybe<Invoice>;
  /** Changes a vendor. */
  updateVendor: Maybe<Vendor>;
  /** Voids a DRAFT or APPROVED bill without payments; CONFLICT otherwise. */
  voidBill: Maybe<Bill>;
  /** Voids an invoice that has no payments; it keeps its number. CONFLICT when it has payments or is already void. */
  voidInvoice: Maybe<Invoice>;
};


export type MutationApproveBillArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCreateBillArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateBillInput;
};


export type MutationCreateInvoiceArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateInvoiceInput;
};


export type MutationCreateVendorArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateVendorInput;
};


export type MutationDeleteBillArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDeleteInvoiceArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDeleteVendorArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRecordBillPaymentArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: RecordBillPaymentInput;
};


export type MutationRecordPaymentArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: RecordPaymentInput;
};


export type MutationRestoreBillArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRestoreInvoiceArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRestoreVendorArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSendInvoiceArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateBillArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UpdateBillInput;
};


export type MutationUpdateInvoiceArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UpdateInvoiceInput;
};


export type MutationUpdateVendorArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UpdateVendorInput;
};


export type MutationVoidBillArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationVoidInvoiceArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** Relay pagination state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

/** Money received against an invoice. Payments are never changed or deleted. */
export type Payment = {
  __typename?: 'Payment';
  amount: Money;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  invoice: Invoice;
  /** How it was paid, e.g. bank transfer or card. */
  method: Maybe<Scalars['String']['output']>;
  /** When the money was received; defaults to the moment it was recorded. */
  paidAt: Scalars['DateTime']['output'];
  /** The payer's or the bank's reference. */
  reference: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** One bill, or null. With asOf, as it was then. */
  bill: Maybe<Bill>;
  /** The organization's bills, oldest first. */
  bills: BillConnection;
  /** One invoice, or null when no invoice of this organization has the id (or it is deleted). With asOf, as it was then. */
  invoice: Maybe<Invoice>;
  /** The organization's invoices, by number. */
  invoices: InvoiceConnection;
  /** One payment, or null. */
  payment: Maybe<Payment>;
  /** One vendor, or null. With asOf, as it was then. */
  vendor: Maybe<Vendor>;
  /** The organization's vendors, by name. */
  vendors: VendorConnection;
};


export type QueryBillArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryBillsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<BillFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryInvoiceArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InvoiceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryPaymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryVendorArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryVendorsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<VendorFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

export type RecordBillPaymentInput = {
  /** Positive, in the bill's currency, at most the balance. */
  amountMinor: Scalars['SafeInt']['input'];
  /** An APPROVED bill. */
  billId: Scalars['ID']['input'];
  /** Defaults to now. */
  paidAt?: InputMaybe<Scalars['DateTime']['input']>;
  reference?: InputMaybe<Scalars['String']['input']>;
};

/** What recordBillPayment changed: the new payment and the bill with its new balance and status. */
export type RecordBillPaymentPayload = {
  __typename?: 'RecordBillPaymentPayload';
  bill: Bill;
  payment: BillPayment;
};

export type RecordPaymentInput = {
  /** Positive, in the invoice's currency, at most the balance. */
  amountMinor: Scalars['SafeInt']['input'];
  /** A SENT, PARTIALLY_PAID or OVERDUE invoice. */
  invoiceId: Scalars['ID']['input'];
  method?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to now. */
  paidAt?: InputMaybe<Scalars['DateTime']['input']>;
  reference?: InputMaybe<Scalars['String']['input']>;
};

/** What recordPayment changed: the new payment and the invoice with its new balance and status. */
export type RecordPaymentPayload = {
  __typename?: 'RecordPaymentPayload';
  invoice: Invoice;
  payment: Payment;
};

/** Fields of a draft bill to change; an omitted field keeps its value, a null clears it. The lines are replaced as a whole. */
export type UpdateBillInput = {
  currency?: InputMaybe<Scalars['String']['input']>;
  dueDate?: InputMaybe<Scalars['Date']['input']>;
  issueDate?: InputMaybe<Scalars['Date']['input']>;
  lineItems?: InputMaybe<Array<LineItemInput>>;
  notes?: InputMaybe<Scalars['String']['input']>;
  reference?: InputMaybe<Scalars['String']['input']>;
};

/** Fields of a draft to change; an omitted field keeps its value, a null clears it. The lines are replaced as a whole. */
export type UpdateInvoiceInput = {
  currency?: InputMaybe<Scalars['String']['input']>;
  /** A patch of custom field values: a key sets its field, a null removes it, other keys keep their values. */
  customFields?: InputMaybe<Scalars['JSON']['input']>;
  dueDate?: InputMaybe<Scalars['Date']['input']>;
  engagementId?: InputMaybe<Scalars['ID']['input']>;
  issueDate?: InputMaybe<Scalars['Date']['input']>;
  lineItems?: InputMaybe<Array<LineItemInput>>;
  notes?: InputMaybe<Scalars['String']['input']>;
};

/** Fields to change; an omitted field keeps its value, a null clears it. */
export type UpdateVendorInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** A supplier the firm buys from and owes bills to. */
export type Vendor = {
  __typename?: 'Vendor';
  /** The vendor's bills, oldest first. */
  bills: BillConnection;
  createdAt: Scalars['DateTime']['output'];
  /** Set when it was deleted. Lookups and lists skip deleted rows; references to one still resolve. */
  deletedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who deleted it: user:<id>, apikey:<id>, workflow:<run id> or system. */
  deletedBy: Maybe<Scalars['String']['output']>;
  email: Maybe<Scalars['String']['output']>;
  /** Every version of this vendor, oldest first. */
  history: VendorVersionConnection;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  notes: Maybe<Scalars['String']['output']>;
  phone: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** Grows by one with every change; pass it back as expectedVersion to update safely. */
  version: Scalars['Int']['output'];
};


/** A supplier the firm buys from and owes bills to. */
export type VendorBillsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<VendorBillFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};


/** A supplier the firm buys from and owes bills to. */
export type VendorHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Narrows the bill list of a vendor. */
export type VendorBillFilter = {
  /** Any of these statuses. */
  status?: InputMaybe<Array<BillStatus>>;
};

/** A page of vendors. */
export type VendorConnection = {
  __typename?: 'VendorConnection';
  edges: Array<VendorEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One vendor in a page, with its cursor. */
export type VendorEdge = {
  __typename?: 'VendorEdge';
  cursor: Scalars['String']['output'];
  node: Vendor;
};

/** Narrows a vendor list. */
export type VendorFilter = {
  /** Case-insensitive match anywhere in the name. */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** One version of a vendor: its fields as they were from validFrom until validTo. */
export type VendorVersion = {
  __typename?: 'VendorVersion';
  /** Who made this version: user:<id>, apikey:<id>, workflow:<run id> or system. */
  actor: Scalars['String']['output'];
  /** The vendor's fields at this version. Its lists show the present. */
  snapshot: Vendor;
  validFrom: Scalars['DateTime']['output'];
  /** When the next version replaced it; null for the current version. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

/** A page of vendor versions. */
export type VendorVersionConnection = {
  __typename?: 'VendorVersionConnection';
  edges: Array<VendorVersionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One vendor version in a page, with its cursor. */
export type VendorVersionEdge = {
  __typename?: 'VendorVersionEdge';
  cursor: Scalars['String']['output'];
  node: VendorVersion;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Client: Client;
  Engagement: Engagement;
  Invoice: Invoice;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Client:
    ( { __typename: 'Client' }
    & GraphQLRecursivePick<FederationTypes['Client'], {"id":true}> );
  Engagement:
    ( { __typename: 'Engagement' }
    & GraphQLRecursivePick<FederationTypes['Engagement'], {"id":true}> );
  Invoice:
    ( { __typename: 'Invoice' }
    & GraphQLRecursivePick<FederationTypes['Invoice'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Bill: ResolverTypeWrapper<BillEntity>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  BillConnection: ResolverTypeWrapper<BillConnectionModel>;
  BillEdge: ResolverTypeWrapper<Omit<BillEdge, 'node'> & { node: ResolversTypes['Bill'] }>;
  BillFilter: BillFilter;
  BillPayment: ResolverTypeWrapper<BillPaymentEntity>;
  BillStatus: BillStatus;
  BillVersion: ResolverTypeWrapper<BillVersionModel>;
  BillVersionConnection: ResolverTypeWrapper<BillVersionConnectionModel>;
  BillVersionEdge: ResolverTypeWrapper<Omit<BillVersionEdge, 'node'> & { node: ResolversTypes['BillVersion'] }>;
  Client: ResolverTypeWrapper<ClientReference>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ClientInvoiceFilter: ClientInvoiceFilter;
  CreateBillInput: CreateBillInput;
  CreateInvoiceInput: CreateInvoiceInput;
  CreateVendorInput: CreateVendorInput;
  CustomFieldFilter: CustomFieldFilter;
  CustomFieldType: CustomFieldType;
  CustomFieldValue: ResolverTypeWrapper<TypedCustomFieldValue>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Engagement: ResolverTypeWrapper<EngagementReference>;
  Invoice: ResolverTypeWrapper<InvoiceEntity>;
  InvoiceConnection: ResolverTypeWrapper<InvoiceConnectionModel>;
  InvoiceEdge: ResolverTypeWrapper<Omit<InvoiceEdge, 'node'> & { node: ResolversTypes['Invoice'] }>;
  InvoiceFilter: InvoiceFilter;
  InvoiceStatus: InvoiceStatus;
  InvoiceVersion: ResolverTypeWrapper<InvoiceVersionModel>;
  InvoiceVersionConnection: ResolverTypeWrapper<InvoiceVersionConnectionModel>;
  InvoiceVersionEdge: ResolverTypeWrapper<Omit<InvoiceVersionEdge, 'node'> & { node: ResolversTypes['InvoiceVersion'] }>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  LineItem: ResolverTypeWrapper<LineItemModel>;
  LineItemInput: LineItemInput;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Payment: ResolverTypeWrapper<PaymentEntity>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordBillPaymentInput: RecordBillPaymentInput;
  RecordBillPaymentPayload: ResolverTypeWrapper<RecordBillPaymentPayloadModel>;
  RecordPaymentInput: RecordPaymentInput;
  RecordPaymentPayload: ResolverTypeWrapper<RecordPaymentPayloadModel>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  UpdateBillInput: UpdateBillInput;
  UpdateInvoiceInput: UpdateInvoiceInput;
  UpdateVendorInput: UpdateVendorInput;
  Vendor: ResolverTypeWrapper<VendorEntity>;
  VendorBillFilter: VendorBillFilter;
  VendorConnection: ResolverTypeWrapper<VendorConnectionModel>;
  VendorEdge: ResolverTypeWrapper<Omit<VendorEdge, 'node'> & { node: ResolversTypes['Vendor'] }>;
  VendorFilter: VendorFilter;
  VendorVersion: ResolverTypeWrapper<VendorVersionModel>;
  VendorVersionConnection: ResolverTypeWrapper<VendorVersionConnectionModel>;
  VendorVersionEdge: ResolverTypeWrapper<Omit<VendorVersionEdge, 'node'> & { node: ResolversTypes['VendorVersion'] }>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Bill: BillEntity;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  BillConnection: BillConnectionModel;
  BillEdge: Omit<BillEdge, 'node'> & { node: ResolversParentTypes['Bill'] };
  BillFilter: BillFilter;
  BillPayment: BillPaymentEntity;
  BillVersion: BillVersionModel;
  BillVersionConnection: BillVersionConnectionModel;
  BillVersionEdge: Omit<BillVersionEdge, 'node'> & { node: ResolversParentTypes['BillVersion'] };
  Client: ClientReference;
  Boolean: Scalars['Boolean']['output'];
  ClientInvoiceFilter: ClientInvoiceFilter;
  CreateBillInput: CreateBillInput;
  CreateInvoiceInput: CreateInvoiceInput;
  CreateVendorInput: CreateVendorInput;
  CustomFieldFilter: CustomFieldFilter;
  CustomFieldValue: TypedCustomFieldValue;
  Float: Scalars['Float']['output'];
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Engagement: EngagementReference;
  Invoice: InvoiceEntity;
  InvoiceConnection: InvoiceConnectionModel;
  InvoiceEdge: Omit<InvoiceEdge, 'node'> & { node: ResolversParentTypes['Invoice'] };
  InvoiceFilter: InvoiceFilter;
  InvoiceVersion: InvoiceVersionModel;
  InvoiceVersionConnection: InvoiceVersionConnectionModel;
  InvoiceVersionEdge: Omit<InvoiceVersionEdge, 'node'> & { node: ResolversParentTypes['InvoiceVersion'] };
  JSON: Scalars['JSON']['output'];
  LineItem: LineItemModel;
  LineItemInput: LineItemInput;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Payment: PaymentEntity;
  Query: Record<PropertyKey, never>;
  RecordBillPaymentInput: RecordBillPaymentInput;
  RecordBillPaymentPayload: RecordBillPaymentPayloadModel;
  RecordPaymentInput: RecordPaymentInput;
  RecordPaymentPayload: RecordPaymentPayloadModel;
  SafeInt: Scalars['SafeInt']['output'];
  UpdateBillInput: UpdateBillInput;
  UpdateInvoiceInput: UpdateInvoiceInput;
  UpdateVendorInput: UpdateVendorInput;
  Vendor: VendorEntity;
  VendorBillFilter: VendorBillFilter;
  VendorConnection: VendorConnectionModel;
  VendorEdge: Omit<VendorEdge, 'node'> & { node: ResolversParentTypes['Vendor'] };
  VendorFilter: VendorFilter;
  VendorVersion: VendorVersionModel;
  VendorVersionConnection: VendorVersionConnectionModel;
  VendorVersionEdge: Omit<VendorVersionEdge, 'node'> & { node: ResolversParentTypes['VendorVersion'] };
};

export type BillResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['Bill'] = ResolversParentTypes['Bill']> = {
  amountPaid?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  approvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  balance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deletedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dueDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  history?: Resolver<ResolversTypes['BillVersionConnection'], ParentType, ContextType, Partial<BillHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issueDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  lineItems?: Resolver<Array<ResolversTypes['LineItem']>, ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  paidAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  payments?: Resolver<Array<ResolversTypes['BillPayment']>, ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BillStatus'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  vendor?: Resolver<ResolversTypes['Vendor'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  voidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type BillConnectionResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['BillConnection'] = ResolversParentTypes['BillConnection']> = {
  edges?: Resolver<Array<ResolversTypes['BillEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BillEdgeResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['BillEdge'] = ResolversParentTypes['BillEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Bill'], ParentType, ContextType>;
};

export type BillPaymentResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['BillPayment'] = ResolversParentTypes['BillPayment']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  bill?: Resolver<ResolversTypes['Bill'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  paidAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BillVersionResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['BillVersion'] = ResolversParentTypes['BillVersion']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshot?: Resolver<ResolversTypes['Bill'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BillVersionConnectionResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['BillVersionConnection'] = ResolversParentTypes['BillVersionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['BillVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BillVersionEdgeResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['BillVersionEdge'] = ResolversParentTypes['BillVersionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['BillVersion'], ParentType, ContextType>;
};

export type ClientResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['Client'] = ResolversParentTypes['Client'], FederationReferenceType extends FederationReferenceTypes['Client'] = FederationReferenceTypes['Client']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Client']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoices?: Resolver<ResolversTypes['InvoiceConnection'], ParentType, ContextType, Partial<ClientInvoicesArgs>>;
};

export type CustomFieldValueResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['CustomFieldValue'] = ResolversParentTypes['CustomFieldValue']> = {
  boolean?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  options?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['CustomFieldType'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EngagementResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['Engagement'] = ResolversParentTypes['Engagement'], FederationReferenceType extends FederationReferenceTypes['Engagement'] = FederationReferenceTypes['Engagement']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Engagement']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoices?: Resolver<ResolversTypes['InvoiceConnection'], ParentType, ContextType, Partial<EngagementInvoicesArgs>>;
};

export type InvoiceResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['Invoice'] = ResolversParentTypes['Invoice'], FederationReferenceType extends FederationReferenceTypes['Invoice'] = FederationReferenceTypes['Invoice']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Invoice']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amountPaid?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  balance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  client?: Resolver<ResolversTypes['Client'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customField?: Resolver<Maybe<ResolversTypes['CustomFieldValue']>, ParentType, ContextType, RequireFields<InvoiceCustomFieldArgs, 'key'>>;
  customFields?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deletedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dueDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  engagement?: Resolver<Maybe<ResolversTypes['Engagement']>, ParentType, ContextType>;
  history?: Resolver<ResolversTypes['InvoiceVersionConnection'], ParentType, ContextType, Partial<InvoiceHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issueDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  lineItems?: Resolver<Array<ResolversTypes['LineItem']>, ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  payments?: Resolver<Array<ResolversTypes['Payment']>, ParentType, ContextType>;
  sentAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvoiceStatus'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  voidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type InvoiceConnectionResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['InvoiceConnection'] = ResolversParentTypes['InvoiceConnection']> = {
  edges?: Resolver<Array<ResolversTypes['InvoiceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InvoiceEdgeResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['InvoiceEdge'] = ResolversParentTypes['InvoiceEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
};

export type InvoiceVersionResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['InvoiceVersion'] = ResolversParentTypes['InvoiceVersion']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshot?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InvoiceVersionConnectionResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['InvoiceVersionConnection'] = ResolversParentTypes['InvoiceVersionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['InvoiceVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InvoiceVersionEdgeResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['InvoiceVersionEdge'] = ResolversParentTypes['InvoiceVersionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['InvoiceVersion'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LineItemResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['LineItem'] = ResolversParentTypes['LineItem']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amountMinor?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  approveBill?: Resolver<Maybe<ResolversTypes['Bill']>, ParentType, ContextType, RequireFields<MutationApproveBillArgs, 'id'>>;
  createBill?: Resolver<Maybe<ResolversTypes['Bill']>, ParentType, ContextType, RequireFields<MutationCreateBillArgs, 'input'>>;
  createInvoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType, RequireFields<MutationCreateInvoiceArgs, 'input'>>;
  createVendor?: Resolver<Maybe<ResolversTypes['Vendor']>, ParentType, ContextType, RequireFields<MutationCreateVendorArgs, 'input'>>;
  deleteBill?: Resolver<Maybe<ResolversTypes['Bill']>, ParentType, ContextType, RequireFields<MutationDeleteBillArgs, 'id'>>;
  deleteInvoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType, RequireFields<MutationDeleteInvoiceArgs, 'id'>>;
  deleteVendor?: Resolver<Maybe<ResolversTypes['Vendor']>, ParentType, ContextType, RequireFields<MutationDeleteVendorArgs, 'id'>>;
  recordBillPayment?: Resolver<Maybe<ResolversTypes['RecordBillPaymentPayload']>, ParentType, ContextType, RequireFields<MutationRecordBillPaymentArgs, 'input'>>;
  recordPayment?: Resolver<Maybe<ResolversTypes['RecordPaymentPayload']>, ParentType, ContextType, RequireFields<MutationRecordPaymentArgs, 'input'>>;
  restoreBill?: Resolver<Maybe<ResolversTypes['Bill']>, ParentType, ContextType, RequireFields<MutationRestoreBillArgs, 'id'>>;
  restoreInvoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType, RequireFields<MutationRestoreInvoiceArgs, 'id'>>;
  restoreVendor?: Resolver<Maybe<ResolversTypes['Vendor']>, ParentType, ContextType, RequireFields<MutationRestoreVendorArgs, 'id'>>;
  sendInvoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType, RequireFields<MutationSendInvoiceArgs, 'id'>>;
  updateBill?: Resolver<Maybe<ResolversTypes['Bill']>, ParentType, ContextType, RequireFields<MutationUpdateBillArgs, 'id' | 'input'>>;
  updateInvoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType, RequireFields<MutationUpdateInvoiceArgs, 'id' | 'input'>>;
  updateVendor?: Resolver<Maybe<ResolversTypes['Vendor']>, ParentType, ContextType, RequireFields<MutationUpdateVendorArgs, 'id' | 'input'>>;
  voidBill?: Resolver<Maybe<ResolversTypes['Bill']>, ParentType, ContextType, RequireFields<MutationVoidBillArgs, 'id'>>;
  voidInvoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType, RequireFields<MutationVoidInvoiceArgs, 'id'>>;
};

export type PageInfoResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PaymentResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
  method?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  paidAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  bill?: Resolver<Maybe<ResolversTypes['Bill']>, ParentType, ContextType, RequireFields<QueryBillArgs, 'id'>>;
  bills?: Resolver<ResolversTypes['BillConnection'], ParentType, ContextType, Partial<QueryBillsArgs>>;
  invoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType, RequireFields<QueryInvoiceArgs, 'id'>>;
  invoices?: Resolver<ResolversTypes['InvoiceConnection'], ParentType, ContextType, Partial<QueryInvoicesArgs>>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<QueryPaymentArgs, 'id'>>;
  vendor?: Resolver<Maybe<ResolversTypes['Vendor']>, ParentType, ContextType, RequireFields<QueryVendorArgs, 'id'>>;
  vendors?: Resolver<ResolversTypes['VendorConnection'], ParentType, ContextType, Partial<QueryVendorsArgs>>;
};

export type RecordBillPaymentPayloadResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['RecordBillPaymentPayload'] = ResolversParentTypes['RecordBillPaymentPayload']> = {
  bill?: Resolver<ResolversTypes['Bill'], ParentType, ContextType>;
  payment?: Resolver<ResolversTypes['BillPayment'], ParentType, ContextType>;
};

export type RecordPaymentPayloadResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['RecordPaymentPayload'] = ResolversParentTypes['RecordPaymentPayload']> = {
  invoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
  payment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType>;
};

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type VendorResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['Vendor'] = ResolversParentTypes['Vendor']> = {
  bills?: Resolver<ResolversTypes['BillConnection'], ParentType, ContextType, Partial<VendorBillsArgs>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deletedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<ResolversTypes['VendorVersionConnection'], ParentType, ContextType, Partial<VendorHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type VendorConnectionResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['VendorConnection'] = ResolversParentTypes['VendorConnection']> = {
  edges?: Resolver<Array<ResolversTypes['VendorEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type VendorEdgeResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['VendorEdge'] = ResolversParentTypes['VendorEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Vendor'], ParentType, ContextType>;
};

export type VendorVersionResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['VendorVersion'] = ResolversParentTypes['VendorVersion']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshot?: Resolver<ResolversTypes['Vendor'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type VendorVersionConnectionResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['VendorVersionConnection'] = ResolversParentTypes['VendorVersionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['VendorVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type VendorVersionEdgeResolvers<ContextType = RevenueContext, ParentType extends ResolversParentTypes['VendorVersionEdge'] = ResolversParentTypes['VendorVersionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['VendorVersion'], ParentType, ContextType>;
};

export type Resolvers<ContextType = RevenueContext> = {
  Bill?: BillResolvers<ContextType>;
  BillConnection?: BillConnectionResolvers<ContextType>;
  BillEdge?: BillEdgeResolvers<ContextType>;
  BillPayment?: BillPaymentResolvers<ContextType>;
  BillVersion?: BillVersionResolvers<ContextType>;
  BillVersionConnection?: BillVersionConnectionResolvers<ContextType>;
  BillVersionEdge?: BillVersionEdgeResolvers<ContextType>;
  Client?: ClientResolvers<ContextType>;
  CustomFieldValue?: CustomFieldValueResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Engagement?: EngagementResolvers<ContextType>;
  Invoice?: InvoiceResolvers<ContextType>;
  InvoiceConnection?: InvoiceConnectionResolvers<ContextType>;
  InvoiceEdge?: InvoiceEdgeResolvers<ContextType>;
  InvoiceVersion?: InvoiceVersionResolvers<ContextType>;
  InvoiceVersionConnection?: InvoiceVersionConnectionResolvers<ContextType>;
  InvoiceVersionEdge?: InvoiceVersionEdgeResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  LineItem?: LineItemResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecordBillPaymentPayload?: RecordBillPaymentPayloadResolvers<ContextType>;
  RecordPaymentPayload?: RecordPaymentPayloadResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  Vendor?: VendorResolvers<ContextType>;
  VendorConnection?: VendorConnectionResolvers<ContextType>;
  VendorEdge?: VendorEdgeResolvers<ContextType>;
  VendorVersion?: VendorVersionResolvers<ContextType>;
  VendorVersionConnection?: VendorVersionConnectionResolvers<ContextType>;
  VendorVersionEdge?: VendorVersionEdgeResolvers<ContextType>;
};

