import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TENANT_FILTER } from '@ubos/kernel';

export const MilestoneSchema = defineEntity({
  name: 'Milestone',
  tableName: 'milestones',
  filters: TENANT_FILTER,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    projectId: p.uuid(),
    name: p.text(),
    dueDate: p.date().nullable(),
    completedAt: p.datetime().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});

export type MilestoneEntity = InferEntity<typeof MilestoneSchema>;
