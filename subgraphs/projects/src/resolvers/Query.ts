import * as projects from '../projects.service.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  projects: (_parent, args, ctx) => projects.listProjects(ctx, args),
  project: (_parent, { id }, ctx) => projects.getProject(ctx, id),
  task: (_parent, { id }, ctx) => projects.getTask(ctx, id),
  milestone: (_parent, { id }, ctx) => projects.getMilestone(ctx, id),
};
