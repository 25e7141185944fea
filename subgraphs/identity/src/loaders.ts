import DataLoader from 'dataloader';
import { createByIdLoader, createChildPageLoader, defineLoaders } from '@ubos/kernel';
import { MembershipSchema, type MembershipEntity } from './entities/membership.entity.js';
import { OrganizationSchema } from './entities/organization.entity.js';
import { UserSchema } from './entities/user.entity.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export const createIdentityLoaders = defineLoaders({
  organizationById: ({ em }) => createByIdLoader(em, OrganizationSchema),
  userById: ({ em }) => createByIdLoader(em, UserSchema),
  /** The membership of each user in the current organization. */
  membershipOfUser: ({ em }) => new DataLoader<string, MembershipEntity | null>(async (userIds) => {
    const rows = await em.find(MembershipSchema, { userId: { $in: [...userIds] } });
    const byUser = new Map(rows.map((row) => [row.userId, row]));
    return userIds.map((userId) => byUser.get(userId) ?? null);
  }),
  membersOfOrganization: (scope) => createChildPageLoader(scope, { entity: MembershipSchema, parent: 'organizationId' }),
});

export type IdentityLoaders = ReturnType<typeof createIdentityLoaders>;
