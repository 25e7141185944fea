import type { DealResolvers } from '../__generated__/resolvers-types.js';

export const Deal: DealResolvers = {
  client: async (deal, _args, ctx) => (await ctx.loaders.clientById.load(deal.clientId))!,
  value: (deal) => ({ amountMinor: deal.valueAmountMinor, currency: deal.valueCurrency }),
};
