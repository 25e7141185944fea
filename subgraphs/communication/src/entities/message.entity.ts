import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity } from '@ubos/kernel';

export const MessageSchema = defineMainEntity('Message', 'messages', {
  threadId: p.uuid(),
  // The thread's client (the foreign key keeps them equal), so the audit trail files it under the client.
  clientId: p.uuid(),
  body: p.text(),
  author: p.text(),
  editedAt: p.datetime().nullable(),
});

export type MessageEntity = InferEntity<typeof MessageSchema>;
