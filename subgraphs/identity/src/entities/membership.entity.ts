import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TENANT_FILTER, type Role } from '@ubos/kernel';

export const MembershipSchema = defineEntity({
  name: 'Membership',
  tableName: 'memberships',
  filters: TENANT_FILTER,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    userId: p.uuid(),
    role: p.text().$type<Role>(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});

export type MembershipEntity = InferEntity<typeof MembershipSchema>;
