import { defineSubgraph } from '@ubos/kernel';
import { MilestoneSchema } from './entities/milestone.entity.js';
import { ProjectSchema } from './entities/project.entity.js';
import { TaskSchema } from './entities/task.entity.js';
import { createProjectsLoaders, type ProjectsLoaders } from './loaders.js';
import { projectsEventHandlers } from './events.js';
import { resolvers } from './resolvers/index.js';

/** The projects subgraph: projects, tasks and milestones, and Client.projects. */
export const projectsSubgraph = defineSubgraph<ProjectsLoaders>({
  name: 'projects',
  resolvers,
  entities: [ProjectSchema, TaskSchema, MilestoneSchema],
  createLoaders: createProjectsLoaders,
  events: projectsEventHandlers,
});
