import { proposalStatus } from '../proposal-status.js';
import type { ProposalResolvers } from '../__generated__/resolvers-types.js';

export const Proposal: ProposalResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.proposalReference.load(reference.id),
  client: (proposal) => ({ id: proposal.clientId }),
  status: (proposal) => proposalStatus(proposal),
  lineItems: (proposal) => proposal.lineItems.map((item) => ({ ...item, currency: proposal.currency })),
  subtotal: (proposal) => ({ amountMinor: proposal.subtotalMinor, currency: proposal.currency }),
  tax: (proposal) => ({ amountMinor: proposal.taxMinor, currency: proposal.currency }),
  total: (proposal) => ({ amountMinor: proposal.totalMinor, currency: proposal.currency }),
  contract: (proposal, _args, ctx) => ctx.loaders.contractOfProposal.load(proposal.id),
  history: (proposal, args, ctx) => ctx.loaders.proposalHistory.versions(proposal.id, args),
};
