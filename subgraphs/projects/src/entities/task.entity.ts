import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity } from '@ubos/kernel';

export const TaskSchema = defineMainEntity('Task', 'tasks', {
  projectId: p.uuid(),
  milestoneId: p.uuid().nullable(),
  title: p.text(),
  status: p.text().$type<'TODO' | 'IN_PROGRESS' | 'BLOCKED' | 'DONE'>(),
  dueDate: p.date().nullable(),
});

export type TaskEntity = InferEntity<typeof TaskSchema>;
