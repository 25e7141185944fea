import { createByIdLoader, createChildPageLoader, createHistoryLoaders, type EntityManager } from '@ubos/kernel';
import { MessageSchema } from './entities/message.entity.js';
import { ThreadSchema } from './entities/thread.entity.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createCommunicationLoaders(em: EntityManager, organizationId: string | null) {
  return {
    threadById: createByIdLoader(em, ThreadSchema),
    messageById: createByIdLoader(em, MessageSchema),
    /** For references (Message.thread, other subgraphs): deleted rows still resolve. */
    threadReference: createByIdLoader(em, ThreadSchema, { includeDeleted: true }),
    messageReference: createByIdLoader(em, MessageSchema, { includeDeleted: true }),
    threadHistory: createHistoryLoaders(em, organizationId, 'Thread', ThreadSchema),
    messageHistory: createHistoryLoaders(em, organizationId, 'Message', MessageSchema),
    threadsOfClient: createChildPageLoader(em, organizationId, {
      entity: ThreadSchema,
      table: 'threads',
      parentColumn: 'client_id',
      softDeletable: true,
      sort: { properties: ['lastActivityAt', 'id'], columns: ['last_activity_at', 'id'], direction: 'DESC' },
    }),
    messagesOfThread: createChildPageLoader(em, organizationId, {
      entity: MessageSchema,
      table: 'messages',
      parentColumn: 'thread_id',
      softDeletable: true,
      sort: { properties: ['id'], columns: ['id'], direction: 'DESC' },
    }),
  };
}

export type CommunicationLoaders = ReturnType<typeof createCommunicationLoaders>;
