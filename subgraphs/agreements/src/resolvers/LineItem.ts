import type { LineItemResolvers } from '../__generated__/resolvers-types.js';

export const LineItem: LineItemResolvers = {
  unitPrice: (item) => ({ amountMinor: item.unitPriceMinor, currency: item.currency }),
  subtotal: (item) => ({ amountMinor: item.subtotalMinor, currency: item.currency }),
  tax: (item) => ({ amountMinor: item.taxMinor, currency: item.currency }),
  total: (item) => ({ amountMinor: item.totalMinor, currency: item.currency }),
};
