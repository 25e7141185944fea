import * as agreements from '../agreements.service.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  proposals: (_parent, args, ctx) => agreements.listProposals(ctx, args),
  proposal: (_parent, { id, asOf }, ctx) => agreements.getProposal(ctx, id, asOf),
  contracts: (_parent, args, ctx) => agreements.listContracts(ctx, args),
  contract: (_parent, { id, asOf }, ctx) => agreements.getContract(ctx, id, asOf),
};
