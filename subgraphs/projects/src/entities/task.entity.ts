import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { mainEntityColumns, MAIN_ENTITY_FILTERS } from '@ubos/kernel';

export const TaskSchema = defineEntity({
  name: 'Task',
  tableName: 'tasks',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    ...mainEntityColumns(),
    projectId: p.uuid(),
    milestoneId: p.uuid().nullable(),
    title: p.text(),
    status: p.text().$type<'TODO' | 'IN_PROGRESS' | 'BLOCKED' | 'DONE'>(),
    dueDate: p.date().nullable(),
  },
});

export type TaskEntity = InferEntity<typeof TaskSchema>;
