import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MAIN_ENTITY_FILTERS } from '@ubos/kernel';
import type { ConditionDefinition, StepDefinition } from '@ubos/kernel';

/** A tenant's workflow: a trigger (event type and conditions) and ordered steps. */
export const WorkflowSchema = defineEntity({
  name: 'Workflow',
  tableName: 'workflows',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    name: p.text(),
    description: p.text().nullable(),
    triggerEventType: p.text(),
    triggerConditions: p.json<ConditionDefinition[]>(),
    steps: p.json<StepDefinition[]>(),
    enabled: p.boolean(),
    systemKey: p.text().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    // Owned by the database: a trigger sets and bumps it; the ORM reads it back after a write.
    version: p.integer().default(1),
    deletedAt: p.datetime().nullable(),
    deletedBy: p.text().nullable(),
  },
});

export type WorkflowEntity = InferEntity<typeof WorkflowSchema>;
