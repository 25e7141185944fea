import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { mainEntityColumns, MAIN_ENTITY_FILTERS, type Role } from '@ubos/kernel';

export const MembershipSchema = defineEntity({
  name: 'Membership',
  tableName: 'memberships',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    ...mainEntityColumns(),
    userId: p.uuid(),
    role: p.text().$type<Role>(),
  },
});

export type MembershipEntity = InferEntity<typeof MembershipSchema>;
