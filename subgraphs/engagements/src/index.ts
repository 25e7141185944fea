import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@ubos/kernel';
import { EngagementProjectSchema } from './entities/engagement-project.entity.js';
import { EngagementSchema } from './entities/engagement.entity.js';
import { createEngagementsLoaders, type EngagementsLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';

const sdlPath = fileURLToPath(new URL('../../../schema/engagements.graphql', import.meta.url));

/** The engagements subgraph: engagements, the commercial relationships. */
export const engagementsSubgraph: SubgraphDefinition<EngagementsLoaders> = {
  name: 'engagements',
  typeDefs: parse(fs.readFileSync(sdlPath, 'utf8')),
  resolvers: resolvers as SubgraphDefinition<EngagementsLoaders>['resolvers'],
  entities: [EngagementSchema, EngagementProjectSchema],
  createLoaders: createEngagementsLoaders,
};
