import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@ubos/kernel';
import { MilestoneSchema } from './entities/milestone.entity.js';
import { ProjectSchema } from './entities/project.entity.js';
import { TaskSchema } from './entities/task.entity.js';
import { createProjectsLoaders, type ProjectsLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';

const sdlPath = fileURLToPath(new URL('../../../schema/projects.graphql', import.meta.url));

/** The projects subgraph: projects, tasks and milestones, and Client.projects. */
export const projectsSubgraph: SubgraphDefinition<ProjectsLoaders> = {
  name: 'projects',
  typeDefs: parse(fs.readFileSync(sdlPath, 'utf8')),
  resolvers: resolvers as SubgraphDefinition<ProjectsLoaders>['resolvers'],
  entities: [ProjectSchema, TaskSchema, MilestoneSchema],
  createLoaders: createProjectsLoaders,
};
