import { clientMergeHandlers, recordMergeConflict, type ClientMergePayload, type SubgraphContext } from '@ubos/kernel';

const OPEN_ENGAGEMENTS_RULE =
  'A client normally has one open engagement of a kind: all are kept on the survivor, unchanged, for a person to complete, cancel or keep (nothing is closed automatically)';

/**
 * Engagements follow their client, and their project links follow them
 * (engagement_projects_engagement_client_fk, ON UPDATE CASCADE, within this subgraph). Two open
 * engagements of the same type on the survivor afterwards are reported, not settled.
 */
export const engagementsEventHandlers = clientMergeHandlers('engagements', [{ table: 'engagements', entityType: 'Engagement' }], {
  async afterMerge(ctx: SubgraphContext<unknown>, merge: ClientMergePayload) {
    const open = await ctx.em.execute<Array<{ type: string; ids: string[]; from_duplicate: boolean }>>(
      `select e.type, array_agg(e.id order by e.id) as ids,
              bool_or(exists (select 1 from client_merge_effects m where m.organization_id = e.organization_id and m.merge_id = ? and m.entity_id = e.id)) as from_duplicate
         from engagements e
        where e.organization_id = ? and e.client_id = ? and e.status in ('ACTIVE', 'PAUSED') and e.deleted_at is null
        group by e.type having count(*) > 1`,
      [merge.mergeId, ctx.organizationId(), merge.survivorId],
    );
    for (const group of open.filter((row) => row.from_duplicate)) {
      await recordMergeConflict(ctx, 'engagements', merge, { entityType: 'Engagement', entityIds: group.ids, rule: `${OPEN_ENGAGEMENTS_RULE} (${group.type})` });
    }
  },
});
