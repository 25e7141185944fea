import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TENANT_FILTER } from '@ubos/kernel';

export const ACTIVITY_ACTIONS = ['created', 'updated', 'deleted', 'restored', 'purged', 'erased'] as const;
export type ActivityActionValue = (typeof ACTIVITY_ACTIONS)[number];

/**
 * One row of the audit trail. Only database triggers write `activity_events` (the serving role
 * has SELECT on it and nothing else), so this entity is read-only: nothing here is ever
 * persisted. `seq` is assigned when the writing transaction commits; this subgraph only ever
 * sees committed, hence sealed, events, and reads only those with a seq.
 */
export const ActivityEventSchema = defineEntity({
  name: 'ActivityEvent',
  tableName: 'activity_events',
  filters: TENANT_FILTER,
  readonly: true,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    seq: p.bigint('number'),
    occurredAt: p.datetime(),
    actor: p.text(),
    entityType: p.text(),
    entityId: p.uuid(),
    clientId: p.uuid().nullable(),
    action: p.text().$type<ActivityActionValue>(),
    changes: p.json<Record<string, unknown>>(),
    ipAddress: p.text().nullable(),
    userAgent: p.text().nullable(),
    requestId: p.text().nullable(),
    prevHash: p.text().nullable(),
    hash: p.text().nullable(),
  },
});

export type ActivityEventEntity = InferEntity<typeof ActivityEventSchema>;
