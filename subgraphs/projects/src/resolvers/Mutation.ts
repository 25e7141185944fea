import { purge } from '@ubos/kernel';
import * as projects from '../projects.service.js';
import { MilestoneSchema } from '../entities/milestone.entity.js';
import { ProjectSchema } from '../entities/project.entity.js';
import { TaskSchema } from '../entities/task.entity.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export const Mutation: MutationResolvers = {
  createProject: (_parent, { input }, ctx) => projects.createProject(ctx, input),
  updateProject: (_parent, { id, input, expectedVersion }, ctx) => projects.updateProject(ctx, id, input, expectedVersion),
  deleteProject: (_parent, { id, expectedVersion }, ctx) => projects.deleteProject(ctx, id, expectedVersion),
  restoreProject: (_parent, { id }, ctx) => projects.restoreProject(ctx, id),
  createTask: (_parent, { input }, ctx) => projects.createTask(ctx, input),
  updateTask: (_parent, { id, input, expectedVersion }, ctx) => projects.updateTask(ctx, id, input, expectedVersion),
  deleteTask: (_parent, { id, expectedVersion }, ctx) => projects.deleteTask(ctx, id, expectedVersion),
  restoreTask: (_parent, { id }, ctx) => projects.restoreTask(ctx, id),
  createMilestone: (_parent, { input }, ctx) => projects.createMilestone(ctx, input),
  updateMilestone: (_parent, { id, input, expectedVersion }, ctx) => projects.updateMilestone(ctx, id, input, expectedVersion),
  deleteMilestone: (_parent, { id, expectedVersion }, ctx) => projects.deleteMilestone(ctx, id, expectedVersion),
  restoreMilestone: (_parent, { id }, ctx) => projects.restoreMilestone(ctx, id),
  purgeProject: (_parent, { id }, ctx) => purge(ctx, ProjectSchema, 'Project', id),
  purgeTask: (_parent, { id }, ctx) => purge(ctx, TaskSchema, 'Task', id),
  purgeMilestone: (_parent, { id }, ctx) => purge(ctx, MilestoneSchema, 'Milestone', id),
};
