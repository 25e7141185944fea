import { contactCustomFields } from '../custom-fields.js';
import type { ContactResolvers } from '../__generated__/resolvers-types.js';

export const Contact: ContactResolvers = {
  client: async (contact, _args, ctx) => (await ctx.loaders.clientReference.load(contact.clientId))!,
  fullName: (contact) => [contact.firstName, contact.lastName].filter(Boolean).join(' '),
  history: (contact, args, ctx) => ctx.loaders.contactHistory.versions(contact.id, args),
  customField: (contact, { key }, ctx) => contactCustomFields.typed(ctx, contact.customFields, key),
};
