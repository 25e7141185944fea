import { badUserInput, createChildPageLoader, decodeCursor, defineLoaders, encodeCursor, isUuid, type SqlCondition } from '@ubos/kernel';
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

/** Only sealed events (with a seq) are listed; every committed event is sealed, and one written with the triggers off is what verifyAuditChain reports. */
export const SEALED: SqlCondition = { sql: (alias) => `${alias}.seq is not null`, params: [] };

/** Per-fetch loaders; the kernel rebuilds them for every fetch. */
export const createTimelineLoaders = defineLoaders({
  eventsOfClient: (scope) => createChildPageLoader(scope, { entity: ActivityEventSchema, parent: 'clientId', sort: NEWEST_FIRST }),
});

export type TimelineLoaders = ReturnType<typeof createTimelineLoaders>;
