import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TENANT_FILTER } from '@ubos/kernel';

/** An event whose handler failed every attempt (written by the worker). */
export const DeadLetterEventSchema = defineEntity({
  name: 'DeadLetterEvent',
  tableName: 'event_dead_letters',
  filters: TENANT_FILTER,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    eventType: p.text(),
    handler: p.text(),
    attempts: p.integer(),
    error: p.text(),
    failedAt: p.datetime(),
    replayedAt: p.datetime().nullable(),
    replayedBy: p.text().nullable(),
  },
});

export type DeadLetterEventEntity = InferEntity<typeof DeadLetterEventSchema>;
