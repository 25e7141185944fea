import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TENANT_FILTER } from '@ubos/kernel';

export const PersistedOperationSchema = defineEntity({
  name: 'PersistedOperation',
  tableName: 'persisted_operations',
  filters: TENANT_FILTER,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    sha256: p.text(),
    name: p.text().nullable(),
    query: p.text(),
    createdBy: p.text(),
    createdAt: p.datetime(),
  },
});

export type PersistedOperationEntity = InferEntity<typeof PersistedOperationSchema>;
