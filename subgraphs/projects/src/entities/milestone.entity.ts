import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { mainEntityColumns, MAIN_ENTITY_FILTERS } from '@ubos/kernel';

export const MilestoneSchema = defineEntity({
  name: 'Milestone',
  tableName: 'milestones',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    ...mainEntityColumns(),
    projectId: p.uuid(),
    name: p.text(),
    dueDate: p.date().nullable(),
    completedAt: p.datetime().nullable(),
  },
});

export type MilestoneEntity = InferEntity<typeof MilestoneSchema>;
