import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@ubos/kernel';
import { MessageSchema } from './entities/message.entity.js';
import { ThreadSchema } from './entities/thread.entity.js';
import { createCommunicationLoaders, type CommunicationLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';

const sdlPath = fileURLToPath(new URL('../../../schema/communication.graphql', import.meta.url));

/** The communication subgraph: threads and messages, and Client.threads. */
export const communicationSubgraph: SubgraphDefinition<CommunicationLoaders> = {
  name: 'communication',
  typeDefs: parse(fs.readFileSync(sdlPath, 'utf8')),
  resolvers: resolvers as SubgraphDefinition<CommunicationLoaders>['resolvers'],
  entities: [ThreadSchema, MessageSchema],
  createLoaders: createCommunicationLoaders,
};
