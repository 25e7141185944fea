import { money } from '../mappers.js';
import type { PaymentResolvers } from '../__generated__/resolvers-types.js';

export const Payment: PaymentResolvers = {
  invoice: async (payment, _args, ctx) => (await ctx.loaders.invoiceReference.load(payment.invoiceId))!,
  amount: (payment) => money(payment.amountMinor, payment.currency),
};
