import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity } from '@ubos/kernel';

export const ENGAGEMENT_TYPES = ['RETAINER', 'FIXED_FEE', 'TIME_AND_MATERIALS'] as const;
export const ENGAGEMENT_STATUSES = ['ACTIVE', 'PAUSED', 'COMPLETED', 'CANCELLED'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

// Only the keys of the client (crm) and the contract (agreements) are stored here; the composite
// foreign keys keep them within the tenant, and the contract within the client.
export const EngagementSchema = defineMainEntity('Engagement', 'engagements', {
  clientId: p.uuid(),
  contractId: p.uuid().nullable(),
  name: p.text(),
  type: p.text().$type<(typeof ENGAGEMENT_TYPES)[number]>(),
  status: p.text().$type<EngagementStatus>(),
  startDate: p.date().nullable(),
  endDate: p.date().nullable(),
  // bigint in SQL; every amount the API accepts is a safe integer, so a JS number holds it.
  budgetAmountMinor: p.bigint('number').nullable(),
  budgetCurrency: p.character().length(3).nullable(),
});

export type EngagementEntity = InferEntity<typeof EngagementSchema>;
