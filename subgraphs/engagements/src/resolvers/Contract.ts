import * as engagements from '../engagements.service.js';
import type { ContractResolvers } from '../__generated__/resolvers-types.js';

export const Contract: ContractResolvers = {
  // Contracts belong to agreements; this subgraph only adds fields keyed by the contract's id.
  __resolveReference: (reference) => ({ id: reference.id }),
  engagements: (contract, args, ctx) => engagements.engagementsOfContract(ctx, contract.id, args),
};
