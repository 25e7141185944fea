import * as revenue from '../revenue.service.js';
import type { EngagementResolvers } from '../__generated__/resolvers-types.js';

export const Engagement: EngagementResolvers = {
  // Nothing to load: this subgraph only adds fields keyed by the engagement's id.
  __resolveReference: (reference) => ({ id: reference.id }),
  invoices: (engagement, args, ctx) => revenue.invoicesOfEngagement(ctx, engagement.id, args),
};
