import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity, type PostalAddress } from '@ubos/kernel';

// The primary key in SQL is (organization_id, id). MikroORM maps id alone: its composite keys
// that share a column have a history of bugs, and ids are unique anyway (UUID v7).
export const ClientSchema = defineMainEntity('Client', 'clients', {
  name: p.text(),
  status: p.text().$type<'LEAD' | 'ACTIVE' | 'INACTIVE' | 'ARCHIVED' | 'MERGED'>(),
  email: p.text().nullable(),
  phone: p.text().nullable(),
  website: p.text().nullable(),
  industry: p.text().nullable(),
  notes: p.text().nullable(),
  // Schema version 1's free text, and version 2's structure; a row holds one or neither.
  fullAddress: p.text().nullable(),
  address: p.json<PostalAddress>().nullable(),
  customFields: p.json<Record<string, unknown>>(),
  /** Set when this client was merged into another (status MERGED, soft-deleted). */
  mergedInto: p.uuid().nullable(),
});

export type ClientEntity = InferEntity<typeof ClientSchema>;
