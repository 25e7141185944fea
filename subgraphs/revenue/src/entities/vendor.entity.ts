import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity } from '@ubos/kernel';

export const VendorSchema = defineMainEntity('Vendor', 'vendors', {
  name: p.text(),
  email: p.text().nullable(),
  phone: p.text().nullable(),
  notes: p.text().nullable(),
});

export type VendorEntity = InferEntity<typeof VendorSchema>;
