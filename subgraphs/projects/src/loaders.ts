import { createByIdLoader, createChildListLoader, createChildPageLoader, createHistoryLoaders, type LoaderScope } from '@ubos/kernel';
import { MilestoneSchema } from './entities/milestone.entity.js';
import { ProjectSchema } from './entities/project.entity.js';
import { TaskSchema } from './entities/task.entity.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createProjectsLoaders(scope: LoaderScope) {
  const { em, organizationId } = scope;
  return {
    projectById: createByIdLoader(em, ProjectSchema),
    /** For references from tasks, milestones and other subgraphs: deleted projects still resolve. */
    projectReference: createByIdLoader(em, ProjectSchema, { includeDeleted: true }),
    milestoneReference: createByIdLoader(em, MilestoneSchema, { includeDeleted: true }),
    projectHistory: createHistoryLoaders(em, organizationId, 'Project', ProjectSchema),
    taskHistory: createHistoryLoaders(em, organizationId, 'Task', TaskSchema),
    milestoneHistory: createHistoryLoaders(em, organizationId, 'Milestone', MilestoneSchema),
    taskById: createByIdLoader(em, TaskSchema),
    milestoneById: createByIdLoader(em, MilestoneSchema),
    projectsOfClient: createChildPageLoader(scope, { entity: ProjectSchema, parent: 'clientId' }),
    tasksOfProject: createChildPageLoader(scope, { entity: TaskSchema, parent: 'projectId' }),
    milestonesOfProject: createChildListLoader(em, MilestoneSchema, 'projectId', { orderBy: { dueDate: 'ASC NULLS LAST', id: 'ASC' } }),
  };
}

export type ProjectsLoaders = ReturnType<typeof createProjectsLoaders>;
