import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { mainEntityColumns, MAIN_ENTITY_FILTERS } from '@ubos/kernel';

export const ContactSchema = defineEntity({
  name: 'Contact',
  tableName: 'contacts',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    ...mainEntityColumns(),
    clientId: p.uuid(),
    firstName: p.text(),
    lastName: p.text(),
    email: p.text().nullable(),
    phone: p.text().nullable(),
    title: p.text().nullable(),
    isPrimary: p.boolean(),
    customFields: p.json<Record<string, unknown>>(),
  },
});

export type ContactEntity = InferEntity<typeof ContactSchema>;
