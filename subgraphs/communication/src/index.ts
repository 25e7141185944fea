import { defineSubgraph } from '@ubos/kernel';
import { MessageSchema } from './entities/message.entity.js';
import { ThreadSchema } from './entities/thread.entity.js';
import { createCommunicationLoaders, type CommunicationLoaders } from './loaders.js';
import { communicationEventHandlers } from './events.js';
import { resolvers } from './resolvers/index.js';

/** The communication subgraph: threads and messages, and Client.threads. */
export const communicationSubgraph = defineSubgraph<CommunicationLoaders>({
  name: 'communication',
  resolvers,
  entities: [ThreadSchema, MessageSchema],
  createLoaders: createCommunicationLoaders,
  events: communicationEventHandlers,
});
