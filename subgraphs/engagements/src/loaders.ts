import DataLoader from 'dataloader';
import { createByIdLoader, createChildPageLoader, createHistoryLoaders, type EntityManager } from '@ubos/kernel';
import { EngagementProjectSchema } from './entities/engagement-project.entity.js';
import { EngagementSchema } from './entities/engagement.entity.js';
import type { ProjectReference } from './mappers.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createEngagementsLoaders(em: EntityManager, organizationId: string | null) {
  const engagementsBy = (parentColumn: string) =>
    createChildPageLoader(em, organizationId, {
      entity: EngagementSchema,
      table: 'engagements',
      parentColumn,
      softDeletable: true,
      sort: { properties: ['id'], columns: ['id'], direction: 'ASC' },
    });
  return {
    engagementById: createByIdLoader(em, EngagementSchema),
    /** For references from other subgraphs: deleted engagements still resolve. */
    engagementReference: createByIdLoader(em, EngagementSchema, { includeDeleted: true }),
    engagementHistory: createHistoryLoaders(em, organizationId, 'Engagement', EngagementSchema),
    engagementsOfClient: engagementsBy('client_id'),
    engagementsOfContract: engagementsBy('contract_id'),
    /** The linked (not removed) projects of many engagements in one statement, oldest link first. */
    projectsOfEngagement: new DataLoader<string, ProjectReference[]>(async (engagementIds) => {
      const links = await em.find(EngagementProjectSchema, { engagementId: { $in: [...engagementIds] } }, { orderBy: { id: 'ASC' } });
      const byEngagement = new Map<string, ProjectReference[]>();
      for (const link of links) byEngagement.set(link.engagementId, [...(byEngagement.get(link.engagementId) ?? []), { id: link.projectId }]);
      return engagementIds.map((engagementId) => byEngagement.get(engagementId) ?? []);
    }),
  };
}

export type EngagementsLoaders = ReturnType<typeof createEngagementsLoaders>;
