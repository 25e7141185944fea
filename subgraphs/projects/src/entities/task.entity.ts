import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TENANT_FILTER } from '@ubos/kernel';

export const TaskSchema = defineEntity({
  name: 'Task',
  tableName: 'tasks',
  filters: TENANT_FILTER,
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
  },
});

export type TaskEntity = InferEntity<typeof TaskSchema>;
