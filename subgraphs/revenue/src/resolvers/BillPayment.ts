import { money } from '../mappers.js';
import type { BillPaymentResolvers } from '../__generated__/resolvers-types.js';

export const BillPayment: BillPaymentResolvers = {
  bill: async (payment, _args, ctx) => (await ctx.loaders.billReference.load(payment.billId))!,
  amount: (payment) => money(payment.amountMinor, payment.currency),
};
