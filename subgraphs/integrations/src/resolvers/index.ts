import { jsonScalarResolvers, scalarResolvers } from '@ubos/kernel';
import type { QuickBooksSyncModel } from '../mappers.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import * as integrations from '../integrations.service.js';
import { Client } from './Client.js';
import { Invoice } from './Invoice.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';

const TYPE_OF_KIND = { CUSTOMER: 'QuickBooksCustomerSync', INVOICE: 'QuickBooksInvoiceSync', PAYMENT: 'QuickBooksPaymentSync' } as const;

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  ...jsonScalarResolvers,
  Query,
  Mutation,
  Client,
  Invoice,
  QuickBooksSync: { __resolveType: (sync: QuickBooksSyncModel) => TYPE_OF_KIND[sync.kind] },
  QuickBooksCustomerSync: { customerId: (sync) => sync.remoteId },
  QuickBooksInvoiceSync: { invoiceId: (sync) => sync.remoteId },
  QuickBooksPaymentSync: { paymentId: (sync) => sync.remoteId, origin: (sync) => sync.origin ?? 'UBOS', ubosPaymentId: (sync) => sync.entityId },
  Integration: { unrecordedPayments: (integration, _args, ctx) => integrations.unrecordedPayments(ctx, integration) },
};
