import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TENANT_FILTER } from '@ubos/kernel';

// Not tracked by the audit trigger: a session changes with every refresh, and the trail would
// drown in them. Who signed in and when is the session row itself.
export const SessionSchema = defineEntity({
  name: 'Session',
  tableName: 'sessions',
  filters: TENANT_FILTER,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    userId: p.uuid(),
    refreshHash: p.text().lazy().hidden(),
    userAgent: p.text().nullable(),
    ip: p.text().nullable(),
    createdAt: p.datetime(),
    lastSeenAt: p.datetime(),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    revokedReason: p.text().nullable(),
  },
});

export type SessionEntity = InferEntity<typeof SessionSchema>;
