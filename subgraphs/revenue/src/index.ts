import { defineSubgraph } from '@ubos/kernel';
import { BillPaymentSchema } from './entities/bill-payment.entity.js';
import { BillSchema } from './entities/bill.entity.js';
import { InvoiceSchema } from './entities/invoice.entity.js';
import { PaymentSchema } from './entities/payment.entity.js';
import { VendorSchema } from './entities/vendor.entity.js';
import { createRevenueLoaders, type RevenueLoaders } from './loaders.js';
import { revenueEventHandlers } from './events.js';
import { resolvers } from './resolvers/index.js';

/** The revenue subgraph: invoices, payments, vendors and bills. */
export const revenueSubgraph = defineSubgraph<RevenueLoaders>({
  name: 'revenue',
  resolvers,
  entities: [InvoiceSchema, PaymentSchema, VendorSchema, BillSchema, BillPaymentSchema],
  createLoaders: createRevenueLoaders,
  events: revenueEventHandlers,
});
