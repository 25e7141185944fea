import type { TaskResolvers } from '../__generated__/resolvers-types.js';

export const Task: TaskResolvers = {
  project: async (task, _args, ctx) => (await ctx.loaders.projectReference.load(task.projectId))!,
  milestone: (task, _args, ctx) => (task.milestoneId ? ctx.loaders.milestoneReference.load(task.milestoneId) : null),
  history: (task, args, ctx) => ctx.loaders.taskHistory.versions(task.id, args),
};
