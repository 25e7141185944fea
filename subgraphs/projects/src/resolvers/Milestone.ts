import type { MilestoneResolvers } from '../__generated__/resolvers-types.js';

export const Milestone: MilestoneResolvers = {
  project: async (milestone, _args, ctx) => (await ctx.loaders.projectReference.load(milestone.projectId))!,
  completed: (milestone) => Boolean(milestone.completedAt),
  history: (milestone, args, ctx) => ctx.loaders.milestoneHistory.versions(milestone.id, args),
};
