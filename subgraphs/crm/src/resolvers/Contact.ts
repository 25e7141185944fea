import type { ContactResolvers } from '../__generated__/resolvers-types.js';

export const Contact: ContactResolvers = {
  client: async (contact, _args, ctx) => (await ctx.loaders.clientById.load(contact.clientId))!,
  fullName: (contact) => [contact.firstName, contact.lastName].filter(Boolean).join(' '),
};
