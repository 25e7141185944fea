import { createByIdLoader, createChildListLoader, createChildPageLoader, createHistoryLoaders, type LoaderScope } from '@ubos/kernel';
import { EngagementProjectSchema } from './entities/engagement-project.entity.js';
import { EngagementSchema } from './entities/engagement.entity.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createEngagementsLoaders(scope: LoaderScope) {
  const { em, organizationId } = scope;
  return {
    engagementById: createByIdLoader(em, EngagementSchema),
    /** For references from other subgraphs: deleted engagements still resolve. */
    engagementReference: createByIdLoader(em, EngagementSchema, { includeDeleted: true }),
    engagementHistory: createHistoryLoaders(em, organizationId, 'Engagement', EngagementSchema),
    engagementsOfClient: createChildPageLoader(scope, { entity: EngagementSchema, parent: 'clientId' }),
    engagementsOfContract: createChildPageLoader(scope, { entity: EngagementSchema, parent: 'contractId' }),
    /** The linked (not removed) projects of many engagements in one statement, oldest link first. */
    projectLinksOfEngagement: createChildListLoader(em, EngagementProjectSchema, 'engagementId', { orderBy: { id: 'ASC' } }),
  };
}

export type EngagementsLoaders = ReturnType<typeof createEngagementsLoaders>;
