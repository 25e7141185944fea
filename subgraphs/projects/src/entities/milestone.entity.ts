import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity } from '@ubos/kernel';

export const MilestoneSchema = defineMainEntity('Milestone', 'milestones', {
  projectId: p.uuid(),
  name: p.text(),
  dueDate: p.date().nullable(),
  completedAt: p.datetime().nullable(),
});

export type MilestoneEntity = InferEntity<typeof MilestoneSchema>;
