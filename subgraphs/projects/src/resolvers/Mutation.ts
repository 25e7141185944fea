import * as projects from '../projects.service.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export const Mutation: MutationResolvers = {
  createProject: (_parent, { input }, ctx) => projects.createProject(ctx, input),
  updateProject: (_parent, { id, input }, ctx) => projects.updateProject(ctx, id, input),
  createTask: (_parent, { input }, ctx) => projects.createTask(ctx, input),
  updateTask: (_parent, { id, input }, ctx) => projects.updateTask(ctx, id, input),
  createMilestone: (_parent, { input }, ctx) => projects.createMilestone(ctx, input),
  updateMilestone: (_parent, { id, input }, ctx) => projects.updateMilestone(ctx, id, input),
};
