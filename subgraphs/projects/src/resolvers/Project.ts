import { projectCustomFields } from '../custom-fields.js';
import * as projects from '../projects.service.js';
import type { ProjectResolvers } from '../__generated__/resolvers-types.js';

export const Project: ProjectResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.projectReference.load(reference.id),
  client: (project) => ({ id: project.clientId }),
  tasks: (project, args, ctx) => projects.tasksOfProject(ctx, project.id, args),
  milestones: (project, _args, ctx) => ctx.loaders.milestonesOfProject.load(project.id),
  history: (project, args, ctx) => ctx.loaders.projectHistory.versions(project.id, args),
  customField: (project, { key }, ctx) => projectCustomFields.typed(ctx, project.customFields, key),
};
