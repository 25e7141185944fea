import type { MessageResolvers } from '../__generated__/resolvers-types.js';

export const Message: MessageResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.messageReference.load(reference.id),
  thread: async (message, _args, ctx) => (await ctx.loaders.threadReference.load(message.threadId))!,
  // The author is an actor label; a user's is user:<id>, which identity resolves by key.
  authorUser: (message) => (message.author.startsWith('user:') ? { id: message.author.slice('user:'.length) } : null),
  history: (message, args, ctx) => ctx.loaders.messageHistory.versions(message.id, args),
};
