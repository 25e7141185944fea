import * as customFields from '../custom-fields.service.js';
import type { DealResolvers } from '../__generated__/resolvers-types.js';

export const Deal: DealResolvers = {
  client: async (deal, _args, ctx) => (await ctx.loaders.clientReference.load(deal.clientId))!,
  value: (deal) => ({ amountMinor: deal.valueAmountMinor, currency: deal.valueCurrency }),
  history: (deal, args, ctx) => ctx.loaders.dealHistory.versions(deal.id, args),
  customField: (deal, { key }, ctx) => customFields.customField(ctx, 'DEAL', deal.customFields, key),
};
