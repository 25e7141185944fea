import type { FilterQuery } from '@mikro-orm/core';
import {
  deleteEntity,
  restoreEntity,
  assignChanges,
  badUserInput,
  checkDateOrder,
  conflict,
  includeDeletedRows,
  insertEntity,
  findPage,
  loadForUpdate,
  lookupAsOf,
  money,
  notFound,
  parseId,
  requiredInput,
  requiredText,
  uuidv7,
  type Connection,
  saveChanges,
  type AnnouncedEvent,
  type MissingReferences,
  type PageArgs,
} from '@ubos/kernel';
import type { EngagementsContext } from './context.js';
import { EngagementProjectSchema, type EngagementProjectEntity } from './entities/engagement-project.entity.js';
import { EngagementSchema, type EngagementEntity, type EngagementStatus } from './entities/engagement.entity.js';
import type { ProjectReference } from './mappers.js';
import type { CreateEngagementInput, EngagementFilter, UpdateEngagementInput } from './__generated__/resolvers-types.js';

const MAX_PROJECTS = 100;
const FINAL_STATUSES: EngagementStatus[] = ['COMPLETED', 'CANCELLED'];

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

export function listEngagements(ctx: EngagementsContext, args: PageArgs & { filter?: EngagementFilter | null }): Promise<Connection<EngagementEntity>> {
  const where: FilterQuery<EngagementEntity> = {};
  if (args.filter?.status) where.status = { $in: args.filter.status };
  if (args.filter?.type) where.type = { $in: args.filter.type };
  if (args.filter?.clientId) where.clientId = parseId(args.filter.clientId, 'filter.clientId');
  return findPage(ctx, EngagementSchema, where, args, { properties: ['id'], direction: 'ASC' });
}

function childPage(ctx: EngagementsContext, loader: EngagementsContext['loaders']['engagementsOfClient'], parentId: string, args: PageArgs & { filter?: EngagementFilter | null }) {
  const includeDeleted = includeDeletedRows(ctx, args.includeDeleted);
  return loader(parentId, { first: args.first, after: args.after, filter: { status: args.filter?.status, type: args.filter?.type }, includeDeleted });
}

export const engagementsOfClient = (ctx: EngagementsContext, clientId: string, args: PageArgs & { filter?: EngagementFilter | null }) =>
  childPage(ctx, ctx.loaders.engagementsOfClient, clientId, args);

export const engagementsOfContract = (ctx: EngagementsContext, contractId: string, args: PageArgs & { filter?: EngagementFilter | null }) =>
  childPage(ctx, ctx.loaders.engagementsOfContract, contractId, args);

/** The engagement's linked projects, as references that the projects subgraph resolves; deleted projects only when asked. */
export async function projectsOfEngagement(ctx: EngagementsContext, engagementId: string, includeDeleted?: boolean | null): Promise<ProjectReference[]> {
  const loader = includeDeletedRows(ctx, includeDeleted) ? ctx.loaders.projectIdsOfEngagementWithDeleted : ctx.loaders.projectIdsOfEngagement;
  return (await loader.load(engagementId)).map((id) => ({ id }));
}

export const getEngagement = (ctx: EngagementsContext, id: string, asOf?: Date | string | null) =>
  lookupAsOf(id, asOf, { current: (key) => ctx.loaders.engagementById.load(key), asOf: ctx.loaders.engagementHistory.asOf });

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

/**
 * The client, the contract and the projects belong to other subgraphs, which this one does not
 * read: the composite foreign keys decide, so another tenant's row is as absent as a missing one
 * (and a contract must be one of the engagement's client).
 */
const ENGAGEMENT_REFERENCES: MissingReferences = {
  engagements_client_fk: ['Client', 'input.clientId'],
  engagements_contract_fk: ['Contract of this client', 'input.contractId'],
};

/** A link announces itself on its engagement: EngagementProjectAdded and EngagementProjectRemoved. */
const linkEvent =
  (eventType: 'EngagementProjectAdded' | 'EngagementProjectRemoved') =>
  (link: EngagementProjectEntity): AnnouncedEvent => ({
    eventType,
    aggregate: { type: 'Engagement', id: link.engagementId },
    payload: { engagementId: link.engagementId, projectId: link.projectId, clientId: link.clientId },
  });

async function linkProject(ctx: EngagementsContext, engagement: EngagementEntity, projectId: string, field: string): Promise<void> {
  const engagementId = engagement.id;
  const existing = await ctx.em.findOne(EngagementProjectSchema, { engagementId, projectId }, { filters: { notDeleted: false } });
  if (existing && !existing.deletedAt) return;
  if (existing) {
    await restoreEntity(ctx, EngagementProjectSchema, 'EngagementProject', existing.id, { event: linkEvent('EngagementProjectAdded') });
    return;
  }
  const now = new Date();
  const link = ctx.em.create(EngagementProjectSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    engagementId,
    clientId: engagement.clientId,
    projectId,
    createdAt: now,
    updatedAt: now,
  } as EngagementProjectEntity);
  await insertEntity(ctx, link, 'EngagementProject', {
    missing: {
      engagement_projects_project_fk: ['Project of this client', field],
      engagement_projects_project_client_fk: ['Project of this client', field],
    },
    event: linkEvent('EngagementProjectAdded'),
  });
}

function parseProjectIds(projectIds: readonly string[] | null | undefined): string[] {
  if (projectIds === null || projectIds === undefined) return [];
  if (projectIds.length > MAX_PROJECTS) throw badUserInput(`input.projectIds may have at most ${MAX_PROJECTS} projects`, 'input.projectIds');
  return projectIds.map((projectId, index) => parseId(projectId, `input.projectIds.${index}`));
}

export async function createEngagement(ctx: EngagementsContext, input: CreateEngagementInput): Promise<EngagementEntity> {
  const clientId = parseId(input.clientId, 'input.clientId');
  const contractId = input.contractId === undefined || input.contractId === null ? null : parseId(input.contractId, 'input.contractId');
  const name = requiredText(input.name, 'input.name');
  const type = requiredInput(input.type, 'input.type');
  checkDateOrder(input.startDate, input.endDate, 'input.endDate');
  const budget = input.budget ? money(input.budget, 'input.budget') : null;
  const projectIds = parseProjectIds(input.projectIds);
  const now = new Date();
  const engagement = ctx.em.create(EngagementSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    clientId,
    contractId,
    name,
    type,
    status: 'ACTIVE',
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    budgetAmountMinor: budget?.amountMinor ?? null,
    budgetCurrency: budget?.currency ?? null,
    createdAt: now,
    updatedAt: now,
  } as EngagementEntity);
  const linked = [...new Set(projectIds)];
  await insertEntity(ctx, engagement, 'Engagement', { payload: () => ({ clientId, contractId, name, type, budget, projectIds: linked }), missing: ENGAGEMENT_REFERENCES });
  for (const projectId of linked) await linkProject(ctx, engagement, projectId, `input.projectIds.${projectIds.indexOf(projectId)}`);
  return engagement;
}

export async function updateEngagement(ctx: EngagementsContext, id: string, input: UpdateEngagementInput, expectedVersion?: number | null): Promise<EngagementEntity> {
  const engagement = await loadForUpdate(ctx, EngagementSchema, 'Engagement', id, { expectedVersion });
  const status = input.status === undefined ? undefined : requiredInput(input.status, 'input.status');
  if (status !== undefined && status !== engagement.status && FINAL_STATUSES.includes(engagement.status)) {
    throw conflict(`Engagement is ${engagement.status}: a COMPLETED or CANCELLED engagement keeps its status`);
  }
  const budget = input.budget === undefined ? undefined : input.budget === null ? null : money(input.budget, 'input.budget');
  const changed = assignChanges(engagement, {
    contractId: input.contractId === undefined ? undefined : input.contractId === null ? null : parseId(input.contractId, 'input.contractId'),
    name: input.name === undefined ? undefined : requiredText(input.name, 'input.name'),
    type: input.type === undefined ? undefined : requiredInput(input.type, 'input.type'),
    status,
    startDate: input.startDate,
    endDate: input.endDate,
    budgetAmountMinor: budget === undefined ? undefined : (budget?.amountMinor ?? null),
    budgetCurrency: budget === undefined ? undefined : (budget?.currency ?? null),
  } as Partial<EngagementEntity>);
  checkDateOrder(engagement.startDate, engagement.endDate, 'input.endDate');
  return saveChanges(ctx, engagement, changed, { type: 'Engagement', payload: (row) => ({ status: row.status }), missing: ENGAGEMENT_REFERENCES });
}

export async function addProjectToEngagement(ctx: EngagementsContext, id: string, projectId: string): Promise<EngagementEntity> {
  // Locked, so that concurrent changes to the engagement's projects queue.
  const engagement = await loadForUpdate(ctx, EngagementSchema, 'Engagement', id);
  const project = parseId(projectId, 'projectId');
  await linkProject(ctx, engagement, project, 'projectId');
  return engagement;
}

export async function removeProjectFromEngagement(ctx: EngagementsContext, id: string, projectId: string): Promise<EngagementEntity> {
  const engagement = await loadForUpdate(ctx, EngagementSchema, 'Engagement', id);
  const project = parseId(projectId, 'projectId');
  const link = await ctx.em.findOne(EngagementProjectSchema, { engagementId: engagement.id, projectId: project }, { filters: { notDeleted: false } });
  if (!link) throw notFound('Project of this engagement', 'projectId');
  if (!link.deletedAt) await deleteEntity(ctx, EngagementProjectSchema, 'EngagementProject', link.id, null, { event: linkEvent('EngagementProjectRemoved') });
  return engagement;
}

export function deleteEngagement(ctx: EngagementsContext, id: string, expectedVersion?: number | null): Promise<EngagementEntity> {
  return deleteEntity(ctx, EngagementSchema, 'Engagement', id, expectedVersion);
}

export function restoreEngagement(ctx: EngagementsContext, id: string): Promise<EngagementEntity> {
  return restoreEntity(ctx, EngagementSchema, 'Engagement', id);
}
