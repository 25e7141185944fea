import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TENANT_FILTER } from '@ubos/kernel';

// Payments made are facts: inserted once, never changed or deleted (a trigger refuses both).
export const BillPaymentSchema = defineEntity({
  name: 'BillPayment',
  tableName: 'bill_payments',
  filters: TENANT_FILTER,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    billId: p.uuid(),
    amountMinor: p.bigint('number'),
    currency: p.text(),
    paidAt: p.datetime(),
    reference: p.text().nullable(),
    createdAt: p.datetime(),
    // Owned by the database (always 1: bill payments do not change).
    version: p.integer().default(1),
  },
});

export type BillPaymentEntity = InferEntity<typeof BillPaymentSchema>;
