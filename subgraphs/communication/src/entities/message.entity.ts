import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { mainEntityColumns, MAIN_ENTITY_FILTERS } from '@ubos/kernel';

export const MessageSchema = defineEntity({
  name: 'Message',
  tableName: 'messages',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    ...mainEntityColumns(),
    threadId: p.uuid(),
    // The thread's client (the foreign key keeps them equal), so the audit trail files it under the client.
    clientId: p.uuid(),
    body: p.text(),
    author: p.text(),
    editedAt: p.datetime().nullable(),
  },
});

export type MessageEntity = InferEntity<typeof MessageSchema>;
