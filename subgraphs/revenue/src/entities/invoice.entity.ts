import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity, type PricedLineItem } from '@ubos/kernel';

// Only client_id is stored here: the client itself is crm's golden record, reached through the graph.
// The status is not stored: it is derived from sent_at, voided_at, the amounts and the due date
// (see invoice-status.ts).
export const InvoiceSchema = defineMainEntity('Invoice', 'invoices', {
  // Owned by the database: a trigger assigns the tenant's next number on insert.
  number: p.integer().default(0),
  clientId: p.uuid(),
  engagementId: p.uuid().nullable(),
  currency: p.text(),
  lineItems: p.json<PricedLineItem[]>(),
  // bigint in SQL; every amount is a safe integer, so a JS number holds it.
  subtotalMinor: p.bigint('number'),
  taxMinor: p.bigint('number'),
  totalMinor: p.bigint('number'),
  amountPaidMinor: p.bigint('number'),
  issueDate: p.date().nullable(),
  dueDate: p.date().nullable(),
  sentAt: p.datetime().nullable(),
  voidedAt: p.datetime().nullable(),
  notes: p.text().nullable(),
  customFields: p.json<Record<string, unknown>>(),
});

export type InvoiceEntity = InferEntity<typeof InvoiceSchema>;
