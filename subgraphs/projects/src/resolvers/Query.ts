import * as projects from '../projects.service.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  projects: (_parent, args, ctx) => projects.listProjects(ctx, args),
  project: (_parent, { id, asOf }, ctx) => projects.getProject(ctx, id, asOf),
  task: (_parent, { id, asOf }, ctx) => projects.getTask(ctx, id, asOf),
  milestone: (_parent, { id, asOf }, ctx) => projects.getMilestone(ctx, id, asOf),
};
