import * as agreements from '../agreements.service.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';

// idempotencyKey is part of the public contract; the kernel handles it for every mutation.
export const Mutation: MutationResolvers = {
  createProposal: (_parent, { input }, ctx) => agreements.createProposal(ctx, input),
  updateProposal: (_parent, { id, input, expectedVersion }, ctx) => agreements.updateProposal(ctx, id, input, expectedVersion),
  sendProposal: (_parent, { id }, ctx) => agreements.sendProposal(ctx, id),
  acceptProposal: (_parent, { id }, ctx) => agreements.acceptProposal(ctx, id),
  declineProposal: (_parent, { id }, ctx) => agreements.declineProposal(ctx, id),
  deleteProposal: (_parent, { id, expectedVersion }, ctx) => agreements.deleteProposal(ctx, id, expectedVersion),
  restoreProposal: (_parent, { id }, ctx) => agreements.restoreProposal(ctx, id),
  createContract: (_parent, { input }, ctx) => agreements.createContract(ctx, input),
  updateContract: (_parent, { id, input, expectedVersion }, ctx) => agreements.updateContract(ctx, id, input, expectedVersion),
  signContract: (_parent, { id, input }, ctx) => agreements.signContract(ctx, id, input),
  completeContract: (_parent, { id }, ctx) => agreements.completeContract(ctx, id),
  terminateContract: (_parent, { id }, ctx) => agreements.terminateContract(ctx, id),
  deleteContract: (_parent, { id, expectedVersion }, ctx) => agreements.deleteContract(ctx, id, expectedVersion),
  restoreContract: (_parent, { id }, ctx) => agreements.restoreContract(ctx, id),
};
