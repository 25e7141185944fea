import { mergeReport, undoBlocker } from '../merge.service.js';
import type { ClientDuplicateSuggestionResolvers, ClientMergeResolvers } from '../__generated__/resolvers-types.js';

export const ClientMerge: ClientMergeResolvers = {
  survivor: async (merge, _args, ctx) => (await ctx.loaders.clientReference.load(merge.clientId))!,
  duplicates: async (merge, _args, ctx) => (await ctx.loaders.clientReference.loadMany(merge.duplicateIds)).filter((client) => client && !(client instanceof Error)) as never,
  moves: async (merge, _args, ctx) => (await mergeReport(ctx, merge.id)).moves,
  conflicts: async (merge, _args, ctx) => (await mergeReport(ctx, merge.id)).conflicts,
  undoable: async (merge, _args, ctx) => {
    const reason = await undoBlocker(ctx, merge);
    return { possible: reason === null, reason };
  },
};

export const ClientDuplicateSuggestion: ClientDuplicateSuggestionResolvers = {
  client: async (pair, _args, ctx) => (await ctx.loaders.clientReference.load(pair.clientId))!,
  duplicate: async (pair, _args, ctx) => (await ctx.loaders.clientReference.load(pair.duplicateId))!,
};
