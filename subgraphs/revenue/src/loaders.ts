import { createByIdLoader, createChildListLoader, createChildPageLoader, createHistoryLoaders, type LoaderScope } from '@ubos/kernel';
import { BillPaymentSchema } from './entities/bill-payment.entity.js';
import { BillSchema } from './entities/bill.entity.js';
import { InvoiceSchema } from './entities/invoice.entity.js';
import { PaymentSchema } from './entities/payment.entity.js';
import { VendorSchema } from './entities/vendor.entity.js';
import { utcToday } from './invoice-status.js';

const IN_PAID_ORDER = { orderBy: { paidAt: 'ASC', id: 'ASC' } };
const BY_NUMBER = { properties: ['number', 'id'] as Array<'number' | 'id'>, direction: 'ASC' as const };

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createRevenueLoaders(scope: LoaderScope) {
  const { em, organizationId } = scope;
  return {
    // One day per fetch, shared by the derived statuses and the status filters, so they agree.
    today: utcToday(),
    invoiceById: createByIdLoader(em, InvoiceSchema),
    /** For references from payments and other subgraphs: deleted invoices still resolve. */
    invoiceReference: createByIdLoader(em, InvoiceSchema, { includeDeleted: true }),
    invoiceHistory: createHistoryLoaders(em, organizationId, 'Invoice', InvoiceSchema),
    invoicesOfClient: createChildPageLoader(scope, { entity: InvoiceSchema, parent: 'clientId', sort: BY_NUMBER }),
    invoicesOfEngagement: createChildPageLoader(scope, { entity: InvoiceSchema, parent: 'engagementId', sort: BY_NUMBER }),
    paymentById: createByIdLoader(em, PaymentSchema),
    paymentsOfInvoice: createChildListLoader(em, PaymentSchema, 'invoiceId', IN_PAID_ORDER),
    vendorById: createByIdLoader(em, VendorSchema),
    vendorReference: createByIdLoader(em, VendorSchema, { includeDeleted: true }),
    vendorHistory: createHistoryLoaders(em, organizationId, 'Vendor', VendorSchema),
    billById: createByIdLoader(em, BillSchema),
    billReference: createByIdLoader(em, BillSchema, { includeDeleted: true }),
    billHistory: createHistoryLoaders(em, organizationId, 'Bill', BillSchema),
    billsOfVendor: createChildPageLoader(scope, { entity: BillSchema, parent: 'vendorId' }),
    paymentsOfBill: createChildListLoader(em, BillPaymentSchema, 'billId', IN_PAID_ORDER),
  };
}

export type RevenueLoaders = ReturnType<typeof createRevenueLoaders>;
