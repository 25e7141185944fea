import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TENANT_FILTER } from '@ubos/kernel';

// Payments are facts: inserted once, never changed or deleted (a trigger refuses both), so
// they have no soft delete.
export const PaymentSchema = defineEntity({
  name: 'Payment',
  tableName: 'payments',
  filters: TENANT_FILTER,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    invoiceId: p.uuid(),
    clientId: p.uuid(),
    amountMinor: p.bigint('number'),
    currency: p.text(),
    paidAt: p.datetime(),
    method: p.text().nullable(),
    reference: p.text().nullable(),
    createdAt: p.datetime(),
    // Owned by the database (always 1: payments do not change).
    version: p.integer().default(1),
  },
});

export type PaymentEntity = InferEntity<typeof PaymentSchema>;
