import { defineSubgraph } from '@ubos/kernel';
import { EngagementProjectSchema } from './entities/engagement-project.entity.js';
import { EngagementSchema } from './entities/engagement.entity.js';
import { createEngagementsLoaders, type EngagementsLoaders } from './loaders.js';
import { engagementsEventHandlers } from './events.js';
import { resolvers } from './resolvers/index.js';

/** The engagements subgraph: engagements, the commercial relationships. */
export const engagementsSubgraph = defineSubgraph<EngagementsLoaders>({
  name: 'engagements',
  resolvers,
  entities: [EngagementSchema, EngagementProjectSchema],
  createLoaders: createEngagementsLoaders,
  events: engagementsEventHandlers,
});
