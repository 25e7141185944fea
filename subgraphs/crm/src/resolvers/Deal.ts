import { dealCustomFields } from '../custom-fields.js';
import type { DealResolvers } from '../__generated__/resolvers-types.js';

export const Deal: DealResolvers = {
  client: async (deal, _args, ctx) => (await ctx.loaders.clientReference.load(deal.clientId))!,
  value: (deal) => ({ amountMinor: deal.valueAmountMinor, currency: deal.valueCurrency }),
  history: (deal, args, ctx) => ctx.loaders.dealHistory.versions(deal.id, args),
  customField: (deal, { key }, ctx) => dealCustomFields.typed(ctx, deal.customFields, key),
};
