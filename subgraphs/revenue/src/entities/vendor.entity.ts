import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { mainEntityColumns, MAIN_ENTITY_FILTERS } from '@ubos/kernel';

export const VendorSchema = defineEntity({
  name: 'Vendor',
  tableName: 'vendors',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    ...mainEntityColumns(),
    name: p.text(),
    email: p.text().nullable(),
    phone: p.text().nullable(),
    notes: p.text().nullable(),
  },
});

export type VendorEntity = InferEntity<typeof VendorSchema>;
