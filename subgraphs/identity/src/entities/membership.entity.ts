import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity, type Role } from '@ubos/kernel';

export const MembershipSchema = defineMainEntity('Membership', 'memberships', {
  userId: p.uuid(),
  role: p.text().$type<Role>(),
});

export type MembershipEntity = InferEntity<typeof MembershipSchema>;
