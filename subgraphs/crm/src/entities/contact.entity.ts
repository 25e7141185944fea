import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TENANT_FILTER } from '@ubos/kernel';

export const ContactSchema = defineEntity({
  name: 'Contact',
  tableName: 'contacts',
  filters: TENANT_FILTER,
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
  },
});

export type ContactEntity = InferEntity<typeof ContactSchema>;
