import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import type { SubgraphDefinition, TokenService } from '@ubos/kernel';
import { ActivityEventSchema } from './entities/activity-event.entity.js';
import { createTimelineLoaders, type TimelineLoaders } from './loaders.js';
import { createResolvers } from './resolvers/index.js';

const sdlPath = fileURLToPath(new URL('../../../schema/timeline.graphql', import.meta.url));

/**
 * The timeline subgraph: the audit trail (`activity`, `Client.timeline`) and its hash chain
 * (`verifyAuditChain`, `exportAuditCheckpoint`). It is the only subgraph that reads
 * activity_events, and it writes nothing. It signs checkpoints with the platform key.
 */
export function createTimelineSubgraph(tokens: TokenService): SubgraphDefinition<TimelineLoaders> {
  return {
    name: 'timeline',
    typeDefs: parse(fs.readFileSync(sdlPath, 'utf8')),
    resolvers: createResolvers(tokens) as SubgraphDefinition<TimelineLoaders>['resolvers'],
    entities: [ActivityEventSchema],
    createLoaders: createTimelineLoaders,
  };
}
