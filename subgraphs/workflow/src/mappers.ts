import type { Connection, EntityVersion, EntityReference } from '@ubos/kernel';
import type { DeadLetterEventEntity } from './entities/dead-letter-event.entity.js';
import type { WorkflowRunEntity } from './entities/workflow-run.entity.js';
import type { WorkflowEntity } from './entities/workflow.entity.js';
import type { ConditionDefinition, StepDefinition, StepRun } from '@ubos/kernel';

export type { ConditionDefinition as ConditionModel, StepDefinition } from '@ubos/kernel';

/** A Client as this subgraph knows it: only the key. crm resolves the rest through the gateway. */
export type ClientReference = EntityReference;

export interface WorkflowTriggerModel {
  eventType: string;
  conditions: ConditionDefinition[];
}

export type WorkflowStepModel = StepDefinition;

export type StepRunModel = StepRun;

export interface WorkflowEventModel {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

export type WorkflowConnectionModel = Connection<WorkflowEntity>;
export type WorkflowRunConnectionModel = Connection<WorkflowRunEntity>;
export type DeadLetterEventConnectionModel = Connection<DeadLetterEventEntity>;
export type WorkflowVersionModel = EntityVersion<WorkflowEntity>;
export type WorkflowVersionConnectionModel = Connection<WorkflowVersionModel>;
