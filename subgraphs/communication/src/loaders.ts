import { createByIdLoader, createChildPageLoader, createHistoryLoaders, type LoaderScope } from '@ubos/kernel';
import { MessageSchema } from './entities/message.entity.js';
import { ThreadSchema } from './entities/thread.entity.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createCommunicationLoaders(scope: LoaderScope) {
  const { em, organizationId } = scope;
  return {
    threadById: createByIdLoader(em, ThreadSchema),
    messageById: createByIdLoader(em, MessageSchema),
    /** For references (Message.thread, other subgraphs): deleted rows still resolve. */
    threadReference: createByIdLoader(em, ThreadSchema, { includeDeleted: true }),
    messageReference: createByIdLoader(em, MessageSchema, { includeDeleted: true }),
    threadHistory: createHistoryLoaders(em, organizationId, 'Thread', ThreadSchema),
    messageHistory: createHistoryLoaders(em, organizationId, 'Message', MessageSchema),
    threadsOfClient: createChildPageLoader(scope, {
      entity: ThreadSchema,
      parent: 'clientId',
      sort: { properties: ['lastActivityAt', 'id'], direction: 'DESC' },
    }),
    messagesOfThread: createChildPageLoader(scope, { entity: MessageSchema, parent: 'threadId', sort: { properties: ['id'], direction: 'DESC' } }),
  };
}

export type CommunicationLoaders = ReturnType<typeof createCommunicationLoaders>;
