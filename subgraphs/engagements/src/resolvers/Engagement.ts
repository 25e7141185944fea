import type { EngagementResolvers } from '../__generated__/resolvers-types.js';
import * as engagements from '../engagements.service.js';

export const Engagement: EngagementResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.engagementReference.load(reference.id),
  client: (engagement) => ({ id: engagement.clientId }),
  contract: (engagement) => (engagement.contractId ? { id: engagement.contractId } : null),
  budget: (engagement) =>
    engagement.budgetAmountMinor === null || engagement.budgetAmountMinor === undefined || !engagement.budgetCurrency
      ? null
      : { amountMinor: engagement.budgetAmountMinor, currency: engagement.budgetCurrency },
  projects: (engagement, args, ctx) => engagements.projectsOfEngagement(ctx, engagement.id, args.includeDeleted),
  history: (engagement, args, ctx) => ctx.loaders.engagementHistory.versions(engagement.id, args),
};
