import DataLoader from 'dataloader';
import { createByIdLoader, createChildPageLoader, createHistoryLoaders, type EntityManager } from '@ubos/kernel';
import { MilestoneSchema, type MilestoneEntity } from './entities/milestone.entity.js';
import { ProjectSchema } from './entities/project.entity.js';
import { TaskSchema } from './entities/task.entity.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createProjectsLoaders(em: EntityManager, organizationId: string | null) {
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
    projectsOfClient: createChildPageLoader(em, organizationId, {
      entity: ProjectSchema,
      table: 'projects',
      parentColumn: 'client_id',
      softDeletable: true,
      sort: { properties: ['id'], columns: ['id'], direction: 'ASC' },
    }),
    tasksOfProject: createChildPageLoader(em, organizationId, {
      entity: TaskSchema,
      table: 'tasks',
      parentColumn: 'project_id',
      softDeletable: true,
      sort: { properties: ['id'], columns: ['id'], direction: 'ASC' },
    }),
    milestonesOfProject: new DataLoader<string, MilestoneEntity[]>(async (projectIds) => {
      const rows = await em.find(MilestoneSchema, { projectId: { $in: [...projectIds] } }, { orderBy: { dueDate: 'ASC NULLS LAST', id: 'ASC' } as any });
      const byProject = new Map<string, MilestoneEntity[]>();
      for (const row of rows) byProject.set(row.projectId, [...(byProject.get(row.projectId) ?? []), row]);
      return projectIds.map((projectId) => byProject.get(projectId) ?? []);
    }),
  };
}

export type ProjectsLoaders = ReturnType<typeof createProjectsLoaders>;
