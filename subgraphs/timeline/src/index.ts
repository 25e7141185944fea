import { defineSubgraph, type TokenService, type SubgraphDefinition } from '@ubos/kernel';
import { ActivityEventSchema } from './entities/activity-event.entity.js';
import { createTimelineLoaders, type TimelineLoaders } from './loaders.js';
import { createResolvers } from './resolvers/index.js';

/**
 * The timeline subgraph: the audit trail (`activity`, `Client.timeline`) and its hash chain
 * (`verifyAuditChain`, `exportAuditCheckpoint`). It is the only subgraph that reads
 * activity_events, and it writes nothing. It signs checkpoints with the platform key.
 */
export function createTimelineSubgraph(tokens: TokenService): SubgraphDefinition<TimelineLoaders> {
  return defineSubgraph({
    name: 'timeline',
    resolvers: createResolvers(tokens),
    entities: [ActivityEventSchema],
    createLoaders: createTimelineLoaders,
  });
}
