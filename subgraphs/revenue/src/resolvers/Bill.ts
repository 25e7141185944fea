import { lineItemsOf, money } from '../mappers.js';
import type { BillResolvers } from '../__generated__/resolvers-types.js';

export const Bill: BillResolvers = {
  vendor: async (bill, _args, ctx) => (await ctx.loaders.vendorReference.load(bill.vendorId))!,
  lineItems: (bill) => lineItemsOf(bill),
  subtotal: (bill) => money(bill.subtotalMinor, bill.currency),
  tax: (bill) => money(bill.taxMinor, bill.currency),
  total: (bill) => money(bill.totalMinor, bill.currency),
  amountPaid: (bill) => money(bill.amountPaidMinor, bill.currency),
  balance: (bill) => money(Number(bill.totalMinor) - Number(bill.amountPaidMinor), bill.currency),
  payments: (bill, _args, ctx) => ctx.loaders.paymentsOfBill.load(bill.id),
  history: (bill, args, ctx) => ctx.loaders.billHistory.versions(bill.id, args),
};
