import { createByIdLoader, createChildListLoader, createChildPageLoader, createHistoryLoaders, defineLoaders } from '@ubos/kernel';
import { BillPaymentSchema } from './entities/bill-payment.entity.js';
import { BillSchema } from './entities/bill.entity.js';
import { InvoiceSchema } from './entities/invoice.entity.js';
import { PaymentSchema } from './entities/payment.entity.js';
import { VendorSchema } from './entities/vendor.entity.js';
import { utcToday } from './invoice-status.js';

const IN_PAID_ORDER = { orderBy: { paidAt: 'ASC', id: 'ASC' } };
const BY_NUMBER = { properties: ['number', 'id'] as Array<'number' | 'id'>, direction: 'ASC' as const };

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export const createRevenueLoaders = defineLoaders({
  // One day per fetch, shared by the derived statuses and the status filters, so they agree.
  today: () => utcToday(),
  invoiceById: ({ em }) => createByIdLoader(em, InvoiceSchema),
  /** For references from payments and other subgraphs: deleted invoices still resolve. */
  invoiceReference: ({ em }) => createByIdLoader(em, InvoiceSchema, { includeDeleted: true }),
  invoiceHistory: ({ em, organizationId }) => createHistoryLoaders(em, organizationId, 'Invoice', InvoiceSchema),
  invoicesOfClient: (scope) => createChildPageLoader(scope, { entity: InvoiceSchema, parent: 'clientId', sort: BY_NUMBER }),
  invoicesOfEngagement: (scope) => createChildPageLoader(scope, { entity: InvoiceSchema, parent: 'engagementId', sort: BY_NUMBER }),
  paymentById: ({ em }) => createByIdLoader(em, PaymentSchema),
  paymentsOfInvoice: ({ em }) => createChildListLoader(em, PaymentSchema, 'invoiceId', IN_PAID_ORDER),
  vendorById: ({ em }) => createByIdLoader(em, VendorSchema),
  vendorReference: ({ em }) => createByIdLoader(em, VendorSchema, { includeDeleted: true }),
  vendorHistory: ({ em, organizationId }) => createHistoryLoaders(em, organizationId, 'Vendor', VendorSchema),
  billById: ({ em }) => createByIdLoader(em, BillSchema),
  billReference: ({ em }) => createByIdLoader(em, BillSchema, { includeDeleted: true }),
  billHistory: ({ em, organizationId }) => createHistoryLoaders(em, organizationId, 'Bill', BillSchema),
  billsOfVendor: (scope) => createChildPageLoader(scope, { entity: BillSchema, parent: 'vendorId' }),
  paymentsOfBill: ({ em }) => createChildListLoader(em, BillPaymentSchema, 'billId', IN_PAID_ORDER),
});

export type RevenueLoaders = ReturnType<typeof createRevenueLoaders>;
