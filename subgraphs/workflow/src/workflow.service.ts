import { LockMode, type FilterQuery } from '@mikro-orm/core';
import {
  saveChanges,
  insertEntity,
  actorLabel,
  conflict,
  deleteEntity,
  emitDomainEvent,
  findPage,
  loadForUpdate,
  lookupAsOf,
  notFound,
  optionalText,
  parseId,
  requireRole,
  requiredText,
  restoreEntity,
  uuidv7,
  type Connection,
  type PageArgs,
} from '@ubos/kernel';
import type { WorkflowContext } from './context.js';
import { validateSteps, validateTrigger, type StepInput } from '@ubos/kernel';
import { DeadLetterEventSchema, type DeadLetterEventEntity } from './entities/dead-letter-event.entity.js';
import { WorkflowRunSchema, type WorkflowRunEntity } from './entities/workflow-run.entity.js';
import { WorkflowSchema, type WorkflowEntity } from './entities/workflow.entity.js';
import type { StepRunModel } from './mappers.js';
import type { CreateWorkflowInput, UpdateWorkflowInput, WorkflowFilter, WorkflowRunFilter } from './__generated__/resolvers-types.js';

const MANAGERS: Array<'OWNER' | 'ADMIN'> = ['OWNER', 'ADMIN'];
const manage = (ctx: WorkflowContext) => requireRole(ctx, MANAGERS, 'Only owners and admins manage workflows');

// ---------------------------------------------------------------------------------------
// Workflows
// ---------------------------------------------------------------------------------------

export function listWorkflows(ctx: WorkflowContext, args: PageArgs & { filter?: WorkflowFilter | null; includeDeleted?: boolean | null }): Promise<Connection<WorkflowEntity>> {
  const where: FilterQuery<WorkflowEntity> = {};
  if (args.filter?.eventType) (where as Record<string, unknown>).triggerEventType = args.filter.eventType;
  if (args.filter?.enabled !== undefined && args.filter?.enabled !== null) (where as Record<string, unknown>).enabled = args.filter.enabled;
  return findPage(ctx, WorkflowSchema, where, args, { properties: ['id'], direction: 'ASC' });
}

export const getWorkflow = (ctx: WorkflowContext, id: string, asOf?: Date | string | null) =>
  lookupAsOf(id, asOf, { current: (key) => ctx.loaders.workflowById.load(key), asOf: ctx.loaders.workflowHistory.asOf });

/** Keeps the webhook secrets of a workflow apart from its steps (never audited, never shown). */
async function storeSecrets(ctx: WorkflowContext, workflowId: string, secrets: Record<string, string>): Promise<void> {
  for (const [stepKey, secret] of Object.entries(secrets)) {
    await ctx.em.execute(
      `insert into workflow_secrets (organization_id, workflow_id, step_key, secret) values (?, ?, ?, ?)
       on conflict (organization_id, workflow_id, step_key) do update set secret = excluded.secret, updated_at = now()`,
      [ctx.organizationId(), workflowId, stepKey, secret],
    );
  }
}

async function secretKeys(ctx: WorkflowContext, workflowId: string): Promise<Set<string>> {
  const rows = await ctx.em.execute<Array<{ step_key: string }>>('select step_key from workflow_secrets where organization_id = ? and workflow_id = ?', [ctx.organizationId(), workflowId]);
  return new Set(rows.map((row) => row.step_key));
}

export async function createWorkflow(ctx: WorkflowContext, input: CreateWorkflowInput): Promise<WorkflowEntity> {
  manage(ctx);
  const trigger = validateTrigger(input.trigger as Parameters<typeof validateTrigger>[0], 'input.trigger');
  const { steps, secrets } = validateSteps(input.steps as StepInput[], 'input.steps');
  const now = new Date();
  const workflow = ctx.em.create(WorkflowSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    name: requiredText(input.name, 'input.name'),
    description: optionalText(input.description, 'input.description', 2000) ?? null,
    triggerEventType: trigger.eventType,
    triggerConditions: trigger.conditions,
    steps,
    enabled: input.enabled ?? true,
    systemKey: null,
    createdAt: now,
    updatedAt: now,
  } as WorkflowEntity);
  await insertEntity(ctx, workflow, 'Workflow', { payload: (row) => ({ triggerEventType: row.triggerEventType, enabled: row.enabled }) });
  await storeSecrets(ctx, workflow.id, secrets);
  return workflow;
}

export async function updateWorkflow(ctx: WorkflowContext, id: string, input: UpdateWorkflowInput, expectedVersion?: number | null): Promise<WorkflowEntity> {
  manage(ctx);
  const workflow = await loadForUpdate(ctx, WorkflowSchema, 'Workflow', id, { expectedVersion });
  const changes: Partial<WorkflowEntity> = {};
  if (input.name !== undefined) changes.name = requiredText(input.name, 'input.name');
  if (input.description !== undefined) changes.description = optionalText(input.description, 'input.description', 2000) ?? null;
  if (input.trigger !== undefined && input.trigger !== null) {
    const trigger = validateTrigger(input.trigger as Parameters<typeof validateTrigger>[0], 'input.trigger');
    changes.triggerEventType = trigger.eventType;
    changes.triggerConditions = trigger.conditions;
  }
  let secrets: Record<string, string> = {};
  if (input.steps !== undefined && input.steps !== null) {
    const validated = validateSteps(input.steps as StepInput[], 'input.steps', await secretKeys(ctx, workflow.id));
    changes.steps = validated.steps;
    secrets = validated.secrets;
  }
  const changed: string[] = [];
  for (const [key, value] of Object.entries(changes)) {
    const current = (workflow as Record<string, unknown>)[key];
    if (JSON.stringify(current) === JSON.stringify(value)) continue;
    (workflow as Record<string, unknown>)[key] = value;
    changed.push(key);
  }
  await saveChanges(ctx, workflow, changed, { type: 'Workflow' });
  await storeSecrets(ctx, workflow.id, secrets);
  return workflow;
}

export async function setWorkflowEnabled(ctx: WorkflowContext, id: string, enabled: boolean): Promise<WorkflowEntity> {
  manage(ctx);
  const workflow = await loadForUpdate(ctx, WorkflowSchema, 'Workflow', id);
  if (workflow.enabled === enabled) return workflow;
  workflow.enabled = enabled;
  return saveChanges(ctx, workflow, ['enabled'], { type: 'Workflow' });
}

export async function deleteWorkflow(ctx: WorkflowContext, id: string, expectedVersion?: number | null): Promise<WorkflowEntity> {
  manage(ctx);
  return deleteEntity(ctx, WorkflowSchema, 'Workflow', id, expectedVersion);
}

export async function restoreWorkflow(ctx: WorkflowContext, id: string): Promise<WorkflowEntity> {
  manage(ctx);
  return restoreEntity(ctx, WorkflowSchema, 'Workflow', id);
}

// ---------------------------------------------------------------------------------------
// Runs
// ---------------------------------------------------------------------------------------

function runWhere(filter: WorkflowRunFilter | null | undefined): FilterQuery<WorkflowRunEntity> {
  const where: Record<string, unknown> = {};
  if (filter?.status?.length) where.status = { $in: filter.status };
  if (filter?.workflowId) where.workflowId = parseId(filter.workflowId, 'filter.workflowId');
  if (filter?.clientId) where.clientId = parseId(filter.clientId, 'filter.clientId');
  if (filter?.eventType) where.eventType = filter.eventType;
  return where as FilterQuery<WorkflowRunEntity>;
}

export function listRuns(ctx: WorkflowContext, args: PageArgs & { filter?: WorkflowRunFilter | null }): Promise<Connection<WorkflowRunEntity>> {
  return findPage(ctx, WorkflowRunSchema, runWhere(args.filter), args, { properties: ['id'], direction: 'DESC' });
}

export function runsOfWorkflow(ctx: WorkflowContext, workflowId: string, args: PageArgs & { filter?: WorkflowRunFilter | null }): Promise<Connection<WorkflowRunEntity>> {
  const { status, workflowId: _sameWorkflow, ...rest } = args.filter ?? {};
  // The usual case, batched for every workflow of a list; other filters take their own query.
  if (Object.values(rest).every((value) => value === undefined || value === null)) {
    return ctx.loaders.runsOfWorkflow(workflowId, { first: args.first, after: args.after, filter: { status: status?.length ? status : undefined } });
  }
  const where = { ...(runWhere(args.filter) as Record<string, unknown>), workflowId } as FilterQuery<WorkflowRunEntity>;
  return findPage(ctx, WorkflowRunSchema, where, args, { properties: ['id'], direction: 'DESC' });
}

export function runsOfClient(ctx: WorkflowContext, clientId: string, args: PageArgs) {
  return ctx.loaders.runsOfClient(clientId, { first: args.first, after: args.after });
}

export async function getRun(ctx: WorkflowContext, id: string): Promise<WorkflowRunEntity | null> {
  return ctx.loaders.runById.load(parseId(id, 'id'));
}

/**
 * Resumes a FAILED run from its failed step. The steps that succeeded keep their output and are
 * not run again; the failed step and the ones after it are pending again, with a fresh budget
 * of attempts. The worker picks the run up through the outbox (WorkflowRunRetryRequested), so
 * the retry is as reliable as any event.
 */
export async function retryWorkflowRun(ctx: WorkflowContext, id: string): Promise<WorkflowRunEntity> {
  manage(ctx);
  const run = await ctx.em.findOne(WorkflowRunSchema, { id: parseId(id, 'id') }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!run) throw notFound('WorkflowRun', 'id');
  if (run.status !== 'FAILED') throw conflict(`The workflow run is ${run.status}: only a FAILED run can be retried`);
  const steps: StepRunModel[] = run.steps.map((step) =>
    step.status === 'SUCCEEDED' ? step : ({ ...step, status: 'PENDING', finishedAt: null, attemptsAtRetry: step.attempts }) as StepRunModel,
  );
  run.steps = steps;
  run.status = 'PENDING';
  run.generation += 1;
  run.finishedAt = null;
  run.updatedAt = new Date();
  await ctx.em.flush();
  await emitDomainEvent(ctx, 'WorkflowRunRetryRequested', { type: 'WorkflowRun', id: run.id }, { runId: run.id, generation: run.generation, clientId: run.clientId });
  return run;
}

// ---------------------------------------------------------------------------------------
// Dead letters
// ---------------------------------------------------------------------------------------

export function listDeadLetters(ctx: WorkflowContext, args: PageArgs & { includeReplayed?: boolean | null }): Promise<Connection<DeadLetterEventEntity>> {
  manage(ctx);
  const where = (args.includeReplayed ? {} : { replayedAt: null }) as FilterQuery<DeadLetterEventEntity>;
  return findPage(ctx, DeadLetterEventSchema, where, args, { properties: ['id'], direction: 'DESC' });
}

/** Delivers a dead-letter event again: the worker routes the original event once more. */
export async function replayDeadLetterEvent(ctx: WorkflowContext, id: string): Promise<DeadLetterEventEntity> {
  manage(ctx);
  const letter = await ctx.em.findOne(DeadLetterEventSchema, { id: parseId(id, 'id') }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!letter) throw notFound('DeadLetterEvent', 'id');
  if (letter.replayedAt) throw conflict('This dead-letter event was already replayed');
  letter.replayedAt = new Date();
  letter.replayedBy = actorLabel(ctx.actor);
  await ctx.em.flush();
  await emitDomainEvent(ctx, 'DeadLetterReplayRequested', { type: 'DeadLetterEvent', id: letter.id }, { eventId: letter.id, handler: letter.handler });
  return letter;
}
