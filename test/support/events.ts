import { SUBGRAPH_EVENT_TYPES } from '@ubos/kernel';
import type { TestStack } from './stack.js';

/**
 * What the worker does for the subgraphs' own handlers, done now and in order: every outbox
 * event of a type in SUBGRAPH_EVENT_TYPES that no subgraph has handled yet goes to the
 * gateway's POST /events with a delivery token. A test waits for nothing: when this returns,
 * the handlers have committed (each claims the event in its inbox, so a delivery the worker
 * also makes repeats nothing). Answers how many events were delivered.
 */
export async function deliverSubgraphEvents(t: TestStack, organizationId?: string): Promise<number> {
  const rows = await t.db.admin<{ id: string; organization_id: string; event_type: string; aggregate_type: string; aggregate_id: string; payload: Record<string, unknown>; actor: string | null; request_id: string | null; occurred_at: string }>(
    `select o.* from outbox o
      where o.event_type = any($1) and ($2::uuid is null or o.organization_id = $2)
        and not exists (select 1 from inbox i where i.organization_id = o.organization_id and i.event_id = o.id and i.handler like 'subgraph:%')
      order by o.occurred_at, o.id`,
    [[...SUBGRAPH_EVENT_TYPES], organizationId ?? null],
  );
  for (const row of rows) {
    const event = {
      id: row.id,
      organizationId: row.organization_id,
      type: row.event_type,
      aggregateType: row.aggregate_type,
      aggregateId: row.aggregate_id,
      payload: row.payload,
      actor: row.actor ?? 'system',
      requestId: row.request_id,
      occurredAt: new Date(row.occurred_at).toISOString(),
    };
    const response = await fetch(`${t.url}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.stack.tokens.signDelivery({ organizationId: row.organization_id, eventId: row.id })}` },
      body: JSON.stringify({ event }),
    });
    if (response.status !== 200) throw new Error(`delivery of ${row.event_type} ${row.id}: HTTP ${response.status} ${await response.text()}`);
  }
  return rows.length;
}
