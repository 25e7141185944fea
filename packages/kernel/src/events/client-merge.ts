import type { SubgraphContext } from '../graphql/context.js';
import { emitDomainEvent } from '../graphql/write-path.js';
import type { DeliveredEvent } from './delivery.js';
import type { EventHandler } from '../graphql/context.js';

/**
 * The client merge protocol, shared by crm (which owns the golden record and the merge) and
 * every subgraph that stores a client_id. crm writes ClientsMerged when it merges duplicates
 * into a survivor, and ClientsUnmergeRequested when the merge is to be undone; each subgraph
 * handles both for its own tables only, noting in client_merge_effects what it moved (and the
 * conflicts it settled by its stated rule), in the transaction that moves its rows.
 */
export const CLIENTS_MERGED = 'ClientsMerged';
export const CLIENTS_UNMERGE_REQUESTED = 'ClientsUnmergeRequested';

export interface ClientMergePayload {
  mergeId: string;
  survivorId: string;
  /** In the order the caller gave them: the order conflict rules follow. */
  duplicateIds: string[];
}

/** One table of a subgraph whose client_id a merge re-points. */
export interface MergedTable {
  table: string;
  /** The entity type, as the audit trail and the merge report name it. */
  entityType: string;
}

type AnyContext = SubgraphContext<unknown>;

/**
 * Re-points this subgraph's rows of one table from the duplicates to the survivor and notes
 * each in client_merge_effects with the client it came from. Plain SQL with the tenant named:
 * the triggers still version and audit every row, as the event's actor and request id.
 * Answers the ids moved.
 */
export async function moveToSurvivor(ctx: AnyContext, subgraph: string, merge: ClientMergePayload, { table, entityType }: MergedTable): Promise<string[]> {
  const organizationId = ctx.organizationId();
  const rows = await ctx.em.execute<Array<{ entity_id: string }>>(
    `with moved as (
       update ${table} t set client_id = ? from (select id, client_id from ${table} where organization_id = ? and client_id = any(?::uuid[])) old
        where t.organization_id = ? and t.id = old.id
       returning t.id, old.client_id)
     insert into client_merge_effects (organization_id, merge_id, subgraph, kind, entity_type, entity_id, from_client_id)
     select ?, ?, ?, 'MOVED', ?, id, client_id from moved order by id
     returning entity_id`,
    [merge.survivorId, organizationId, `{${merge.duplicateIds.join(',')}}`, organizationId, organizationId, merge.mergeId, subgraph, entityType],
  );
  return rows.map((row) => row.entity_id);
}

/**
 * Undoes moveToSurvivor for one table: every row this subgraph moved for the merge goes back to
 * the duplicate it came from, if it still is on the survivor (a row moved on since is left
 * where it is). The duplicates are still MERGED until crm settles the undo, so the guard on new
 * rows of merged clients is lifted for this transaction only (ubos.moving_clients).
 */
export async function moveBack(ctx: AnyContext, subgraph: string, merge: ClientMergePayload, { table, entityType }: MergedTable): Promise<string[]> {
  const organizationId = ctx.organizationId();
  await ctx.em.execute(`select set_config('ubos.moving_clients', 'on', true)`);
  try {
    const rows = await ctx.em.execute<Array<{ id: string }>>(
      `with back as (
         update ${table} t set client_id = e.from_client_id
           from client_merge_effects e
          where e.organization_id = ? and e.merge_id = ? and e.subgraph = ? and e.kind = 'MOVED' and e.entity_type = ? and e.moved_back_at is null
            and t.organization_id = e.organization_id and t.id = e.entity_id and t.client_id = ?
         returning t.id)
       update client_merge_effects e set moved_back_at = now()
         from back where e.organization_id = ? and e.merge_id = ? and e.subgraph = ? and e.entity_type = ? and e.entity_id = back.id
       returning back.id`,
      [organizationId, merge.mergeId, subgraph, entityType, merge.survivorId, organizationId, merge.mergeId, subgraph, entityType],
    );
    return rows.map((row) => row.id);
  } finally {
    await ctx.em.execute(`select set_config('ubos.moving_clients', '', true)`);
  }
}

/**
 * Notes a conflict the merge settled by a stated rule (or could not settle and leaves to a
 * person): which rows, the rule applied, and what it changed, so nothing is decided silently.
 */
export async function recordMergeConflict(
  ctx: AnyContext,
  subgraph: string,
  merge: ClientMergePayload,
  conflict: { entityType: string; entityIds: string[]; rule: string; changed?: Record<string, unknown> },
): Promise<void> {
  await ctx.em.execute(
    `insert into client_merge_effects (organization_id, merge_id, subgraph, kind, entity_type, entity_id, detail)
     select ?, ?, ?, 'CONFLICT', ?, id, ?::jsonb from unnest(?::uuid[]) as id`,
    [ctx.organizationId(), merge.mergeId, subgraph, conflict.entityType, JSON.stringify({ rule: conflict.rule, entityIds: conflict.entityIds, changed: conflict.changed ?? {} }), `{${conflict.entityIds.join(',')}}`],
  );
}

/** The CONFLICT notes of a subgraph for a merge, to undo what their rule changed. */
export async function mergeConflicts(ctx: AnyContext, subgraph: string, mergeId: string): Promise<Array<{ entity_type: string; entity_id: string; detail: { rule: string; changed: Record<string, unknown> } }>> {
  return ctx.em.execute(
    `select entity_type, entity_id, detail from client_merge_effects where organization_id = ? and merge_id = ? and subgraph = ? and kind = 'CONFLICT' order by id`,
    [ctx.organizationId(), mergeId, subgraph],
  );
}

/**
 * The usual pair of handlers of a subgraph whose rows only need re-pointing: moves its tables
 * on ClientsMerged and back on ClientsUnmergeRequested, then announces what it did
 * (ClientMergeApplied / ClientMergeReverted, with the counts per entity type). `before` and
 * `after` run the subgraph's own conflict rules around the moves.
 */
export function clientMergeHandlers<Loaders>(
  subgraph: string,
  tables: MergedTable[],
  rules: {
    beforeMerge?(ctx: SubgraphContext<Loaders>, merge: ClientMergePayload): Promise<void>;
    afterMerge?(ctx: SubgraphContext<Loaders>, merge: ClientMergePayload): Promise<void>;
    afterUnmerge?(ctx: SubgraphContext<Loaders>, merge: ClientMergePayload): Promise<void>;
  } = {},
): Record<string, EventHandler<any>> {
  const announce = async (ctx: SubgraphContext<Loaders>, type: string, merge: ClientMergePayload, moved: Record<string, number>) =>
    emitDomainEvent(ctx as AnyContext, type, { type: 'ClientMerge', id: merge.mergeId }, { subgraph, survivorId: merge.survivorId, duplicateIds: merge.duplicateIds, moved });
  return {
    [CLIENTS_MERGED]: {
      async handle(ctx, event: DeliveredEvent<ClientMergePayload>) {
        const merge = event.payload;
        await rules.beforeMerge?.(ctx, merge);
        const moved: Record<string, number> = {};
        for (const table of tables) moved[table.entityType] = (await moveToSurvivor(ctx as AnyContext, subgraph, merge, table)).length;
        await rules.afterMerge?.(ctx, merge);
        await announce(ctx, 'ClientMergeApplied', merge, moved);
      },
    },
    [CLIENTS_UNMERGE_REQUESTED]: {
      async handle(ctx, event: DeliveredEvent<ClientMergePayload>) {
        const merge = event.payload;
        const moved: Record<string, number> = {};
        for (const table of tables) moved[table.entityType] = (await moveBack(ctx as AnyContext, subgraph, merge, table)).length;
        await rules.afterUnmerge?.(ctx, merge);
        await announce(ctx, 'ClientMergeReverted', merge, moved);
      },
    },
  };
}
