import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity } from '@ubos/kernel';

// Only client_id and project_id are stored here: clients are crm's, projects are projects'.
export const ThreadSchema = defineMainEntity('Thread', 'threads', {
  clientId: p.uuid(),
  projectId: p.uuid().nullable(),
  subject: p.text(),
  isMain: p.boolean(),
  createdBy: p.text(),
  lastMessageAt: p.datetime().nullable(),
  lastActivityAt: p.datetime(),
});

export type ThreadEntity = InferEntity<typeof ThreadSchema>;
