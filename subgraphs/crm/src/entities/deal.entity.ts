import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity } from '@ubos/kernel';

export const DEAL_STAGES = ['LEAD', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST'] as const;
export type DealStage = (typeof DEAL_STAGES)[number];

export const DealSchema = defineMainEntity('Deal', 'deals', {
  clientId: p.uuid(),
  title: p.text(),
  stage: p.text().$type<DealStage>(),
  // bigint in SQL; every amount the API accepts is a safe integer, so a JS number holds it.
  valueAmountMinor: p.bigint('number'),
  valueCurrency: p.character().length(3),
  expectedCloseDate: p.date().nullable(),
  customFields: p.json<Record<string, unknown>>(),
});

export type DealEntity = InferEntity<typeof DealSchema>;
