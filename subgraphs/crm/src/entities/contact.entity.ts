import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MAIN_ENTITY_FILTERS } from '@ubos/kernel';

export const ContactSchema = defineEntity({
  name: 'Contact',
  tableName: 'contacts',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    clientId: p.uuid(),
    firstName: p.text(),
    lastName: p.text(),
    email: p.text().nullable(),
    phone: p.text().nullable(),
    title: p.text().nullable(),
    isPrimary: p.boolean(),
    customFields: p.json<Record<string, unknown>>(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    // Owned by the database: a trigger sets and bumps it; the ORM reads it back after a write.
    version: p.integer().default(1),
    deletedAt: p.datetime().nullable(),
    deletedBy: p.text().nullable(),
  },
});

export type ContactEntity = InferEntity<typeof ContactSchema>;
