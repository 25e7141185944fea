import { createByIdLoader, createChildPageLoader, createHistoryLoaders, defineLoaders, pgArray, type LoaderScope } from '@ubos/kernel';
import DataLoader from 'dataloader';
import { EngagementSchema } from './entities/engagement.entity.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export const createEngagementsLoaders = defineLoaders({
  engagementById: ({ em }) => createByIdLoader(em, EngagementSchema),
  /** For references from other subgraphs: deleted engagements still resolve. */
  engagementReference: ({ em }) => createByIdLoader(em, EngagementSchema, { includeDeleted: true }),
  engagementHistory: ({ em, organizationId }) => createHistoryLoaders(em, organizationId, 'Engagement', EngagementSchema),
  engagementsOfClient: (scope) => createChildPageLoader(scope, { entity: EngagementSchema, parent: 'clientId' }),
  engagementsOfContract: (scope) => createChildPageLoader(scope, { entity: EngagementSchema, parent: 'contractId' }),
  /** The linked (not removed) live projects of many engagements in one statement, oldest link first. */
  projectIdsOfEngagement: (scope) => projectIdsOfEngagement(scope, false),
  /** The same, deleted projects included (owners and admins asking with includeDeleted). */
  projectIdsOfEngagementWithDeleted: (scope) => projectIdsOfEngagement(scope, true),
});

export type EngagementsLoaders = ReturnType<typeof createEngagementsLoaders>;

/**
 * A link does not know that its project was deleted in the projects subgraph, and a federated
 * reference resolves a deleted project anyway; so the live-ness of the project is read here, in
 * the statement that reads the links, as communication and files read a project's client.
 */
function projectIdsOfEngagement({ em, organizationId }: LoaderScope, includeDeletedProjects: boolean) {
  return new DataLoader<string, string[]>(async (engagementIds) => {
    const rows = await em.execute<Array<{ engagement_id: string; project_id: string }>>(
      `select l.engagement_id, l.project_id from engagement_projects l
         join projects p on p.organization_id = l.organization_id and p.id = l.project_id
        where l.organization_id = ? and l.engagement_id = any(?::uuid[]) and l.deleted_at is null${includeDeletedProjects ? '' : ' and p.deleted_at is null'}
        order by l.id`,
      [organizationId, pgArray([...engagementIds])],
    );
    const byEngagement = new Map<string, string[]>();
    for (const row of rows) {
      let projects = byEngagement.get(row.engagement_id);
      if (!projects) byEngagement.set(row.engagement_id, (projects = []));
      projects.push(row.project_id);
    }
    return engagementIds.map((engagementId) => byEngagement.get(engagementId) ?? []);
  });
}
