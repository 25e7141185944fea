import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MAIN_ENTITY_FILTERS } from '@ubos/kernel';

// Only client_id and project_id are stored here: clients are crm's, projects are projects'.
export const ThreadSchema = defineEntity({
  name: 'Thread',
  tableName: 'threads',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    clientId: p.uuid(),
    projectId: p.uuid().nullable(),
    subject: p.text(),
    isMain: p.boolean(),
    createdBy: p.text(),
    lastMessageAt: p.datetime().nullable(),
    lastActivityAt: p.datetime(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    // Owned by the database: a trigger sets and bumps it; the ORM reads it back after a write.
    version: p.integer().default(1),
    deletedAt: p.datetime().nullable(),
    deletedBy: p.text().nullable(),
  },
});

export type ThreadEntity = InferEntity<typeof ThreadSchema>;
