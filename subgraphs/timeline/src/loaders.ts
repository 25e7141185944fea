import DataLoader from 'dataloader';
import { badUserInput, decodeCursor, encodeCursor, isUuid, pageSize, pgArray, toConnection, type Connection, type EntityManager, type PageArgs } from '@ubos/kernel';
import { ActivityEventSchema, type ActivityEventEntity } from './entities/activity-event.entity.js';

/**
 * Every list of events is newest first in commit order: `seq` descending. seq is unique per
 * organization, so it alone orders the events; the id only completes the cursor, which is the
 * kernel's keyset cursor of (seq, id). A timestamp would not do as a sort key: occurred_at is
 * the start of the writing transaction, so it does not follow commit order, and JavaScript
 * dates drop PostgreSQL's microseconds, so a cursor could not carry it exactly.
 */
export const NEWEST_FIRST = { properties: ['seq', 'id'] as Array<'seq' | 'id'>, direction: 'DESC' as const };

export function eventCursor(event: ActivityEventEntity): string {
  return encodeCursor([event.seq, event.id]);
}

/** The (seq, id) of a cursor, checked, so that a forged one answers BAD_USER_INPUT rather than a failed cast. */
export function decodeEventCursor(after: string): [number, string] {
  const [seq, id] = decodeCursor(after, NEWEST_FIRST.properties.length);
  if (!Number.isSafeInteger(seq) || !isUuid(id)) throw badUserInput('after is not a valid cursor for this list', 'after');
  return [seq as number, id];
}

interface ClientPageKey {
  clientId: string;
  first: number;
  after: string | null;
}

/**
 * Pages of the events of many clients in one statement: a LATERAL subquery per client, each
 * stopping at `first + 1` rows, so the statement count and the rows returned follow the page
 * size. Each client's events are found through activity_events_org_client_idx, which is ordered
 * by occurred_at, so PostgreSQL still top-N sorts one client's events by seq; an index on
 * (organization_id, client_id, seq) would make that a plain index scan. The total, when the
 * query selects it, is one more statement for every client of the fetch.
 *
 * Raw SQL, which the ORM's tenant filter does not reach: the explicit organization_id
 * condition is its equivalent, and Row Level Security stands behind it. Only sealed events
 * (with a seq) are listed; every committed event is sealed, and one written with the triggers
 * off is what verifyAuditChain reports.
 */
function createEventsOfClientLoader(em: EntityManager, organizationId: string | null) {
  const totals = new DataLoader<string, number>(async (clientIds) => {
    const rows = await em.execute<Array<{ client_id: string; total: string }>>(
      `select client_id, count(*) as total from activity_events
       where organization_id = ? and client_id = any(?::uuid[]) and seq is not null group by client_id`,
      [organizationId, pgArray(clientIds)],
    );
    const byClient = new Map(rows.map((row) => [row.client_id, Number(row.total)]));
    return clientIds.map((clientId) => byClient.get(clientId) ?? 0);
  });

  const pages = new DataLoader<ClientPageKey, Connection<ActivityEventEntity>, string>(
    async (keys) => {
      // Keys with the same page arguments share a statement: one per distinct (first, after).
      const groups = new Map<string, ClientPageKey[]>();
      for (const key of keys) {
        const signature = JSON.stringify([key.first, key.after]);
        groups.set(signature, [...(groups.get(signature) ?? []), key]);
      }
      const results = new Map<ClientPageKey, Connection<ActivityEventEntity>>();
      for (const group of groups.values()) {
        const { first, after } = group[0]!;
        const clientIds = [...new Set(group.map((key) => key.clientId))];
        const byClient = new Map<string, ActivityEventEntity[]>();
        if (first > 0 || after) {
          const params: unknown[] = [pgArray(clientIds), organizationId];
          let cursorSql = '';
          if (after) {
            cursorSql = 'and (e.seq, e.id) < (?::bigint, ?::uuid)';
            params.push(...decodeEventCursor(after));
          }
          params.push(first + 1);
          const rows = await em.execute<Array<Record<string, unknown>>>(
            `select e.* from unnest(?::uuid[]) as parent(client_id)
             cross join lateral (
               select * from activity_events e
               where e.organization_id = ? and e.client_id = parent.client_id and e.seq is not null ${cursorSql}
               order by e.seq desc, e.id desc
               limit ?
             ) e
             order by e.client_id, e.seq desc, e.id desc`,
            params,
          );
          for (const row of rows) {
            const clientId = row.client_id as string;
            byClient.set(clientId, [...(byClient.get(clientId) ?? []), em.map(ActivityEventSchema, row as any) as ActivityEventEntity]);
          }
        }
        for (const key of group) {
          results.set(key, toConnection(byClient.get(key.clientId) ?? [], first, eventCursor, Boolean(after), () => totals.load(key.clientId)));
        }
      }
      return keys.map((key) => results.get(key)!);
    },
    { cacheKeyFn: (key) => JSON.stringify([key.clientId, key.first, key.after]) },
  );

  return (clientId: string, args: PageArgs) => {
    // Checked here, before batching, so that a bad argument fails its own field only.
    const first = pageSize(args.first);
    if (args.after) decodeEventCursor(args.after);
    return pages.load({ clientId, first, after: args.after ?? null });
  };
}

/** Per-fetch loaders; the kernel rebuilds them for every fetch. */
export function createTimelineLoaders(em: EntityManager, organizationId: string | null) {
  return {
    eventsOfClient: createEventsOfClientLoader(em, organizationId),
  };
}

export type TimelineLoaders = ReturnType<typeof createTimelineLoaders>;
