import { createByIdLoader, createChildListLoader, createChildPageLoader, createHistoryLoaders, defineLoaders } from '@ubos/kernel';
import { MilestoneSchema } from './entities/milestone.entity.js';
import { ProjectSchema } from './entities/project.entity.js';
import { TaskSchema } from './entities/task.entity.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export const createProjectsLoaders = defineLoaders({
  projectById: ({ em }) => createByIdLoader(em, ProjectSchema),
  /** For references from tasks, milestones and other subgraphs: deleted projects still resolve. */
  projectReference: ({ em }) => createByIdLoader(em, ProjectSchema, { includeDeleted: true }),
  milestoneReference: ({ em }) => createByIdLoader(em, MilestoneSchema, { includeDeleted: true }),
  projectHistory: ({ em, organizationId }) => createHistoryLoaders(em, organizationId, 'Project', ProjectSchema),
  taskHistory: ({ em, organizationId }) => createHistoryLoaders(em, organizationId, 'Task', TaskSchema),
  milestoneHistory: ({ em, organizationId }) => createHistoryLoaders(em, organizationId, 'Milestone', MilestoneSchema),
  taskById: ({ em }) => createByIdLoader(em, TaskSchema),
  milestoneById: ({ em }) => createByIdLoader(em, MilestoneSchema),
  projectsOfClient: (scope) => createChildPageLoader(scope, { entity: ProjectSchema, parent: 'clientId' }),
  tasksOfProject: (scope) => createChildPageLoader(scope, { entity: TaskSchema, parent: 'projectId' }),
  milestonesOfProject: ({ em }) => createChildListLoader(em, MilestoneSchema, 'projectId', { orderBy: { dueDate: 'ASC NULLS LAST', id: 'ASC' } }),
});

export type ProjectsLoaders = ReturnType<typeof createProjectsLoaders>;
