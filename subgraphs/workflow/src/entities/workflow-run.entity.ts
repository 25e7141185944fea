import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TENANT_FILTER, type RunStatus, type StepRun } from '@ubos/kernel';


/**
 * One run of a workflow, started by one event. The worker writes it (the run and its step
 * runs, a JSONB list); this subgraph reads it and, to retry a failed run, marks it pending.
 */
export const WorkflowRunSchema = defineEntity({
  name: 'WorkflowRun',
  tableName: 'workflow_runs',
  filters: TENANT_FILTER,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    workflowId: p.uuid(),
    workflowVersion: p.integer(),
    workflowName: p.text(),
    eventId: p.uuid(),
    eventType: p.text(),
    eventAggregateType: p.text(),
    eventAggregateId: p.uuid(),
    eventPayload: p.json<Record<string, unknown>>(),
    eventOccurredAt: p.datetime(),
    clientId: p.uuid().nullable(),
    status: p.text().$type<RunStatus>(),
    steps: p.json<StepRun[]>(),
    generation: p.integer(),
    createdAt: p.datetime(),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
    updatedAt: p.datetime(),
  },
});

export type WorkflowRunEntity = InferEntity<typeof WorkflowRunSchema>;
