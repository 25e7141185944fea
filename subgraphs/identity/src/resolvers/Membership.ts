import type { MembershipResolvers } from '../__generated__/resolvers-types.js';

export const Membership: MembershipResolvers = {
  user: async (membership, _args, ctx) => (await ctx.loaders.userById.load(membership.userId))!,
  organization: async (membership, _args, ctx) => (await ctx.loaders.organizationById.load(membership.organizationId))!,
};
