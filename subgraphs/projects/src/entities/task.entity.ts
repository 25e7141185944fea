import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MAIN_ENTITY_FILTERS } from '@ubos/kernel';

export const TaskSchema = defineEntity({
  name: 'Task',
  tableName: 'tasks',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    projectId: p.uuid(),
    milestoneId: p.uuid().nullable(),
    title: p.text(),
    status: p.text().$type<'TODO' | 'IN_PROGRESS' | 'BLOCKED' | 'DONE'>(),
    dueDate: p.date().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    // Owned by the database: a trigger sets and bumps it; the ORM reads it back after a write.
    version: p.integer().default(1),
    deletedAt: p.datetime().nullable(),
    deletedBy: p.text().nullable(),
  },
});

export type TaskEntity = InferEntity<typeof TaskSchema>;
