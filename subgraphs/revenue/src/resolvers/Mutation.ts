import * as revenue from '../revenue.service.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';

// idempotencyKey is part of every mutation's public contract; the kernel handles it generically.
export const Mutation: MutationResolvers = {
  createInvoice: (_parent, { input }, ctx) => revenue.createInvoice(ctx, input),
  updateInvoice: (_parent, { id, input, expectedVersion }, ctx) => revenue.updateInvoice(ctx, id, input, expectedVersion),
  sendInvoice: (_parent, { id }, ctx) => revenue.sendInvoice(ctx, id),
  voidInvoice: (_parent, { id }, ctx) => revenue.voidInvoice(ctx, id),
  deleteInvoice: (_parent, { id, expectedVersion }, ctx) => revenue.deleteInvoice(ctx, id, expectedVersion),
  restoreInvoice: (_parent, { id }, ctx) => revenue.restoreInvoice(ctx, id),
  recordPayment: (_parent, { input }, ctx) => revenue.recordPayment(ctx, input),
  createVendor: (_parent, { input }, ctx) => revenue.createVendor(ctx, input),
  updateVendor: (_parent, { id, input, expectedVersion }, ctx) => revenue.updateVendor(ctx, id, input, expectedVersion),
  deleteVendor: (_parent, { id, expectedVersion }, ctx) => revenue.deleteVendor(ctx, id, expectedVersion),
  restoreVendor: (_parent, { id }, ctx) => revenue.restoreVendor(ctx, id),
  createBill: (_parent, { input }, ctx) => revenue.createBill(ctx, input),
  updateBill: (_parent, { id, input, expectedVersion }, ctx) => revenue.updateBill(ctx, id, input, expectedVersion),
  approveBill: (_parent, { id }, ctx) => revenue.approveBill(ctx, id),
  voidBill: (_parent, { id }, ctx) => revenue.voidBill(ctx, id),
  recordBillPayment: (_parent, { input }, ctx) => revenue.recordBillPayment(ctx, input),
  deleteBill: (_parent, { id, expectedVersion }, ctx) => revenue.deleteBill(ctx, id, expectedVersion),
  restoreBill: (_parent, { id }, ctx) => revenue.restoreBill(ctx, id),
};
