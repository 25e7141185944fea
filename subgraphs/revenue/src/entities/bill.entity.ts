import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity, type PricedLineItem } from '@ubos/kernel';

export const BILL_STATUSES = ['DRAFT', 'APPROVED', 'PAID', 'VOID'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];

export const BillSchema = defineMainEntity('Bill', 'bills', {
  vendorId: p.uuid(),
  reference: p.text().nullable(),
  status: p.text().$type<BillStatus>(),
  currency: p.text(),
  lineItems: p.json<PricedLineItem[]>(),
  // bigint in SQL; every amount is a safe integer, so a JS number holds it.
  subtotalMinor: p.bigint('number'),
  taxMinor: p.bigint('number'),
  totalMinor: p.bigint('number'),
  amountPaidMinor: p.bigint('number'),
  issueDate: p.date().nullable(),
  dueDate: p.date().nullable(),
  approvedAt: p.datetime().nullable(),
  paidAt: p.datetime().nullable(),
  voidedAt: p.datetime().nullable(),
  notes: p.text().nullable(),
});

export type BillEntity = InferEntity<typeof BillSchema>;
