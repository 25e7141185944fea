import { createByIdLoader, createChildPageLoader, createHistoryLoaders, defineLoaders } from '@ubos/kernel';
import DataLoader from 'dataloader';
import { ContractSchema, type ContractEntity } from './entities/contract.entity.js';
import { ProposalSchema } from './entities/proposal.entity.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export const createAgreementsLoaders = defineLoaders({
  proposalById: ({ em }) => createByIdLoader(em, ProposalSchema),
  /** For references (Contract.proposal, other subgraphs): deleted proposals still resolve. */
  proposalReference: ({ em }) => createByIdLoader(em, ProposalSchema, { includeDeleted: true }),
  contractById: ({ em }) => createByIdLoader(em, ContractSchema),
  contractReference: ({ em }) => createByIdLoader(em, ContractSchema, { includeDeleted: true }),
  /** The contract made from each proposal, deleted or not (it still holds the proposal's one contract). */
  contractOfProposal: ({ em }) => new DataLoader<string, ContractEntity | null>(async (proposalIds) => {
    const rows = await em.find(ContractSchema, { proposalId: { $in: [...proposalIds] } }, { filters: { notDeleted: false } });
    const byProposal = new Map(rows.map((row) => [row.proposalId, row]));
    return proposalIds.map((proposalId) => byProposal.get(proposalId) ?? null);
  }),
  proposalHistory: ({ em, organizationId }) => createHistoryLoaders(em, organizationId, 'Proposal', ProposalSchema),
  contractHistory: ({ em, organizationId }) => createHistoryLoaders(em, organizationId, 'Contract', ContractSchema),
  /** Filtered on the derived status (EXPIRED is SENT past validUntil) through proposalStatusCondition. */
  proposalsOfClient: (scope) => createChildPageLoader(scope, { entity: ProposalSchema, parent: 'clientId' }),
  contractsOfClient: (scope) => createChildPageLoader(scope, { entity: ContractSchema, parent: 'clientId' }),
});

export type AgreementsLoaders = ReturnType<typeof createAgreementsLoaders>;
