import { clientMergeHandlers, mergeConflicts, recordMergeConflict, type ClientMergePayload, type SubgraphContext } from '@ubos/kernel';

const MAIN_THREAD_RULE =
  "One main thread per client: the survivor's stays main; without one, the first duplicate's (in the order given); the other duplicates' main threads become ordinary threads, with their messages";

/**
 * Threads follow their client, and their messages follow their thread (within this subgraph,
 * ON UPDATE CASCADE). A client has at most one main thread (threads_main_key), so before the
 * move the extra ones stop being main, by the rule above; unmergeClient makes them main again.
 */
export const communicationEventHandlers = clientMergeHandlers('communication', [{ table: 'threads', entityType: 'Thread' }], {
  async beforeMerge(ctx: SubgraphContext<unknown>, merge: ClientMergePayload) {
    const order = [merge.survivorId, ...merge.duplicateIds];
    const mains = await ctx.em.execute<Array<{ id: string; client_id: string }>>(
      'select id, client_id from threads where organization_id = ? and client_id = any(?::uuid[]) and is_main',
      [ctx.organizationId(), `{${order.join(',')}}`],
    );
    const keep = [...mains].sort((a, b) => order.indexOf(a.client_id) - order.indexOf(b.client_id))[0];
    const demoted = mains.filter((thread) => thread.id !== keep?.id).map((thread) => thread.id);
    if (demoted.length === 0) return;
    await ctx.em.execute('update threads set is_main = false, updated_at = now() where organization_id = ? and id = any(?::uuid[])', [ctx.organizationId(), `{${demoted.join(',')}}`]);
    await recordMergeConflict(ctx, 'communication', merge, { entityType: 'Thread', entityIds: demoted, rule: MAIN_THREAD_RULE, changed: { isMain: false } });
  },
  async afterUnmerge(ctx: SubgraphContext<unknown>, merge: ClientMergePayload) {
    const demoted = (await mergeConflicts(ctx, 'communication', merge.mergeId)).filter((row) => row.detail.changed?.isMain === false).map((row) => row.entity_id);
    if (demoted.length === 0) return;
    await ctx.em.execute('update threads set is_main = true, updated_at = now() where organization_id = ? and id = any(?::uuid[])', [ctx.organizationId(), `{${demoted.join(',')}}`]);
  },
});
