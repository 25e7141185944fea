import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@ubos/kernel';
import { BillPaymentSchema } from './entities/bill-payment.entity.js';
import { BillSchema } from './entities/bill.entity.js';
import { InvoiceSchema } from './entities/invoice.entity.js';
import { PaymentSchema } from './entities/payment.entity.js';
import { VendorSchema } from './entities/vendor.entity.js';
import { createRevenueLoaders, type RevenueLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';

const sdlPath = fileURLToPath(new URL('../../../schema/revenue.graphql', import.meta.url));

/** The revenue subgraph: invoices, payments, vendors and bills. */
export const revenueSubgraph: SubgraphDefinition<RevenueLoaders> = {
  name: 'revenue',
  typeDefs: parse(fs.readFileSync(sdlPath, 'utf8')),
  resolvers: resolvers as SubgraphDefinition<RevenueLoaders>['resolvers'],
  entities: [InvoiceSchema, PaymentSchema, VendorSchema, BillSchema, BillPaymentSchema],
  createLoaders: createRevenueLoaders,
};
