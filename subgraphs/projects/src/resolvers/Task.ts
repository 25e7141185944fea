import type { TaskResolvers } from '../__generated__/resolvers-types.js';

export const Task: TaskResolvers = {
  project: async (task, _args, ctx) => (await ctx.loaders.projectById.load(task.projectId))!,
  milestone: (task, _args, ctx) => (task.milestoneId ? ctx.loaders.milestoneById.load(task.milestoneId) : null),
};
