import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity, type PricedLineItem } from '@ubos/kernel';

/** What the database stores. EXPIRED is derived when read (see proposalStatus). */
export const STORED_PROPOSAL_STATUSES = ['DRAFT', 'SENT', 'ACCEPTED', 'DECLINED'] as const;
export type StoredProposalStatus = (typeof STORED_PROPOSAL_STATUSES)[number];

// Only client_id is stored here: the client itself is crm's golden record, reached through the graph.
export const ProposalSchema = defineMainEntity('Proposal', 'proposals', {
  clientId: p.uuid(),
  title: p.text(),
  notes: p.text().nullable(),
  status: p.text().$type<StoredProposalStatus>(),
  currency: p.character().length(3),
  // The priced lines, as the kernel's priceLineItems returns them; versioned with the proposal.
  lineItems: p.json<PricedLineItem[]>(),
  // bigint in SQL; every amount the API accepts is a safe integer, so a JS number holds it.
  subtotalMinor: p.bigint('number'),
  taxMinor: p.bigint('number'),
  totalMinor: p.bigint('number'),
  validUntil: p.date().nullable(),
  sentAt: p.datetime().nullable(),
  acceptedAt: p.datetime().nullable(),
  declinedAt: p.datetime().nullable(),
});

export type ProposalEntity = InferEntity<typeof ProposalSchema>;
