import type { FilterQuery } from '@mikro-orm/core';
import {
  insertEntity,
  saveChanges,
  deleteEntity,
  restoreEntity,
  badUserInput,
  assignChanges,
  checkDateOrder,
  includeDeletedRows,
  findPage,
  loadForUpdate,
  lookupAsOf,
  parseAsOf,
  notFound,
  optionalText,
  parseId,
  requiredInput,
  requiredText,
  toConnection,
  encodeCursor,
  pageSize,
  decodeCursor,
  uuidv7,
  type Connection,
  type PageArgs,
} from '@ubos/kernel';
import { projectCustomFields } from './custom-fields.js';
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

export async function listProjects(ctx: ProjectsContext, args: PageArgs & { filter?: ProjectFilter | null }): Promise<Connection<ProjectEntity>> {
  const where: FilterQuery<ProjectEntity> = args.filter?.status ? { status: { $in: args.filter.status } } : {};
  const withCustomFields = await projectCustomFields.conditions<ProjectEntity>(ctx, args.filter?.customFields);
  return findPage(ctx, ProjectSchema, () => withCustomFields(where), args, { properties: ['id'], direction: 'ASC' });
}

/**
 * The client's projects. With asOf, the projects that belonged to the client at that instant,
 * as they were then (from the history), paged by id like the present list.
 */
export async function projectsOfClient(ctx: ProjectsContext, clientId: string, args: PageArgs & { filter?: ProjectFilter | null; asOf?: Date | string | null }) {
  if (args.filter?.customFields?.length) throw badUserInput('filter.customFields is not available on a client\'s projects; use the projects query', 'filter.customFields');
  const includeDeleted = includeDeletedRows(ctx, args.includeDeleted);
  const at = parseAsOf(args.asOf);
  if (!at) return ctx.loaders.projectsOfClient(clientId, { first: args.first, after: args.after, filter: { status: args.filter?.status }, includeDeleted });
  const first = pageSize(args.first);
  const after = args.after ? String(decodeCursor(args.after, 1)[0]) : undefined;
  const statuses = args.filter?.status;
  const all = (await ctx.loaders.projectHistory.ofClientAsOf(clientId, at)).filter((project) => !statuses || statuses.includes(project.status));
  const rest = all.filter((project) => after === undefined || project.id > after);
  return toConnection(rest.slice(0, first + 1), first, (project) => encodeCursor([project.id]), after !== undefined, () => all.length);
}

export function tasksOfProject(ctx: ProjectsContext, projectId: string, args: PageArgs & { filter?: TaskFilter | null }) {
  const includeDeleted = includeDeletedRows(ctx, args.includeDeleted);
  return ctx.loaders.tasksOfProject(projectId, { first: args.first, after: args.after, filter: { status: args.filter?.status }, includeDeleted });
}

export const getProject = (ctx: ProjectsContext, id: string, asOf?: Date | string | null) =>
  lookupAsOf(id, asOf, { current: (key) => ctx.loaders.projectById.load(key), asOf: ctx.loaders.projectHistory.asOf });
export const getTask = (ctx: ProjectsContext, id: string, asOf?: Date | string | null) =>
  lookupAsOf(id, asOf, { current: (key) => ctx.loaders.taskById.load(key), asOf: ctx.loaders.taskHistory.asOf });
export const getMilestone = (ctx: ProjectsContext, id: string, asOf?: Date | string | null) =>
  lookupAsOf(id, asOf, { current: (key) => ctx.loaders.milestoneById.load(key), asOf: ctx.loaders.milestoneHistory.asOf });

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
    customFields: await projectCustomFields.apply(ctx, input.customFields, null),
    createdAt: now,
    updatedAt: now,
  } as ProjectEntity);
  return insertEntity(ctx, project, 'Project', { payload: (row) => ({ clientId: row.clientId, name: row.name }), missing: { '*': ['Client', 'input.clientId'] } });
}

export async function updateProject(ctx: ProjectsContext, id: string, input: UpdateProjectInput, expectedVersion?: number | null): Promise<ProjectEntity> {
  const project = await loadForUpdate(ctx, ProjectSchema, 'Project', id, { expectedVersion });
  const changed = assignChanges(project, {
    name: input.name === undefined ? undefined : requiredText(input.name, 'input.name'),
    description: optionalText(input.description, 'input.description', 10_000),
    status: input.status === undefined ? undefined : requiredInput(input.status, 'input.status'),
    startDate: input.startDate,
    dueDate: input.dueDate,
    customFields: await projectCustomFields.apply(ctx, input.customFields, project.customFields),
  } as Partial<ProjectEntity>);
  checkDateOrder(project.startDate, project.dueDate, 'input.dueDate');
  return saveChanges(ctx, project, changed, { type: 'Project' });
}

export function deleteProject(ctx: ProjectsContext, id: string, expectedVersion?: number | null): Promise<ProjectEntity> {
  return deleteEntity(ctx, ProjectSchema, 'Project', id, expectedVersion);
}

export function restoreProject(ctx: ProjectsContext, id: string): Promise<ProjectEntity> {
  return restoreEntity(ctx, ProjectSchema, 'Project', id);
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
  return insertEntity(ctx, task, 'Task', { payload: (row) => ({ projectId: row.projectId }) });
}

export async function updateTask(ctx: ProjectsContext, id: string, input: UpdateTaskInput, expectedVersion?: number | null): Promise<TaskEntity> {
  const task = await loadForUpdate(ctx, TaskSchema, 'Task', id, { expectedVersion });
  let milestoneId: string | null | undefined = input.milestoneId === null ? null : undefined;
  if (input.milestoneId) milestoneId = (await requireMilestoneOfProject(ctx, input.milestoneId, task.projectId, 'input.milestoneId')).id;
  const changed = assignChanges(task, {
    milestoneId,
    title: input.title === undefined ? undefined : requiredText(input.title, 'input.title', 300),
    status: input.status === undefined ? undefined : requiredInput(input.status, 'input.status'),
    dueDate: input.dueDate,
  } as Partial<TaskEntity>);
  return saveChanges(ctx, task, changed, { type: 'Task', payload: (row) => ({ projectId: row.projectId }) });
}

export function deleteTask(ctx: ProjectsContext, id: string, expectedVersion?: number | null): Promise<TaskEntity> {
  return deleteEntity(ctx, TaskSchema, 'Task', id, expectedVersion, { payload: (row) => ({ projectId: row.projectId }) });
}

export function restoreTask(ctx: ProjectsContext, id: string): Promise<TaskEntity> {
  return restoreEntity(ctx, TaskSchema, 'Task', id, { payload: (row) => ({ projectId: row.projectId }) });
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
  return insertEntity(ctx, milestone, 'Milestone', { payload: (row) => ({ projectId: row.projectId }) });
}

export async function updateMilestone(ctx: ProjectsContext, id: string, input: UpdateMilestoneInput, expectedVersion?: number | null): Promise<MilestoneEntity> {
  const milestone = await loadForUpdate(ctx, MilestoneSchema, 'Milestone', id, { expectedVersion });
  const now = new Date();
  let completedAt: Date | null | undefined;
  if (input.completed === true && !milestone.completedAt) completedAt = now;
  if (input.completed === false && milestone.completedAt) completedAt = null;
  const changed = assignChanges(milestone, {
    name: input.name === undefined ? undefined : requiredText(input.name, 'input.name'),
    dueDate: input.dueDate,
    completedAt,
  } as Partial<MilestoneEntity>);
  return saveChanges(ctx, milestone, changed, { type: 'Milestone', payload: (row) => ({ projectId: row.projectId }) });
}

export function deleteMilestone(ctx: ProjectsContext, id: string, expectedVersion?: number | null): Promise<MilestoneEntity> {
  return deleteEntity(ctx, MilestoneSchema, 'Milestone', id, expectedVersion, { payload: (row) => ({ projectId: row.projectId }) });
}

export function restoreMilestone(ctx: ProjectsContext, id: string): Promise<MilestoneEntity> {
  return restoreEntity(ctx, MilestoneSchema, 'Milestone', id, { payload: (row) => ({ projectId: row.projectId }) });
}
