import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MAIN_ENTITY_FILTERS } from '@ubos/kernel';

export const MilestoneSchema = defineEntity({
  name: 'Milestone',
  tableName: 'milestones',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    projectId: p.uuid(),
    name: p.text(),
    dueDate: p.date().nullable(),
    completedAt: p.datetime().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    // Owned by the database: a trigger sets and bumps it; the ORM reads it back after a write.
    version: p.integer().default(1),
    deletedAt: p.datetime().nullable(),
    deletedBy: p.text().nullable(),
  },
});

export type MilestoneEntity = InferEntity<typeof MilestoneSchema>;
