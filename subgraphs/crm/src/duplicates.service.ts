import { badUserInput, type DeliveredEvent, type EventHandler } from '@ubos/kernel';
import type { CrmContext } from './context.js';
import type { CrmLoaders } from './loaders.js';
import type { ClientDuplicateSuggestionModel } from './mappers.js';

/** What a change must touch for the candidates of its client to change (the keys of migration 0035). */
const KEY_FIELDS = new Set(['name', 'email', 'phone']);

/**
 * Likely duplicates among the live clients, read from client_duplicate_candidates (migration
 * 0060), which crm's event handlers keep: the best score first, then the newer client, newest
 * first, along one index. Clients deleted or merged since their pairs were computed are left
 * out here, before their event is handled. One statement, then the clients in one batch.
 */
export async function clientDuplicates(ctx: CrmContext, first: number | null | undefined): Promise<ClientDuplicateSuggestionModel[]> {
  const limit = first === null || first === undefined ? 20 : first;
  if (!Number.isInteger(limit) || limit < 0 || limit > 100) throw badUserInput('first must be between 0 and 100', 'first');
  const rows = await ctx.em.execute<Array<{ client_id: string; duplicate_id: string; score: string; reasons: ClientDuplicateSuggestionModel['reasons'] }>>(
    `select p.client_id, p.duplicate_id, p.score, p.reasons
       from client_duplicate_candidates p
      where p.organization_id = ?
        and exists (select 1 from clients c where c.organization_id = p.organization_id and c.id = p.client_id and c.deleted_at is null)
        and exists (select 1 from clients c where c.organization_id = p.organization_id and c.id = p.duplicate_id and c.deleted_at is null)
      order by p.score desc, p.client_id desc, p.duplicate_id desc
      limit ?`,
    [ctx.organizationId(), limit],
  );
  return rows.map((row) => ({ clientId: row.client_id, duplicateId: row.duplicate_id, score: Number(row.score), reasons: row.reasons }));
}

/** Recomputes the candidates of these clients and refills the clients that lost a pair to them (ubos_refresh_client_duplicates). */
export async function refreshClientDuplicates(ctx: CrmContext, clientIds: readonly string[]): Promise<void> {
  if (clientIds.length === 0) return;
  await ctx.em.execute('select ubos_refresh_client_duplicates(?, ?::uuid[])', [ctx.organizationId(), `{${clientIds.join(',')}}`]);
}

function refreshOnClientEvent(event: DeliveredEvent<{ changed?: string[] }>, ctx: CrmContext): Promise<void> {
  // An update of other fields (status, notes, custom fields…) changes no pair.
  if (event.type === 'ClientUpdated' && !(event.payload.changed ?? []).some((field) => KEY_FIELDS.has(field))) return Promise.resolve();
  return refreshClientDuplicates(ctx, [event.aggregateId]);
}

/**
 * crm's handlers of its own client events (SUBGRAPH_EVENT_AUDIENCE sends them to crm alone),
 * run by the event delivery after the change committed: off the user's write path. A merge and
 * its undo refresh their clients in crm's handlers of the merge events (merge.service.ts).
 */
export const duplicateEventHandlers: Record<string, EventHandler<CrmLoaders>> = Object.fromEntries(
  ['ClientCreated', 'ClientUpdated', 'ClientDeleted', 'ClientRestored', 'ClientErased'].map((type) => [type, { handle: (ctx, event) => refreshOnClientEvent(event, ctx) }]),
);
