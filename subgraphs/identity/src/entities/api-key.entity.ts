import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity } from '@ubos/kernel';

// The serving role has no SELECT on secret_hash; it is written once, on creation, by a raw
// insert in the service. It is mapped lazy only so that MikroORM lists the columns it
// selects instead of `select *`, which the column grant would refuse.
export const ApiKeySchema = defineMainEntity('ApiKey', 'api_keys', {
  name: p.text(),
  prefix: p.text(),
  secretHash: p.text().lazy().hidden(),
  scopes: p.array<string>(),
  persistedOnly: p.boolean(),
  limits: p.json<Record<string, unknown>>(),
  expiresAt: p.datetime().nullable(),
  revokedAt: p.datetime().nullable(),
  revokedBy: p.text().nullable(),
  createdBy: p.text(),
  lastUsedAt: p.datetime().nullable(),
});

export type ApiKeyEntity = InferEntity<typeof ApiKeySchema>;
