import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity } from '@ubos/kernel';

export const CONTRACT_STATUSES = ['DRAFT', 'SIGNED', 'COMPLETED', 'TERMINATED'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const ContractSchema = defineMainEntity('Contract', 'contracts', {
  clientId: p.uuid(),
  // The accepted proposal it was made from; unique per organization (one contract per proposal).
  proposalId: p.uuid().nullable(),
  title: p.text(),
  notes: p.text().nullable(),
  status: p.text().$type<ContractStatus>(),
  valueAmountMinor: p.bigint('number'),
  valueCurrency: p.character().length(3),
  startDate: p.date().nullable(),
  endDate: p.date().nullable(),
  signedAt: p.datetime().nullable(),
  signedBy: p.text().nullable(),
  completedAt: p.datetime().nullable(),
  terminatedAt: p.datetime().nullable(),
});

export type ContractEntity = InferEntity<typeof ContractSchema>;
