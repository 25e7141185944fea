import * as engagements from '../engagements.service.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';

// idempotencyKey is part of the public contract; the kernel handles it for every mutation.
export const Mutation: MutationResolvers = {
  createEngagement: (_parent, { input }, ctx) => engagements.createEngagement(ctx, input),
  updateEngagement: (_parent, { id, input, expectedVersion }, ctx) => engagements.updateEngagement(ctx, id, input, expectedVersion),
  addProjectToEngagement: (_parent, { id, projectId }, ctx) => engagements.addProjectToEngagement(ctx, id, projectId),
  removeProjectFromEngagement: (_parent, { id, projectId }, ctx) => engagements.removeProjectFromEngagement(ctx, id, projectId),
  deleteEngagement: (_parent, { id, expectedVersion }, ctx) => engagements.deleteEngagement(ctx, id, expectedVersion),
  restoreEngagement: (_parent, { id }, ctx) => engagements.restoreEngagement(ctx, id),
};
