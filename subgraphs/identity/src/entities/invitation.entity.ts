import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity, type Role } from '@ubos/kernel';

// The serving role has no SELECT on token_hash (auth_find_invitation reads it); mapped lazy so
// that MikroORM lists the columns it selects, like ApiKey's secret.
export const InvitationSchema = defineMainEntity('Invitation', 'invitations', {
  email: p.text(),
  role: p.text().$type<Role>(),
  tokenHash: p.text().lazy().hidden(),
  invitedBy: p.text(),
  expiresAt: p.datetime(),
  sentCount: p.integer(),
  lastSentAt: p.datetime(),
  acceptedAt: p.datetime().nullable(),
  acceptedBy: p.uuid().nullable(),
  revokedAt: p.datetime().nullable(),
  revokedBy: p.text().nullable(),
});

export type InvitationEntity = InferEntity<typeof InvitationSchema>;
