import * as revenue from '../revenue.service.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  invoices: (_parent, args, ctx) => revenue.listInvoices(ctx, args),
  invoice: (_parent, { id, asOf }, ctx) => revenue.getInvoice(ctx, id, asOf),
  payment: (_parent, { id }, ctx) => revenue.getPayment(ctx, id),
  vendors: (_parent, args, ctx) => revenue.listVendors(ctx, args),
  vendor: (_parent, { id, asOf }, ctx) => revenue.getVendor(ctx, id, asOf),
  bills: (_parent, args, ctx) => revenue.listBills(ctx, args),
  bill: (_parent, { id, asOf }, ctx) => revenue.getBill(ctx, id, asOf),
};
