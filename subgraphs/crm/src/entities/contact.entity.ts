import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity } from '@ubos/kernel';

export const ContactSchema = defineMainEntity('Contact', 'contacts', {
  clientId: p.uuid(),
  firstName: p.text(),
  lastName: p.text(),
  email: p.text().nullable(),
  phone: p.text().nullable(),
  title: p.text().nullable(),
  isPrimary: p.boolean(),
  customFields: p.json<Record<string, unknown>>(),
});

export type ContactEntity = InferEntity<typeof ContactSchema>;
