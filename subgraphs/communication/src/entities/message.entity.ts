import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MAIN_ENTITY_FILTERS } from '@ubos/kernel';

export const MessageSchema = defineEntity({
  name: 'Message',
  tableName: 'messages',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    threadId: p.uuid(),
    // The thread's client (the foreign key keeps them equal), so the audit trail files it under the client.
    clientId: p.uuid(),
    body: p.text(),
    author: p.text(),
    editedAt: p.datetime().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    // Owned by the database: a trigger sets and bumps it; the ORM reads it back after a write.
    version: p.integer().default(1),
    deletedAt: p.datetime().nullable(),
    deletedBy: p.text().nullable(),
  },
});

export type MessageEntity = InferEntity<typeof MessageSchema>;
