import type { ContractResolvers } from '../__generated__/resolvers-types.js';

export const Contract: ContractResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.contractReference.load(reference.id),
  client: (contract) => ({ id: contract.clientId }),
  proposal: (contract, _args, ctx) => (contract.proposalId ? ctx.loaders.proposalReference.load(contract.proposalId) : null),
  value: (contract) => ({ amountMinor: contract.valueAmountMinor, currency: contract.valueCurrency }),
  history: (contract, args, ctx) => ctx.loaders.contractHistory.versions(contract.id, args),
};
