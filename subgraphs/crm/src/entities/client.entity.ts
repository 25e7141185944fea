import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MAIN_ENTITY_FILTERS } from '@ubos/kernel';

// The primary key in SQL is (organization_id, id). MikroORM maps id alone: its composite keys
// that share a column have a history of bugs, and ids are unique anyway (UUID v7).
export const ClientSchema = defineEntity({
  name: 'Client',
  tableName: 'clients',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    name: p.text(),
    status: p.text().$type<'LEAD' | 'ACTIVE' | 'INACTIVE' | 'ARCHIVED'>(),
    email: p.text().nullable(),
    phone: p.text().nullable(),
    website: p.text().nullable(),
    industry: p.text().nullable(),
    notes: p.text().nullable(),
    customFields: p.json<Record<string, unknown>>(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    // Owned by the database: a trigger sets and bumps it; the ORM reads it back after a write.
    version: p.integer().default(1),
    deletedAt: p.datetime().nullable(),
    deletedBy: p.text().nullable(),
  },
});

export type ClientEntity = InferEntity<typeof ClientSchema>;
