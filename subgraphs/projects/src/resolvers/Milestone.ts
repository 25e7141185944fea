import type { MilestoneResolvers } from '../__generated__/resolvers-types.js';

export const Milestone: MilestoneResolvers = {
  project: async (milestone, _args, ctx) => (await ctx.loaders.projectById.load(milestone.projectId))!,
  completed: (milestone) => milestone.completedAt !== null,
};
