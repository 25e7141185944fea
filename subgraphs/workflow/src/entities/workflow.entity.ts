import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity } from '@ubos/kernel';
import type { ConditionDefinition, StepDefinition } from '@ubos/kernel';

/** A tenant's workflow: a trigger (event type and conditions) and ordered steps. */
export const WorkflowSchema = defineMainEntity('Workflow', 'workflows', {
  name: p.text(),
  description: p.text().nullable(),
  triggerEventType: p.text(),
  triggerConditions: p.json<ConditionDefinition[]>(),
  steps: p.json<StepDefinition[]>(),
  enabled: p.boolean(),
  systemKey: p.text().nullable(),
});

export type WorkflowEntity = InferEntity<typeof WorkflowSchema>;
