import {
  CLIENTS_MERGED,
  CLIENTS_UNMERGE_REQUESTED,
  emitDomainEvent,
  moveBack,
  recordMergeConflict,
  type ClientMergePayload,
  type DeliveredEvent,
  type EventHandler,
  type SubgraphContext,
} from '@ubos/kernel';

const SUBGRAPH = 'integrations';
const CUSTOMERS = { table: 'integration_quickbooks_customers', entityType: 'QuickBooksCustomerSync' };

export const ONE_CUSTOMER_RULE =
  "One QuickBooks customer per client: the survivor's stays; without one, the first duplicate's (in the order given) moves to the survivor; every other duplicate's stays mapped to its merged client, unchanged, for a person to merge or make inactive in QuickBooks";

type AnyContext = SubgraphContext<unknown>;

/**
 * Customer mappings cannot simply follow their client: a client has at most one
 * (UNIQUE (organization_id, client_id)), so one QuickBooks customer is kept by the rule above
 * and the others are reported, never deleted, keeping their QuickBooks id and SyncToken. Only
 * mappings that name a QuickBooks customer take part: one that names none yet (its client was
 * never pushed) holds nothing remote, so a survivor's such mapping makes way for a duplicate's
 * customer (the survivor's next push goes to that customer), and a duplicate's stays where it
 * is, unreported. Invoice and payment mappings are keyed by their invoice and payment, so they
 * follow the rows revenue moves without a change here.
 */
async function moveCustomerMapping(ctx: AnyContext, merge: ClientMergePayload): Promise<number> {
  const organizationId = ctx.organizationId();
  const order = [merge.survivorId, ...merge.duplicateIds];
  const mappings = await ctx.em.execute<Array<{ id: string; client_id: string; in_quickbooks: boolean }>>(
    `select id, client_id, qb_customer_id is not null as in_quickbooks from ${CUSTOMERS.table} where organization_id = ? and client_id = any(?::uuid[]) for update`,
    [organizationId, `{${order.join(',')}}`],
  );
  const survivorHasCustomer = mappings.some((row) => row.client_id === merge.survivorId && row.in_quickbooks);
  const customers = mappings
    .filter((row) => row.client_id !== merge.survivorId && row.in_quickbooks)
    .sort((a, b) => order.indexOf(a.client_id) - order.indexOf(b.client_id));
  const mover = survivorHasCustomer ? undefined : customers[0];
  if (mover) {
    await ctx.em.execute(`delete from ${CUSTOMERS.table} where organization_id = ? and client_id = ? and qb_customer_id is null`, [organizationId, merge.survivorId]);
    await ctx.em.execute(
      `with moved as (update ${CUSTOMERS.table}
                          set client_id = ?, updated_at = now(),
                              -- The customer now stands for the golden record: its values wait to be pushed.
                              sync_state = case when sync_state = 'CONFLICT' then 'CONFLICT' else 'PENDING' end, pending_since = coalesce(pending_since, now())
                        where organization_id = ? and id = ? returning id)
       insert into client_merge_effects (organization_id, merge_id, subgraph, kind, entity_type, entity_id, from_client_id)
       select ?, ?, ?, 'MOVED', ?, id, ? from moved`,
      [merge.survivorId, organizationId, mover.id, organizationId, merge.mergeId, SUBGRAPH, CUSTOMERS.entityType, mover.client_id],
    );
  }
  const keptApart = customers.filter((row) => row.id !== mover?.id).map((row) => row.id);
  if (keptApart.length > 0) await recordMergeConflict(ctx, SUBGRAPH, merge, { entityType: CUSTOMERS.entityType, entityIds: keptApart, rule: ONE_CUSTOMER_RULE });
  return mover ? 1 : 0;
}

const announce = (ctx: AnyContext, type: string, merge: ClientMergePayload, moved: Record<string, number>) =>
  emitDomainEvent(ctx, type, { type: 'ClientMerge', id: merge.mergeId }, { subgraph: SUBGRAPH, survivorId: merge.survivorId, duplicateIds: merge.duplicateIds, moved });

/** The integrations subgraph's part of a client merge and of its undo (phase `first`, like every subgraph but crm). */
export const integrationsEventHandlers: Record<string, EventHandler<any>> = {
  [CLIENTS_MERGED]: {
    async handle(ctx, event: DeliveredEvent<ClientMergePayload>) {
      const moved = await moveCustomerMapping(ctx as AnyContext, event.payload);
      await announce(ctx as AnyContext, 'ClientMergeApplied', event.payload, { [CUSTOMERS.entityType]: moved });
    },
  },
  [CLIENTS_UNMERGE_REQUESTED]: {
    async handle(ctx, event: DeliveredEvent<ClientMergePayload>) {
      // The mappings kept apart never moved, so only the moved one goes back (if still on the survivor).
      const back = await moveBack(ctx as AnyContext, SUBGRAPH, event.payload, CUSTOMERS);
      await announce(ctx as AnyContext, 'ClientMergeReverted', event.payload, { [CUSTOMERS.entityType]: back.length });
    },
  },
};
