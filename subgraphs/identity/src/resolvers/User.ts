import type { UserResolvers } from '../__generated__/resolvers-types.js';

export const User: UserResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.userById.load(reference.id),
  membership: (user, _args, ctx) => ctx.loaders.membershipOfUser.load(user.id),
};
