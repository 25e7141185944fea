import { createByIdLoader, createChildPageLoader, createHistoryLoaders, defineLoaders } from '@ubos/kernel';
import { MessageSchema } from './entities/message.entity.js';
import { ThreadSchema } from './entities/thread.entity.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export const createCommunicationLoaders = defineLoaders({
  threadById: ({ em }) => createByIdLoader(em, ThreadSchema),
  messageById: ({ em }) => createByIdLoader(em, MessageSchema),
  /** For references (Message.thread, other subgraphs): deleted rows still resolve. */
  threadReference: ({ em }) => createByIdLoader(em, ThreadSchema, { includeDeleted: true }),
  messageReference: ({ em }) => createByIdLoader(em, MessageSchema, { includeDeleted: true }),
  threadHistory: ({ em, organizationId }) => createHistoryLoaders(em, organizationId, 'Thread', ThreadSchema),
  messageHistory: ({ em, organizationId }) => createHistoryLoaders(em, organizationId, 'Message', MessageSchema),
  threadsOfClient: (scope) => createChildPageLoader(scope, {
    entity: ThreadSchema,
    parent: 'clientId',
    sort: { properties: ['lastActivityAt', 'id'], direction: 'DESC' },
  }),
  messagesOfThread: (scope) => createChildPageLoader(scope, { entity: MessageSchema, parent: 'threadId', sort: { properties: ['id'], direction: 'DESC' } }),
});

export type CommunicationLoaders = ReturnType<typeof createCommunicationLoaders>;
