import { ForeignKeyConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import {
  checkDateOrder,
  findPage,
  notFound,
  optionalText,
  parseId,
  requiredInput,
  requiredText,
  uuidv7,
  type Connection,
} from '@ubos/kernel';
import type { ProjectsContext } from './context.js';
import { MilestoneSchema, type MilestoneEntity } from './entities/milestone.entity.js';
import { ProjectSchema, type ProjectEntity } from './entities/project.entity.js';
import { TaskSchema, type TaskEntity } from './entities/task.entity.js';
import type {
  CreateMilestoneInput,
  CreateProjectInput,
  CreateTaskInput,
  ProjectFilter,
  TaskFilter,
  UpdateMilestoneInput,
  UpdateProjectInput,
  UpdateTaskInput,
} from './__generated__/resolvers-types.js';

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

function assignDefined<T extends object>(entity: T, changes: Partial<T>): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) (entity as Record<string, unknown>)[key] = value;
  }
}

export function listProjects(ctx: ProjectsContext, args: PageArgs & { filter?: ProjectFilter | null }): Promise<Connection<ProjectEntity>> {
  const where: FilterQuery<ProjectEntity> = args.filter?.status ? { status: { $in: args.filter.status } } : {};
  return findPage(ctx.em, ProjectSchema, where, args, { properties: ['id'], direction: 'ASC' });
}

export function projectsOfClient(ctx: ProjectsContext, clientId: string, args: PageArgs & { filter?: ProjectFilter | null }) {
  return ctx.loaders.projectsOfClient(clientId, { first: args.first, after: args.after, filter: { status: args.filter?.status } });
}

export function tasksOfProject(ctx: ProjectsContext, projectId: string, args: PageArgs & { filter?: TaskFilter | null }) {
  return ctx.loaders.tasksOfProject(projectId, { first: args.first, after: args.after, filter: { status: args.filter?.status } });
}

export const getProject = (ctx: ProjectsContext, id: string) => ctx.loaders.projectById.load(parseId(id, 'id'));
export const getTask = (ctx: ProjectsContext, id: string) => ctx.loaders.taskById.load(parseId(id, 'id'));
export const getMilestone = (ctx: ProjectsContext, id: string) => ctx.loaders.milestoneById.load(parseId(id, 'id'));

async function requireProject(ctx: ProjectsContext, id: string, field: string): Promise<ProjectEntity> {
  const project = await ctx.em.findOne(ProjectSchema, { id: parseId(id, field) });
  if (!project) throw notFound('Project', field);
  return project;
}

async function requireMilestoneOfProject(ctx: ProjectsContext, id: string, projectId: string, field: string): Promise<MilestoneEntity> {
  const milestone = await ctx.em.findOne(MilestoneSchema, { id: parseId(id, field), projectId });
  if (!milestone) throw notFound('Milestone', field);
  return milestone;
}

export async function createProject(ctx: ProjectsContext, input: CreateProjectInput): Promise<ProjectEntity> {
  checkDateOrder(input.startDate, input.dueDate, 'input.dueDate');
  const now = new Date();
  const project = ctx.em.create(ProjectSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    clientId: parseId(input.clientId, 'input.clientId'),
    name: requiredText(input.name, 'input.name'),
    description: optionalText(input.description, 'input.description', 10_000) ?? null,
    status: input.status ?? 'PLANNED',
    startDate: input.startDate ?? null,
    dueDate: input.dueDate ?? null,
    customFields: {},
    createdAt: now,
    updatedAt: now,
  } as ProjectEntity);
  try {
    await ctx.em.flush();
  } catch (error) {
    // Clients belong to crm, so this subgraph does not read them. The composite foreign key
    // (organization_id, client_id) decides: another tenant's client is as absent as a missing one.
    if (error instanceof ForeignKeyConstraintViolationException) throw notFound('Client', 'input.clientId');
    throw error;
  }
  return project;
}

export async function updateProject(ctx: ProjectsContext, id: string, input: UpdateProjectInput): Promise<ProjectEntity> {
  const project = await requireProject(ctx, id, 'id');
  assignDefined(project, {
    name: input.name === undefined ? undefined : requiredText(input.name, 'input.name'),
    description: optionalText(input.description, 'input.description', 10_000),
    status: input.status === undefined ? undefined : requiredInput(input.status, 'input.status'),
    startDate: input.startDate,
    dueDate: input.dueDate,
  } as Partial<ProjectEntity>);
  checkDateOrder(project.startDate, project.dueDate, 'input.dueDate');
  project.updatedAt = new Date();
  await ctx.em.flush();
  return project;
}

export async function createTask(ctx: ProjectsContext, input: CreateTaskInput): Promise<TaskEntity> {
  const project = await requireProject(ctx, input.projectId, 'input.projectId');
  const milestone = input.milestoneId ? await requireMilestoneOfProject(ctx, input.milestoneId, project.id, 'input.milestoneId') : null;
  const now = new Date();
  const task = ctx.em.create(TaskSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    projectId: project.id,
    milestoneId: milestone?.id ?? null,
    title: requiredText(input.title, 'input.title', 300),
    status: input.status ?? 'TODO',
    dueDate: input.dueDate ?? null,
    createdAt: now,
    updatedAt: now,
  } as TaskEntity);
  await ctx.em.flush();
  return task;
}

export async function updateTask(ctx: ProjectsContext, id: string, input: UpdateTaskInput): Promise<TaskEntity> {
  const task = await ctx.em.findOne(TaskSchema, { id: parseId(id, 'id') });
  if (!task) throw notFound('Task', 'id');
  let milestoneId: string | null | undefined = input.milestoneId === null ? null : undefined;
  if (input.milestoneId) milestoneId = (await requireMilestoneOfProject(ctx, input.milestoneId, task.projectId, 'input.milestoneId')).id;
  assignDefined(task, {
    milestoneId,
    title: input.title === undefined ? undefined : requiredText(input.title, 'input.title', 300),
    status: input.status === undefined ? undefined : requiredInput(input.status, 'input.status'),
    dueDate: input.dueDate,
  } as Partial<TaskEntity>);
  task.updatedAt = new Date();
  await ctx.em.flush();
  return task;
}

export async function createMilestone(ctx: ProjectsContext, input: CreateMilestoneInput): Promise<MilestoneEntity> {
  const project = await requireProject(ctx, input.projectId, 'input.projectId');
  const now = new Date();
  const milestone = ctx.em.create(MilestoneSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    projectId: project.id,
    name: requiredText(input.name, 'input.name'),
    dueDate: input.dueDate ?? null,
    completedAt: null,
    createdAt: now,
    updatedAt: now,
  } as MilestoneEntity);
  await ctx.em.flush();
  return milestone;
}

export async function updateMilestone(ctx: ProjectsContext, id: string, input: UpdateMilestoneInput): Promise<MilestoneEntity> {
  const milestone = await ctx.em.findOne(MilestoneSchema, { id: parseId(id, 'id') });
  if (!milestone) throw notFound('Milestone', 'id');
  const now = new Date();
  let completedAt: Date | null | undefined;
  if (input.completed === true && !milestone.completedAt) completedAt = now;
  if (input.completed === false) completedAt = null;
  assignDefined(milestone, {
    name: input.name === undefined ? undefined : requiredText(input.name, 'input.name'),
    dueDate: input.dueDate,
    completedAt,
  } as Partial<MilestoneEntity>);
  milestone.updatedAt = now;
  await ctx.em.flush();
  return milestone;
}
