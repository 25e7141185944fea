import { money } from '../mappers.js';
import type { LineItemResolvers } from '../__generated__/resolvers-types.js';

export const LineItem: LineItemResolvers = {
  unitPrice: (line) => money(line.unitPriceMinor, line.currency),
  subtotal: (line) => money(line.subtotalMinor, line.currency),
  tax: (line) => money(line.taxMinor, line.currency),
  total: (line) => money(line.totalMinor, line.currency),
};
