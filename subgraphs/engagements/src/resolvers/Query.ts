import * as engagements from '../engagements.service.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  engagements: (_parent, args, ctx) => engagements.listEngagements(ctx, args),
  engagement: (_parent, { id, asOf }, ctx) => engagements.getEngagement(ctx, id, asOf),
};
