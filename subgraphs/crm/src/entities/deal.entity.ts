import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MAIN_ENTITY_FILTERS } from '@ubos/kernel';

export const DEAL_STAGES = ['LEAD', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST'] as const;
export type DealStage = (typeof DEAL_STAGES)[number];

export const DealSchema = defineEntity({
  name: 'Deal',
  tableName: 'deals',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    clientId: p.uuid(),
    title: p.text(),
    stage: p.text().$type<DealStage>(),
    // bigint in SQL; every amount the API accepts is a safe integer, so a JS number holds it.
    valueAmountMinor: p.bigint('number'),
    valueCurrency: p.character().length(3),
    expectedCloseDate: p.date().nullable(),
    customFields: p.json<Record<string, unknown>>(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    // Owned by the database: a trigger sets and bumps it; the ORM reads it back after a write.
    version: p.integer().default(1),
    deletedAt: p.datetime().nullable(),
    deletedBy: p.text().nullable(),
  },
});

export type DealEntity = InferEntity<typeof DealSchema>;
